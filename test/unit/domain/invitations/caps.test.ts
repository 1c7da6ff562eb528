import { describe, expect, it } from 'vitest'
import { capCheck, type SentMessage } from '../../../../functions/src/domain/invitations/caps'
import {
  InvitationRules,
  defaultInvitationRules as rules,
} from '../../../../functions/src/domain/invitations/rules'

const now = new Date('2026-11-24T15:00:00Z')
const hours = (n: number) => n * 60 * 60 * 1000
const ago = (ms: number) => new Date(now.getTime() - ms)
const after = (ms: number) => new Date(now.getTime() + ms)
const sent = (ms: number, kind: SentMessage['kind'] = 'other'): SentMessage => ({
  at: ago(ms),
  kind,
})

describe('capCheck', () => {
  it('allows the first message a contact ever gets', () => {
    expect(capCheck([], now, rules)).toEqual({ allowed: true })
  })

  it('holds a second message inside 24 hours until the first is a day old', () => {
    const history = [sent(hours(23) + 59 * 60 * 1000)]
    expect(capCheck(history, now, rules)).toEqual({
      allowed: false,
      reason: 'daily-cap',
      retryAfter: after(60 * 1000),
    })
  })

  it('allows it once the first message is exactly 24 hours old', () => {
    expect(capCheck([sent(hours(24))], now, rules)).toEqual({ allowed: true })
  })

  it('counts reminders and other messages toward the daily cap', () => {
    expect(capCheck([sent(hours(2), 'reminder')], now, rules)).toMatchObject({
      reason: 'daily-cap',
    })
    expect(capCheck([sent(hours(2), 'other')], now, rules)).toMatchObject({ reason: 'daily-cap' })
  })

  it('holds a fourth message in a rolling week until the oldest of the three is 7 days old', () => {
    const history = [sent(hours(6 * 24)), sent(hours(4 * 24), 'reminder'), sent(hours(2 * 24))]
    expect(capCheck(history, now, rules)).toEqual({
      allowed: false,
      reason: 'weekly-cap',
      retryAfter: after(hours(24)),
    })
    expect(capCheck(history, after(hours(24)), rules)).toEqual({ allowed: true })
  })

  it('names the cap that binds longest and waits until both allow', () => {
    // Daily opens in 22 h; weekly only in 24 h, when the message from 6 days ago leaves the week.
    const history = [sent(hours(6 * 24)), sent(hours(4 * 24)), sent(hours(2))]
    expect(capCheck(history, now, rules)).toEqual({
      allowed: false,
      reason: 'weekly-cap',
      retryAfter: after(hours(24)),
    })
    // Daily binds longer: one message 1 h ago, the week has room.
    expect(capCheck([sent(hours(1))], now, rules)).toEqual({
      allowed: false,
      reason: 'daily-cap',
      retryAfter: after(hours(23)),
    })
  })

  it('honours a practice’s lower weekly cap', () => {
    const two = InvitationRules.parse({ maxPerWeek: 2 })
    const history = [sent(hours(5 * 24)), sent(hours(3 * 24))]
    expect(capCheck(history, now, two)).toEqual({
      allowed: false,
      reason: 'weekly-cap',
      retryAfter: after(hours(2 * 24)),
    })
    expect(capCheck(history, now, rules)).toEqual({ allowed: true })
  })

  it('refuses, never postpones, a survey invitation within 60 days of the last', () => {
    const history = [sent(hours(59 * 24), 'invitation')]
    expect(capCheck(history, now, rules)).toEqual({ allowed: false, reason: 'survey-interval' })
    expect(capCheck([sent(hours(60 * 24), 'invitation')], now, rules)).toEqual({ allowed: true })
  })

  it('honours a practice’s longer survey interval', () => {
    const ninety = InvitationRules.parse({ minDaysBetweenSurveys: 90 })
    expect(capCheck([sent(hours(75 * 24), 'invitation')], now, ninety)).toMatchObject({
      reason: 'survey-interval',
    })
  })

  it('lets a reminder follow its own invitation: it is not a new survey invitation', () => {
    const history = [sent(hours(48), 'invitation')]
    expect(capCheck(history, now, rules, 'reminder')).toEqual({ allowed: true })
    expect(capCheck(history, now, rules, 'invitation')).toEqual({
      allowed: false,
      reason: 'survey-interval',
    })
  })

  it('does not count reminders or other messages as invitations for the 60-day rule', () => {
    const history = [
      sent(hours(70 * 24), 'invitation'),
      sent(hours(10 * 24), 'reminder'),
      sent(hours(5 * 24)),
    ]
    expect(capCheck(history, now, rules)).toEqual({ allowed: true })
  })

  it('counts a message stamped a little in the future (clock skew) as already sent', () => {
    const skewed: SentMessage = { at: after(30 * 1000), kind: 'other' }
    expect(capCheck([skewed], now, rules)).toMatchObject({ allowed: false, reason: 'daily-cap' })
  })

  it('reads the history in any order', () => {
    const history = [sent(hours(2 * 24)), sent(hours(6 * 24)), sent(hours(4 * 24))]
    expect(capCheck(history, now, rules)).toEqual(capCheck([...history].reverse(), now, rules))
    expect(capCheck(history, now, rules)).toMatchObject({ retryAfter: after(hours(24)) })
  })
})
