import { describe, expect, it } from 'vitest'
import {
  isFloridaOrOklahoma,
  normalisePhone,
  zoneOfNumber,
} from '../../../../functions/src/domain/visits/phone'

describe('normalisePhone', () => {
  it.each([
    ['(212) 555-0100', '+12125550100'],
    ['212.555.0100', '+12125550100'],
    ['212-555-0100', '+12125550100'],
    ['1-212-555-0100', '+12125550100'],
    ['+1 212 555 0100', '+12125550100'],
    ['  2125550100 ', '+12125550100'],
    ['(808) 555-0199', '+18085550199'],
    ['+1 604 555 1234', '+16045551234'], // Vancouver: Canada shares +1
    ['787 555 1234', '+17875551234'], // Puerto Rico
  ])('writes %s as %s', (written, e164) => {
    expect(normalisePhone(written)).toEqual({ ok: true, e164 })
  })

  it.each([
    ['555-0100', 'too short'],
    ['212-555-01', 'too short'],
    ['2125550100123', 'too long'],
    ['call me', 'not a phone number'],
    ['', 'not a phone number'],
    ['1-800-FLOWERS', 'not a phone number'],
    ['123-456-7890', 'not a valid US or Canadian number (no such area code or exchange)'],
    ['+44 7911 123456', 'not a US or Canadian phone number'],
    ['+52 55 1234 5678', 'not a US or Canadian phone number'],
    ['1 (800) 555-1234', 'a toll-free number, not a personal mobile'],
    ['900-555-1234', 'a premium-rate number, not a personal mobile'],
    ['212-555-0100 x12', 'has an extension: not a personal mobile'],
  ])('refuses %j: %s', (written, reason) => {
    expect(normalisePhone(written)).toEqual({ ok: false, reason })
  })

  it('says "a landline-only number" where the numbering plan tells landlines apart', () => {
    // A London number is a landline by its plan; allowed here only to show the reason exists.
    expect(normalisePhone('+44 20 7946 0958', { countries: ['GB'] })).toEqual({
      ok: false,
      reason: 'a landline-only number',
    })
    // A UK mobile, with the same option, is accepted.
    expect(normalisePhone('+44 7400 123456', { countries: ['GB'] })).toEqual({
      ok: true,
      e164: '+447400123456',
    })
  })

  it('never repeats the number in its reason', () => {
    for (const written of ['555-0100', '+44 7911 123456', '123-456-7890', '900-555-1234']) {
      const read = normalisePhone(written)
      expect(read.ok).toBe(false)
      if (!read.ok) expect(read.reason).not.toMatch(/\d{3}/)
    }
  })
})

describe('zoneOfNumber', () => {
  // 40 area codes across every US zone, with the ones that span zones.
  it.each([
    ['212', ['America/New_York']], // Manhattan
    ['617', ['America/New_York']], // Boston
    ['404', ['America/New_York']], // Atlanta
    ['305', ['America/New_York']], // Miami
    ['407', ['America/New_York']], // Orlando
    ['850', ['America/New_York', 'America/Chicago']], // Tallahassee and the panhandle (Pensacola)
    ['448', ['America/New_York', 'America/Chicago']], // 850's overlay
    ['313', ['America/Detroit']], // Detroit
    ['906', ['America/Detroit', 'America/Menominee']], // Upper Peninsula
    ['317', ['America/New_York']], // Indianapolis
    ['219', ['America/Chicago', 'America/New_York']], // Gary, Indiana
    ['812', ['America/Chicago', 'America/New_York']], // Evansville, Indiana
    ['270', ['America/Chicago', 'America/New_York']], // western Kentucky
    ['502', ['America/New_York']], // Louisville
    ['312', ['America/Chicago']], // Chicago
    ['214', ['America/Chicago']], // Dallas
    ['713', ['America/Chicago']], // Houston
    ['405', ['America/Chicago']], // Oklahoma City
    ['918', ['America/Chicago']], // Tulsa
    ['580', ['America/Chicago', 'America/Denver']], // western Oklahoma and its panhandle
    ['615', ['America/Chicago']], // Nashville
    ['605', ['America/Chicago', 'America/Denver']], // South Dakota
    ['701', ['America/Chicago', 'America/Denver']], // North Dakota
    ['303', ['America/Denver']], // Denver
    ['801', ['America/Denver']], // Salt Lake City
    ['505', ['America/Denver']], // Albuquerque
    ['915', ['America/Denver']], // El Paso
    ['406', ['America/Denver']], // Montana
    ['208', ['America/Boise', 'America/Los_Angeles']], // Idaho
    ['602', ['America/Phoenix']], // Phoenix: no DST
    ['520', ['America/Phoenix']], // Tucson
    ['928', ['America/Phoenix', 'America/Denver']], // northern Arizona, the Navajo Nation
    ['213', ['America/Los_Angeles']], // Los Angeles
    ['415', ['America/Los_Angeles']], // San Francisco
    ['206', ['America/Los_Angeles']], // Seattle
    ['503', ['America/Los_Angeles']], // Portland
    ['541', ['America/Los_Angeles', 'America/Boise']], // Oregon with Malheur County
    ['702', ['America/Los_Angeles']], // Las Vegas
    ['907', ['America/Anchorage', 'America/Adak']], // Alaska
    ['808', ['Pacific/Honolulu']], // Hawaii: no DST
    ['787', ['America/Puerto_Rico']], // Puerto Rico
  ])('area code %s is in %j', (code, zones) => {
    expect(zoneOfNumber(`+1${code}5550100`)).toEqual(zones)
  })

  it('knows nothing of toll-free numbers, other countries or malformed input', () => {
    expect(zoneOfNumber('+18005550100')).toBeUndefined()
    expect(zoneOfNumber('+447911123456')).toBeUndefined()
    expect(zoneOfNumber('2125550100')).toBeUndefined()
  })
})

describe('isFloridaOrOklahoma', () => {
  it.each([
    ['+13055550100', true], // Miami
    ['+18505550100', true], // Tallahassee
    ['+19045550100', true], // Jacksonville
    ['+19185550100', true], // Tulsa
    ['+14055550100', true], // Oklahoma City
    ['+15805550100', true], // Lawton
    ['+12125550100', false], // New York
    ['+19125550100', false], // Savannah, Georgia (next door)
    ['+14695550100', false], // Dallas
    ['+447911123456', false],
  ])('%s: %s', (e164, expected) => {
    expect(isFloridaOrOklahoma(e164)).toBe(expected)
  })
})
