import { describe, expect, it } from 'vitest'
import {
  contactHash,
  normalisedEmail,
  toE164,
} from '../../../../functions/src/domain/invitations/contact'

const key = 'a-test-key-of-at-least-32-characters!'

describe('toE164', () => {
  it.each([
    ['(312) 555-0100', '+13125550100'],
    ['312.555.0100', '+13125550100'],
    ['312 555 0100', '+13125550100'],
    ['1-312-555-0100', '+13125550100'],
    ['+1 (312) 555-0100', '+13125550100'],
    [' 3125550100 ', '+13125550100'],
    ['+1 416 555 0199', '+14165550199'], // Toronto: NANP too
  ])('normalises %j to %s', (raw, e164) => {
    expect(toE164(raw)).toEqual({ ok: true, e164 })
  })

  it.each([
    ['', 'not-a-number'],
    ['call me', 'not-a-number'],
    ['312-555-0100 x12', 'not-a-number'],
    ['555-0100', 'not-a-number'],
    ['1312555010000', 'not-a-number'],
    ['+44 20 7946 0958', 'not-north-american'],
    ['012-555-0100', 'invalid-area-code'],
    ['112-555-0100', 'invalid-area-code'],
    ['911-555-0100', 'invalid-area-code'],
    ['312-155-0100', 'invalid-exchange'],
    ['312-411-0100', 'invalid-exchange'],
  ])('refuses %j: %s', (raw, reason) => {
    expect(toE164(raw)).toEqual({ ok: false, reason })
  })
})

describe('normalisedEmail', () => {
  it('makes one contact of one address typed two ways, and refuses what is not an address', () => {
    expect(normalisedEmail('  Ana.Rivera@Example.COM ')).toBe('ana.rivera@example.com')
    expect(normalisedEmail('ana.rivera@example')).toBe(undefined)
    expect(normalisedEmail('ana rivera@example.com')).toBe(undefined)
  })
})

describe('contactHash', () => {
  it('is the same for the same contact, different by channel, contact and key', () => {
    const hash = contactHash('sms', '+13125550100', key)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(contactHash('sms', '+13125550100', key)).toBe(hash)
    expect(contactHash('sms', '+13125550101', key)).not.toBe(hash)
    expect(contactHash('email', '+13125550100', key)).not.toBe(hash)
    expect(contactHash('sms', '+13125550100', `${key}x`)).not.toBe(hash)
    expect(hash).not.toContain('3125550100')
  })

  it('refuses a short key, which would make the hash guessable', () => {
    expect(() => contactHash('sms', '+13125550100', 'short')).toThrow(/32 characters/)
  })
})
