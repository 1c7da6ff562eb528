import { describe, expect, it } from 'vitest'
import {
  areaCodeEntries,
  areaCodeZones,
  floridaAreaCodes,
  oklahomaAreaCodes,
} from '../../../../functions/src/domain/visits/area-code-zones'

const knownZones = new Set(Intl.supportedValuesOf('timeZone'))

describe('the area-code table', () => {
  it('writes each area code once, as three digits a NANP code can be', () => {
    const codes = areaCodeEntries.map(([code]) => code)
    const twice = codes.filter((code, i) => codes.indexOf(code) !== i)
    expect(twice).toEqual([])
    // NANP area codes start 2-9 and are never N11 (211, 911…) or N9X (reserved for expansion).
    const odd = codes.filter((code) => !/^[2-9](?!11)\d\d$/.test(code) || code[1] === '9')
    expect(odd).toEqual([])
  })

  it('names only time zones this runtime knows, each once per code', () => {
    for (const [code, zones] of areaCodeEntries) {
      expect(zones.length, code).toBeGreaterThan(0)
      expect(new Set(zones).size, code).toBe(zones.length)
      for (const zone of zones) expect(knownZones.has(zone), `${code}: ${zone}`).toBe(true)
    }
  })

  it('covers every state and DC with at least its original codes', () => {
    // One well-known code per state and DC: a table that lost a state fails here.
    const onePerState = [
      '205',
      '907',
      '602',
      '501',
      '213',
      '303',
      '203',
      '302',
      '202',
      '305',
      '404',
      '808',
      '208',
      '312',
      '317',
      '515',
      '316',
      '502',
      '504',
      '207',
      '410',
      '617',
      '313',
      '612',
      '601',
      '314',
      '406',
      '402',
      '702',
      '603',
      '201',
      '505',
      '212',
      '704',
      '701',
      '216',
      '405',
      '503',
      '215',
      '401',
      '803',
      '605',
      '615',
      '214',
      '801',
      '802',
      '703',
      '206',
      '304',
      '414',
      '307',
    ]
    expect(onePerState).toHaveLength(51)
    for (const code of onePerState) expect(areaCodeZones[code], code).toBeDefined()
    expect(Object.keys(areaCodeZones).length).toBeGreaterThan(400)
  })

  it('keeps no toll-free or other non-geographic code, which says nothing of where someone is', () => {
    for (const code of ['800', '833', '844', '855', '866', '877', '888', '900', '500', '700'])
      expect(areaCodeZones[code], code).toBeUndefined()
  })

  it("lists Florida's and Oklahoma's codes, each also in the zone table", () => {
    expect(floridaAreaCodes.size).toBe(23)
    expect([...oklahomaAreaCodes].sort()).toEqual(['405', '539', '572', '580', '918'])
    for (const code of [...floridaAreaCodes, ...oklahomaAreaCodes])
      expect(areaCodeZones[code], code).toBeDefined()
    for (const code of floridaAreaCodes)
      expect(areaCodeZones[code], code).toContain('America/New_York')
  })
})
