import type { InvitationRules } from './rules'
import { nextSendTime } from './send-window'

const minute = 60 * 1000
const hour = 60 * minute
const day = 24 * hour

/**
 * When a visit's invitation may first go: as soon as the visit is over, plus the practice's delay,
 * then the first moment inside the send window in every zone of the contact. `undefined` when the
 * zones share no hour of the window (the invitation is suppressed, never sent at night).
 *
 * @example
 * // A visit ends 19:59 in Chicago with a 5-minute delay: 20:04 is too late, so 08:00 next morning.
 * invitationSendTime(new Date('2026-11-24T01:59:00Z'), ['America/Chicago'], rules)
 * // → 2026-11-24T14:00:00.000Z
 */
export function invitationSendTime(
  visitEndedAt: Date,
  zones: string[],
  rules: InvitationRules,
): Date | undefined {
  const earliest = new Date(visitEndedAt.getTime() + rules.delayAfterVisitMinutes * minute)
  return nextSendTime(earliest, zones, rules)
}

/**
 * When an invitation's link stops working: its lifetime counted from the invitation, so the
 * reminder reuses the same link rather than extending it. Also the natural TTL of the contact
 * details kept for it.
 *
 * @example
 * linkExpiresAt(new Date('2026-11-24T14:00:00Z'), rules) // → 2026-12-01T14:00:00.000Z (7 days)
 */
export function linkExpiresAt(invitationSentAt: Date, rules: InvitationRules): Date {
  return new Date(invitationSentAt.getTime() + rules.linkLifetimeDays * day)
}

/** What the store knows of one invitation when deciding on its reminder. */
export interface InvitationTimeline {
  /** The zones the contact's messages must respect (the practice's, and the number's if different). */
  zones: string[]
  sentAt?: Date
  reminderSentAt?: Date
  answeredAt?: Date
  /** When the contact opted out of the channel (or everything), at any time. */
  optedOutAt?: Date
}

export type ReminderVerdict =
  | { due: true }
  | {
      due: false
      why:
        | 'reminders-off'
        | 'not-sent'
        | 'already-reminded'
        | 'answered'
        | 'opted-out'
        | 'expired'
        | 'no-common-window'
        | 'not-yet'
      /** With `not-yet`: the moment the reminder becomes due. */
      at?: Date
    }

/**
 * Whether an invitation's one reminder should go out now: `reminderAfterHours` after the
 * invitation, inside the send window, and only if the patient has not answered, has not opted out
 * and the link still works. A reminder is sent once at most: after it, never again (an unanswered
 * survey is an answer too). The caps (`capCheck(…, 'reminder')`) are checked after this.
 *
 * @example
 * reminderDue({ zones: ['America/Chicago'], sentAt }, now, rules)
 * // → { due: false, why: 'not-yet', at: <48 h after sentAt, in the window> } or { due: true }
 */
export function reminderDue(
  invitation: InvitationTimeline,
  now: Date,
  rules: InvitationRules,
): ReminderVerdict {
  if (!rules.sendReminder) return { due: false, why: 'reminders-off' }
  if (!invitation.sentAt) return { due: false, why: 'not-sent' }
  if (invitation.reminderSentAt) return { due: false, why: 'already-reminded' }
  if (invitation.answeredAt) return { due: false, why: 'answered' }
  // Any opt-out, even one older than the invitation (recorded late), stops the reminder.
  if (invitation.optedOutAt) return { due: false, why: 'opted-out' }
  const expiresAt = linkExpiresAt(invitation.sentAt, rules).getTime()
  if (now.getTime() >= expiresAt) return { due: false, why: 'expired' }
  const waitedEnough = invitation.sentAt.getTime() + rules.reminderAfterHours * hour
  // From now if the job runs late, so a reminder held past 20:00 waits for the morning.
  const at = nextSendTime(new Date(Math.max(now.getTime(), waitedEnough)), invitation.zones, rules)
  if (!at) return { due: false, why: 'no-common-window' }
  // A reminder whose window opens only after the link died would send a dead link.
  if (at.getTime() >= expiresAt) return { due: false, why: 'expired' }
  if (at.getTime() > now.getTime()) return { due: false, why: 'not-yet', at }
  return { due: true }
}
