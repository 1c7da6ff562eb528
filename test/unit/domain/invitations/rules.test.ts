import { describe, expect, it } from 'vitest'
import {
  defaultInvitationRules,
  InvitationRules,
} from '../../../../functions/src/domain/invitations/rules'

/** The field each problem is about, and its message, as the API's problem+json will name them. */
function problems(input: unknown): Record<string, string> {
  const parsed = InvitationRules.safeParse(input)
  if (parsed.success) return {}
  return Object.fromEntries(
    parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]),
  )
}

describe('InvitationRules', () => {
  it('starts every practice on the issue’s defaults', () => {
    expect(defaultInvitationRules).toEqual({
      sendWindowStart: '08:00',
      sendWindowEnd: '20:00',
      maxPerDay: 1,
      maxPerWeek: 3,
      minDaysBetweenSurveys: 60,
      delayAfterVisitMinutes: 0,
      sendReminder: true,
      reminderAfterHours: 48,
      linkLifetimeDays: 7,
    })
  })

  it('lets a practice narrow the window, lower the caps and lengthen the interval', () => {
    const stricter = {
      sendWindowStart: '09:30',
      sendWindowEnd: '18:00',
      maxPerWeek: 2,
      minDaysBetweenSurveys: 90,
      delayAfterVisitMinutes: 120,
      sendReminder: false,
    }
    expect(InvitationRules.parse(stricter)).toEqual({ ...defaultInvitationRules, ...stricter })
  })

  it('refuses a window wider than 8 a.m. to 8 p.m. and says why, naming each field', () => {
    const found = problems({ sendWindowStart: '07:00', sendWindowEnd: '21:00' })
    expect(Object.keys(found).sort()).toEqual(['sendWindowEnd', 'sendWindowStart'])
    expect(found.sendWindowStart).toMatch(
      /cannot start before 08:00.*Florida.*Oklahoma.*start later/,
    )
    expect(found.sendWindowEnd).toMatch(/cannot end after 20:00.*end earlier/)
  })

  it('accepts the legal edges themselves', () => {
    expect(problems({ sendWindowStart: '08:00', sendWindowEnd: '20:00' })).toEqual({})
  })

  it('refuses raised caps and a shorter survey interval, all in one answer', () => {
    const found = problems({ maxPerDay: 2, maxPerWeek: 4, minDaysBetweenSurveys: 30 })
    expect(found.maxPerDay).toMatch(/At most 1 message a day.*lower caps, not raise them/)
    expect(found.maxPerWeek).toMatch(/At most 3 messages a week.*lower caps, not raise them/)
    expect(found.minDaysBetweenSurveys).toMatch(/at least 60 days.*longer, not shorter/)
  })

  it.each([
    [
      'a window that ends before it starts',
      { sendWindowStart: '15:00', sendWindowEnd: '10:00' },
      'sendWindowEnd',
    ],
    ['a time that is not HH:mm', { sendWindowStart: '9am' }, 'sendWindowStart'],
    ['a cap of zero', { maxPerDay: 0 }, 'maxPerDay'],
    ['a fractional cap', { maxPerWeek: 2.5 }, 'maxPerWeek'],
    ['a negative delay', { delayAfterVisitMinutes: -5 }, 'delayAfterVisitMinutes'],
    [
      'a reminder after the link has died',
      { reminderAfterHours: 72, linkLifetimeDays: 3 },
      'reminderAfterHours',
    ],
  ])('refuses %s', (_name, input, field) => {
    expect(Object.keys(problems(input))).toContain(field)
  })

  it('allows a long reminder wait when reminders are off', () => {
    expect(problems({ sendReminder: false, reminderAfterHours: 200, linkLifetimeDays: 3 })).toEqual(
      {},
    )
  })
})
