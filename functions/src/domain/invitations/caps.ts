import type { InvitationRules } from './rules'

/**
 * What was sent to one contact (found by its contact hash, so the count holds across visits,
 * locations and re-imports): a survey invitation, its reminder, or anything else Touchpoint sends
 * (an opt-out confirmation, a HELP answer).
 */
export type MessageKind = 'invitation' | 'reminder' | 'other'

export interface SentMessage {
  at: Date
  kind: MessageKind
}

export type CapVerdict =
  | { allowed: true }
  | {
      allowed: false
      reason: 'daily-cap' | 'weekly-cap' | 'survey-interval'
      /** The earliest moment every cap allows the message, when waiting helps (not for the interval). */
      retryAfter?: Date
    }

type Caps = Pick<InvitationRules, 'maxPerDay' | 'maxPerWeek' | 'minDaysBetweenSurveys'>

const hour = 60 * 60 * 1000
const day = 24 * hour

/**
 * When a rolling window of `span` ending at `now` holds fewer than `max` of `times`: now, or the
 * moment the oldest message that keeps it full slides out. A message counts while `now - at < span`.
 */
function rollingCapOpensAt(times: number[], now: number, span: number, max: number): number {
  // A message stamped after `now` (clock skew between Lambdas) counts as sent: better late than twice.
  const inside = times.filter((at) => now - at < span).sort((a, b) => a - b)
  if (inside.length < max) return now
  return inside[inside.length - max]! + span
}

/**
 * Whether one more message may go to a contact now, by the caps over every message Touchpoint sent
 * it (`history`, in any order):
 * - at most `maxPerDay` in any rolling 24 hours and `maxPerWeek` in any rolling 7 days (the FCC's
 *   healthcare limits, 47 CFR 64.1200(a)(9)); reminders and other messages count, since the
 *   patient's phone buzzes all the same. Waiting helps, so the answer says until when;
 * - no new survey invitation within `minDaysBetweenSurveys` of the last one. That is refused
 *   outright, never postponed: an invitation that waits weeks asks about a visit the patient has
 *   forgotten. A reminder continues its own invitation and is not a new one, so this rule skips it.
 *
 * Replies the law requires (the one opt-out confirmation, a HELP answer) are not checked here:
 * the caller sends them whatever the caps say, and records them as `other`.
 *
 * @example
 * capCheck([{ at: new Date('2026-11-23T15:00:00Z'), kind: 'other' }], new Date('2026-11-24T09:00:00Z'), rules)
 * // → { allowed: false, reason: 'daily-cap', retryAfter: 2026-11-24T15:00:00.000Z }
 */
export function capCheck(
  history: readonly SentMessage[],
  now: Date,
  rules: Caps,
  sending: MessageKind = 'invitation',
): CapVerdict {
  const nowMs = now.getTime()
  if (sending === 'invitation') {
    const lastInvitation = Math.max(
      ...history.filter((sent) => sent.kind === 'invitation').map((sent) => sent.at.getTime()),
    )
    if (nowMs - lastInvitation < rules.minDaysBetweenSurveys * day) {
      return { allowed: false, reason: 'survey-interval' }
    }
  }
  const times = history.map((sent) => sent.at.getTime())
  const dailyOpens = rollingCapOpensAt(times, nowMs, day, rules.maxPerDay)
  const weeklyOpens = rollingCapOpensAt(times, nowMs, 7 * day, rules.maxPerWeek)
  if (dailyOpens <= nowMs && weeklyOpens <= nowMs) return { allowed: true }
  // Both counts only fall as time passes, so the later opening satisfies both caps; name the cap
  // that binds longest, since that is the one the manager will see the message wait for.
  const reason = weeklyOpens >= dailyOpens ? 'weekly-cap' : 'daily-cap'
  return { allowed: false, reason, retryAfter: new Date(Math.max(dailyOpens, weeklyOpens)) }
}
