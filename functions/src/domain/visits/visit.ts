import { z } from 'zod'
import { Email, Id, Language } from '../practice'
import { plainString } from '../plain-text'
import { Channel } from '../invitations/consent'

/** A phone number in E.164 form (`+12125550100`). */
export const E164Number = z.string().regex(/^\+[1-9]\d{6,14}$/, 'Expected an E.164 phone number')

/**
 * How long a visit's invitation lives, per practice: the delay after the visit before the first
 * message may go (default none: "as soon as the visit is over"), and how long its link answers.
 * The link must outlive the single reminder at 48 hours, hence the minimum of three days.
 */
export const InvitationWindow = z.object({
  sendDelayMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(0),
  linkLifetimeHours: z
    .number()
    .int()
    .min(72)
    .max(30 * 24)
    .default(7 * 24),
})
export type InvitationWindow = z.infer<typeof InvitationWindow>
export const defaultInvitationWindow: InvitationWindow = InvitationWindow.parse({})

/**
 * One channel's entry in the consent ledger: what the file said, where it came from, when we
 * recorded it and which wording of the consent the practice collected (its version, as the
 * practice names it), so a compliance officer can show what the patient agreed to.
 */
export const ConsentRecord = z.object({
  given: z.boolean(),
  source: z.literal('visits-import'),
  at: z.iso.datetime(),
  textVersion: z.string().trim().min(1).max(100),
})
export type ConsentRecord = z.infer<typeof ConsentRecord>

/**
 * The patient's details, kept only for the channels they consented to and only until `expiresAt`
 * (the end of the invitation window), when DynamoDB's TTL deletes them: the store keeps this part
 * in an item of its own, since TTL removes whole items.
 */
export const VisitContact = z.object({
  firstName: plainString().trim().min(1).max(60).optional(),
  email: Email.optional(),
  mobile: E164Number.optional(),
  expiresAt: z.iso.datetime(),
})
export type VisitContact = z.infer<typeof VisitContact>

/** A visit's channels are those of the consent ledger (domain/invitations/consent.ts). */
export { Channel }

/**
 * A visit read from a scheduling system's export: what an invitation is sent for. This file and
 * the readers of a row (`visit-row`, `visit-cells`, `visit-columns`, `phone`, `place-finder`) use
 * nothing of Node, so the browser's import preview can run them; hashing (`contact-hash`,
 * `visit-id`) needs node:crypto and happens on the server.
 */
export const Visit = z
  .object({
    /** Stored shapes carry a version and are upgraded on read when they change. */
    v: z.literal(1),
    id: Id,
    practiceId: Id,
    /** When the visit took place, as an instant (the file's wall-clock time in the practice's zone). */
    visitAt: z.iso.datetime(),
    providerId: Id.optional(),
    locationId: Id.optional(),
    language: Language,
    consent: z.object({ email: ConsentRecord, sms: ConsentRecord }),
    /** HMACs of the e-mail address and mobile number: kept after `contact` expires, for caps and opt-outs. */
    contactHashes: z.object({ email: z.string().optional(), sms: z.string().optional() }),
    /** Absent when no channel may be used: then nothing about the patient is kept but the hashes. */
    contact: VisitContact.optional(),
    /** The channels an invitation may use: a detail on file and consent for it. */
    channels: z.array(Channel),
    /** Whether any channel may be used (imported all the same: the visit happened, the file is right). */
    invitable: z.boolean(),
  })
  .refine((visit) => visit.invitable === visit.channels.length > 0, {
    message: 'invitable says whether there is a channel',
    path: ['invitable'],
  })
export type Visit = z.infer<typeof Visit>

/**
 * When a visit's contact details must be gone: the end of its invitation window (the visit, the
 * practice's delay, the link's lifetime). Afterwards no message may use them, so none needs them.
 *
 * @example
 * contactExpiresAt('2026-11-30T14:30:00.000Z', { sendDelayMinutes: 0, linkLifetimeHours: 168 })
 * // '2026-12-07T14:30:00.000Z'
 */
export function contactExpiresAt(visitAt: string, window: InvitationWindow): string {
  const ms = (window.sendDelayMinutes * 60 + window.linkLifetimeHours * 3600) * 1000
  return new Date(Date.parse(visitAt) + ms).toISOString()
}

/**
 * An instant as DynamoDB's TTL attribute wants it: whole seconds since 1970.
 *
 * @example
 * ttlSeconds('2026-12-07T14:30:00.000Z') // 1796653800
 */
export function ttlSeconds(at: string): number {
  return Math.floor(Date.parse(at) / 1000)
}
