import { capCheck, type SentMessage } from './caps'
import { consentFor, type Channel, type ConsentEntry } from './consent'
import type { InvitationRules } from './rules'
import {
  invitationSendTime,
  reminderDue,
  type InvitationTimeline,
  type ReminderVerdict,
} from './schedule'
import { nextSendTime } from './send-window'

/** Everything the invitation sender knows about one queued invitation and its contact. */
export interface QueuedInvitation {
  channel: Channel
  visitEndedAt: Date
  /** The contact's consent ledger (all channels; only `channel` counts). */
  consent: readonly ConsentEntry[]
  /**
   * Every message sent to this patient, from any survey: looked up by the hash of each contact the
   * visit gives (its mobile's and its e-mail's), so the caps hold across channels (see `capCheck`).
   */
  sent: readonly SentMessage[]
  /** The practice's zone, and the number's when its area code says otherwise. */
  zones: string[]
}

/** Why an invitation is never sent; the invitations list shows it as `suppressedReason`. */
export type SuppressedReason = 'no-consent' | 'opted-out' | 'survey-interval' | 'no-common-window'

export type InvitationPlan =
  | { action: 'send' }
  | { action: 'wait'; until: Date; why: 'delay' | 'send-window' | 'daily-cap' | 'weekly-cap' }
  | { action: 'suppress'; reason: SuppressedReason }

/**
 * What the sender does with a queued invitation now, every rule in order: consent for the channel
 * (withdrawn consent is an opt-out, and stops the message even if it came after queueing), the
 * 60-day interval, the delay after the visit, the send window in every zone, then the daily and
 * weekly caps. `wait` says until when, so a job can sleep the invitation instead of polling it;
 * the job plans again at that moment, because an opt-out may arrive in between.
 *
 * @example
 * planInvitation(queued, now, rules)
 * // → { action: 'wait', until: 2026-11-25T14:00:00.000Z, why: 'send-window' }
 */
export function planInvitation(
  invitation: QueuedInvitation,
  now: Date,
  rules: InvitationRules,
): InvitationPlan {
  const consent = consentFor(invitation.consent, invitation.channel)
  if (!consent.consented) {
    return { action: 'suppress', reason: consent.why === 'withdrawn' ? 'opted-out' : 'no-consent' }
  }
  const caps = capCheck(invitation.sent, now, rules, 'invitation')
  if (!caps.allowed && caps.reason === 'survey-interval') {
    return { action: 'suppress', reason: 'survey-interval' }
  }
  const due = invitationSendTime(invitation.visitEndedAt, invitation.zones, rules)
  if (!due) return { action: 'suppress', reason: 'no-common-window' }
  if (due.getTime() > now.getTime()) {
    const afterDelay = invitation.visitEndedAt.getTime() + rules.delayAfterVisitMinutes * 60_000
    return { action: 'wait', until: due, why: afterDelay > now.getTime() ? 'delay' : 'send-window' }
  }
  // Due in the past (the job ran late, or at night): the window must still be open now.
  const open = nextSendTime(now, invitation.zones, rules)
  if (!open) return { action: 'suppress', reason: 'no-common-window' }
  if (open.getTime() > now.getTime()) return { action: 'wait', until: open, why: 'send-window' }
  if (!caps.allowed) {
    // A cap opening at night waits on for the window, so the invitation never goes at 3 a.m.
    const until = nextSendTime(caps.retryAfter!, invitation.zones, rules)
    if (!until) return { action: 'suppress', reason: 'no-common-window' }
    return { action: 'wait', until, why: caps.reason === 'daily-cap' ? 'daily-cap' : 'weekly-cap' }
  }
  return { action: 'send' }
}

/** What the sender knows about a sent invitation when its reminder may be due. */
export interface SentInvitation extends InvitationTimeline {
  channel: Channel
  consent: readonly ConsentEntry[]
  sent: readonly SentMessage[]
}

export type ReminderPlan =
  | { action: 'send' }
  | { action: 'wait'; until: Date; why: 'not-yet' | 'daily-cap' | 'weekly-cap' }
  | { action: 'never'; why: Exclude<ReminderVerdict, { due: true }>['why'] | 'no-consent' }

/**
 * What the sender does about an invitation's one reminder now: `reminderDue`'s timing and its
 * reasons for never (answered, opted out, expired, already sent), then consent for the channel
 * (a withdrawal in the ledger is an opt-out too), then the caps, which count the reminder but do
 * not apply the 60-day rule to it.
 *
 * @example
 * planReminder(invitation, now, rules) // → { action: 'never', why: 'answered' }
 */
export function planReminder(
  invitation: SentInvitation,
  now: Date,
  rules: InvitationRules,
): ReminderPlan {
  const consent = consentFor(invitation.consent, invitation.channel)
  if (!consent.consented) {
    return { action: 'never', why: consent.why === 'withdrawn' ? 'opted-out' : 'no-consent' }
  }
  const due = reminderDue(invitation, now, rules)
  if (!due.due) {
    if (due.why === 'not-yet') return { action: 'wait', until: due.at!, why: 'not-yet' }
    return { action: 'never', why: due.why }
  }
  const caps = capCheck(invitation.sent, now, rules, 'reminder')
  if (caps.allowed) return { action: 'send' }
  // The cap may open at night or after the link dies: ask reminderDue again at that moment.
  const later = reminderDue(invitation, caps.retryAfter!, rules)
  if (!later.due && later.why !== 'not-yet') return { action: 'never', why: later.why }
  const until = later.due ? caps.retryAfter! : later.at!
  return { action: 'wait', until, why: caps.reason === 'daily-cap' ? 'daily-cap' : 'weekly-cap' }
}
