import { createHmac } from 'node:crypto'

export type ContactKind = 'email' | 'sms'

/**
 * A contact as it is hashed: an e-mail address trimmed and lower-cased (mail providers treat the
 * local part case-insensitively in practice, and one patient must have one hash whatever their
 * spreadsheet's capitals), a phone number exactly as given, which must already be E.164.
 *
 * @example
 * normalisedContact('email', '  Ana@Example.COM ') // 'ana@example.com'
 */
export function normalisedContact(kind: ContactKind, value: string): string {
  if (kind === 'email') return value.trim().toLowerCase()
  const phone = value.trim()
  if (!/^\+[1-9]\d{6,14}$/.test(phone)) throw new TypeError('Expected a phone number in E.164 form')
  return phone
}

/**
 * The stand-in for a patient's e-mail address or mobile number that is kept after the details
 * themselves expire: the frequency caps ("one message a day, three a week, one survey in 60 days")
 * and opt-outs ("STOP") must outlive the invitation, the address must not.
 *
 * Why HMAC with a secret and not a plain SHA-256: there are only about 10^10 US phone numbers, so
 * anyone holding the table could hash them all in minutes and read every number back from a bare
 * hash (and e-mail addresses fall to a list of known addresses the same way). With a per-deployment
 * secret kept outside the table, a hash is useless without it. The kind is part of what is hashed,
 * so an e-mail hash can never equal a phone hash.
 *
 * @example
 * contactHash('sms', '+12125550100', secret) // 'n4bQgYhMfWWaL-qqxK_4Ym9l0e2w…' (43 characters, base64url)
 * contactHash('email', 'Ana@Example.com', secret) === contactHash('email', 'ana@example.com ', secret) // true
 */
export function contactHash(kind: ContactKind, value: string, secret: string): string {
  if (secret.length < 16)
    throw new TypeError('The contact-hash secret must have 16 characters or more')
  return createHmac('sha256', secret)
    .update(`${kind}:${normalisedContact(kind, value)}`)
    .digest('base64url')
}
