import { z } from 'zod'

/**
 * The consent ledger of one contact (kept by its contact hash): every grant and withdrawal for
 * each channel, with where it came from, when, and which consent wording the patient saw. It is
 * append-only, so a compliance officer can answer "why did this person get this text?" for any
 * message: under the TCPA the sender must prove the consent it relied on.
 */

export const Channel = z.enum(['email', 'sms'])
export type Channel = z.infer<typeof Channel>

/** Where a grant or withdrawal was recorded. */
export const ConsentSource = z.enum([
  /** A consent column of an imported visits CSV (the practice's intake form collected it). */
  'visits-import',
  /** Staff recorded it (a patient asked at the desk or on the phone). */
  'staff',
  /** A text reply: STOP and its kin withdraw, START and its kin grant again. */
  'sms-reply',
  /** The e-mail's one-click (RFC 8058) or visible unsubscribe link. */
  'unsubscribe-link',
  /** The patient's own choice on a survey or "contact me" form. */
  'patient-form',
])
export type ConsentSource = z.infer<typeof ConsentSource>

export const ConsentEntry = z.object({
  channel: Channel,
  granted: z.boolean(),
  source: ConsentSource,
  at: z.coerce.date(),
  /** The version of the consent wording shown (e.g. `intake-2026-03`); a withdrawal names its own. */
  textVersion: z.string().trim().min(1).max(60),
})
export type ConsentEntry = z.infer<typeof ConsentEntry>

export type ConsentVerdict =
  | { consented: true; entry: ConsentEntry }
  | { consented: false; why: 'never-given' | 'withdrawn'; entry?: ConsentEntry }

/**
 * Whether the contact consents to messages on `channel` now: the latest entry for that channel
 * decides, and a withdrawal recorded at the same instant as a grant wins (ambiguity leans to not
 * sending). Consent for one channel never stands in for the other: a patient who agreed to e-mail
 * and not to texts gets no text.
 *
 * @example
 * consentFor([{ channel: 'sms', granted: true, source: 'visits-import', at, textVersion: 'intake-1' }], 'email')
 * // → { consented: false, why: 'never-given' }
 */
export function consentFor(ledger: readonly ConsentEntry[], channel: Channel): ConsentVerdict {
  const latest = ledger
    .filter((entry) => entry.channel === channel)
    .reduce<ConsentEntry | undefined>((best, entry) => {
      if (!best) return entry
      const [a, b] = [entry.at.getTime(), best.at.getTime()]
      if (a !== b) return a > b ? entry : best
      return entry.granted ? best : entry
    }, undefined)
  if (!latest) return { consented: false, why: 'never-given' }
  if (!latest.granted) return { consented: false, why: 'withdrawn', entry: latest }
  return { consented: true, entry: latest }
}
