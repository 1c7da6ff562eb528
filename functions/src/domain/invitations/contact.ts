import { createHmac } from 'node:crypto'
import type { Channel } from './consent'

/**
 * A contact as the rules see it: a mobile number in E.164 or an e-mail address, normalised so the
 * same person typed two ways is one contact, and its keyed hash, which is all that outlives the
 * invitation window (caps and opt-outs are looked up by it, the details themselves expire by TTL).
 */

export type PhoneVerdict =
  | { ok: true; e164: string }
  | {
      ok: false
      reason: 'not-a-number' | 'not-north-american' | 'invalid-area-code' | 'invalid-exchange'
    }

/**
 * A North American (NANP: the US, Canada and the Caribbean) number in E.164, from how people type
 * it: `(312) 555-0100`, `312.555.0100`, `1-312-555-0100`, `+1 312 555 0100`. Anything else is
 * refused with the reason, so an import can list the row: a number outside +1 (the US texting
 * rules this engine keeps are not another country's), an extension, too few or too many digits,
 * or an area code or exchange no number can have (starting 0 or 1, or an N11 service code).
 *
 * @example
 * toE164('(312) 555-0100') // { ok: true, e164: '+13125550100' }
 * toE164('+44 20 7946 0958') // { ok: false, reason: 'not-north-american' }
 */
export function toE164(raw: string): PhoneVerdict {
  const trimmed = raw.trim()
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return { ok: false, reason: 'not-a-number' }
  const digits = trimmed.replace(/\D/g, '')
  if (trimmed.startsWith('+') && !digits.startsWith('1')) {
    return { ok: false, reason: 'not-north-american' }
  }
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits
  if (national.length !== 10) return { ok: false, reason: 'not-a-number' }
  const [area, exchange] = [national.slice(0, 3), national.slice(3, 6)]
  const n11 = (code: string) => code[1] === '1' && code[2] === '1'
  if (!/^[2-9]/.test(area) || n11(area)) return { ok: false, reason: 'invalid-area-code' }
  if (!/^[2-9]/.test(exchange) || n11(exchange)) return { ok: false, reason: 'invalid-exchange' }
  return { ok: true, e164: `+1${national}` }
}

/**
 * An e-mail address as one contact: trimmed and lower-cased (providers treat the local part
 * case-insensitively in practice), or `undefined` when it is not an address at all.
 *
 * @example
 * normalisedEmail('  Ana.Rivera@Example.COM ') // 'ana.rivera@example.com'
 */
export function normalisedEmail(raw: string): string | undefined {
  const email = raw.trim().toLowerCase()
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= 254 ? email : undefined
}

/**
 * The keyed hash of a normalised contact (HMAC-SHA256, hex), by which caps and opt-outs are kept
 * after the contact details expire. Keyed, because a plain SHA-256 of a phone number is reversed
 * by trying all ten billion numbers in an afternoon. The key must never change: an opt-out kept
 * only as a hash cannot be re-hashed, so a new key would forget every opt-out.
 *
 * @example
 * contactHash('sms', '+13125550100', key) // '5f1c…' (64 hex characters)
 */
export function contactHash(channel: Channel, normalised: string, key: string): string {
  if (key.length < 32) throw new Error('The contact-hash key must be at least 32 characters')
  return createHmac('sha256', key).update(`${channel}:${normalised}`).digest('hex')
}
