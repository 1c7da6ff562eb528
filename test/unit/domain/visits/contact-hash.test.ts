import { createHash, createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  contactHash,
  normalisedContact,
} from '../../../../functions/src/domain/visits/contact-hash'

const secret = 'a-test-secret-of-some-length'

describe('contactHash', () => {
  it('is the HMAC-SHA256 of kind and normalised contact, in base64url', () => {
    const expected = createHmac('sha256', secret)
      .update('email:ana@example.com')
      .digest('base64url')
    expect(contactHash('email', '  Ana@Example.COM ', secret)).toBe(expected)
    expect(contactHash('email', 'ana@example.com', secret)).toBe(expected)
    expect(expected).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('differs by secret, so a bare hash of every phone number does not reverse it', () => {
    const phone = '+12125550100'
    const bare = createHash('sha256').update(`sms:${phone}`).digest('base64url')
    expect(contactHash('sms', phone, secret)).not.toBe(bare)
    expect(contactHash('sms', phone, secret)).not.toBe(contactHash('sms', phone, `${secret}-2`))
  })

  it('never lets an e-mail hash equal a phone hash, and keeps different contacts apart', () => {
    expect(contactHash('email', '+12125550100', secret)).not.toBe(
      contactHash('sms', '+12125550100', secret),
    )
    expect(contactHash('sms', '+12125550100', secret)).not.toBe(
      contactHash('sms', '+12125550101', secret),
    )
  })

  it('refuses a phone number not in E.164 form and a short secret', () => {
    expect(() => contactHash('sms', '(212) 555-0100', secret)).toThrow(/E\.164/)
    expect(() => contactHash('sms', '+12125550100', 'short')).toThrow(/16 characters/)
    expect(normalisedContact('sms', ' +12125550100 ')).toBe('+12125550100')
  })
})
