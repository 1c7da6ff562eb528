import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  InvitationRules,
  defaultInvitationRules as rules,
} from '../../../../functions/src/domain/invitations/rules'
import {
  insideWindow,
  nextSendTime,
} from '../../../../functions/src/domain/invitations/send-window'

const at = (iso: string) => new Date(iso)
const iso = (date: Date | undefined) => date?.toISOString()

describe('nextSendTime', () => {
  // 24 November 2026, a Tuesday: Chicago is UTC−6, New York UTC−5, Los Angeles UTC−8.
  it.each([
    ['06:30 waits for 08:00', '2026-11-24T12:30:00Z', '2026-11-24T14:00:00.000Z'],
    ['noon goes at once', '2026-11-24T18:00:00Z', '2026-11-24T18:00:00.000Z'],
    ['19:59:59 is still inside', '2026-11-25T01:59:59Z', '2026-11-25T01:59:59.000Z'],
    [
      '20:00 sharp is too late: the next morning',
      '2026-11-25T02:00:00Z',
      '2026-11-25T14:00:00.000Z',
    ],
    ['21:00 waits for the next morning', '2026-11-25T03:00:00Z', '2026-11-25T14:00:00.000Z'],
  ])('quiet hours in Chicago: %s', (_name, earliest, expected) => {
    expect(iso(nextSendTime(at(earliest), ['America/Chicago'], rules))).toBe(expected)
  })

  it('holds a Los Angeles number from a New York practice until 8 a.m. Pacific', () => {
    const zones = ['America/New_York', 'America/Los_Angeles']
    // 08:00 in New York is 05:00 in Los Angeles: wait for 08:00 Pacific (11:00 Eastern).
    expect(iso(nextSendTime(at('2026-11-24T13:00:00Z'), zones, rules))).toBe(
      '2026-11-24T16:00:00.000Z',
    )
    // 19:30 in New York is 16:30 in Los Angeles: both open.
    expect(iso(nextSendTime(at('2026-11-25T00:30:00Z'), zones, rules))).toBe(
      '2026-11-25T00:30:00.000Z',
    )
    // 20:00 in New York closes the practice's side although Los Angeles is at 17:00.
    expect(iso(nextSendTime(at('2026-11-25T01:00:00Z'), zones, rules))).toBe(
      '2026-11-25T16:00:00.000Z',
    )
  })

  it('keeps a Florida number to 8 a.m.–8 p.m. Eastern even from a Chicago practice', () => {
    const zones = ['America/Chicago', 'America/New_York']
    // 19:30 in Chicago is 20:30 in Miami, past Florida's 8 p.m.: 08:00 Chicago (09:00 Miami) next day.
    expect(iso(nextSendTime(at('2026-11-25T01:30:00Z'), zones, rules))).toBe(
      '2026-11-25T14:00:00.000Z',
    )
    // 07:30 in Chicago is 08:30 in Miami: the practice's side opens first at 08:00 Chicago.
    expect(iso(nextSendTime(at('2026-11-24T13:30:00Z'), zones, rules))).toBe(
      '2026-11-24T14:00:00.000Z',
    )
    // A Florida number alone: 20:00 in Miami waits for 08:00.
    expect(iso(nextSendTime(at('2026-11-25T01:00:00Z'), ['America/New_York'], rules))).toBe(
      '2026-11-25T13:00:00.000Z',
    )
  })

  it('keeps 8 a.m. at 8 a.m. across the March daylight-saving change in Chicago', () => {
    // Saturday 7 March 2026, 21:00 CST; the clocks spring forward that night.
    expect(iso(nextSendTime(at('2026-03-08T03:00:00Z'), ['America/Chicago'], rules))).toBe(
      '2026-03-08T13:00:00.000Z', // Sunday 08:00 CDT (UTC−5), not 09:00
    )
    // Sunday 19:59 CDT is inside; 20:00 CDT is not.
    expect(insideWindow(at('2026-03-09T00:59:00Z'), 'America/Chicago', rules)).toBe(true)
    expect(insideWindow(at('2026-03-09T01:00:00Z'), 'America/Chicago', rules)).toBe(false)
  })

  it('keeps 8 a.m. at 8 a.m. across the November daylight-saving change in Chicago', () => {
    // Saturday 31 October 2026, 21:00 CDT; the clocks fall back that night.
    expect(iso(nextSendTime(at('2026-11-01T02:00:00Z'), ['America/Chicago'], rules))).toBe(
      '2026-11-01T14:00:00.000Z', // Sunday 08:00 CST (UTC−6), not 07:00
    )
    // 01:30 CST, the second time that night the clock shows 01:30.
    expect(iso(nextSendTime(at('2026-11-01T07:30:00Z'), ['America/Chicago'], rules))).toBe(
      '2026-11-01T14:00:00.000Z',
    )
  })

  it('moves a visit ending 19:59 with a 5-minute delay to the next morning', () => {
    const endedAt = at('2026-11-25T01:59:00Z') // 19:59 in Chicago
    const earliest = new Date(endedAt.getTime() + 5 * 60 * 1000)
    expect(iso(nextSendTime(earliest, ['America/Chicago'], rules))).toBe('2026-11-25T14:00:00.000Z')
  })

  it('finds the evening in New York that is the morning in Guam', () => {
    // New York 08:00–20:00 is 13:00–01:00 UTC; Guam (UTC+10) 08:00–20:00 is 22:00–10:00 UTC.
    const zones = ['America/New_York', 'Pacific/Guam']
    expect(iso(nextSendTime(at('2026-11-24T14:00:00Z'), zones, rules))).toBe(
      '2026-11-24T22:00:00.000Z',
    )
  })

  it('answers undefined when a narrowed window shares no hour between the zones', () => {
    const narrow = InvitationRules.parse({ sendWindowStart: '10:00', sendWindowEnd: '14:00' })
    // New York 10:00–14:00 is 15:00–19:00 UTC; Honolulu's is 20:00–24:00 UTC.
    expect(
      nextSendTime(at('2026-11-24T12:00:00Z'), ['America/New_York', 'Pacific/Honolulu'], narrow),
    ).toBe(undefined)
    // With the full window they share 13:00–20:00 in New York (08:00–15:00 in Honolulu).
    expect(
      iso(
        nextSendTime(at('2026-11-24T13:00:00Z'), ['America/New_York', 'Pacific/Honolulu'], rules),
      ),
    ).toBe('2026-11-24T18:00:00.000Z')
  })

  it('refuses an empty list of zones rather than guessing one', () => {
    expect(() => nextSendTime(at('2026-11-24T12:00:00Z'), [], rules)).toThrow(/time zone/)
  })

  it('always answers the first minute open in every zone, for any start and zones', () => {
    const zoneSets = fc.subarray(
      [
        'America/New_York',
        'America/Chicago',
        'America/Denver',
        'America/Phoenix',
        'America/Los_Angeles',
        'America/Anchorage',
        'Pacific/Honolulu',
      ],
      { minLength: 1, maxLength: 3 },
    )
    const starts = fc.date({
      min: at('2026-01-01T00:00:00Z'),
      max: at('2027-01-01T00:00:00Z'),
      noInvalidDate: true,
    })
    fc.assert(
      fc.property(starts, zoneSets, (earliest, zones) => {
        const found = nextSendTime(earliest, zones, rules)
        if (!found) return false // every US pair shares some hour of 08:00–20:00
        expect(found.getTime()).toBeGreaterThanOrEqual(earliest.getTime())
        expect(zones.every((zone) => insideWindow(found, zone, rules))).toBe(true)
        // No whole minute between the start and the answer was open everywhere.
        const firstMinute = Math.ceil(earliest.getTime() / 60_000) * 60_000
        for (let t = firstMinute; t < found.getTime(); t += 60_000) {
          if (zones.every((zone) => insideWindow(new Date(t), zone, rules))) return false
        }
        return true
      }),
      { numRuns: 60 },
    )
  })
})
