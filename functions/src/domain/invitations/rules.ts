import { z } from 'zod'

/**
 * The outer limits a practice may tighten but never loosen. Each is the strictest of the US rules
 * that can apply to a survey invitation, so one set of defaults is lawful in every state:
 * - send window 08:00–20:00 at the recipient's location: the TCPA allows 8 a.m.–9 p.m.
 *   (47 CFR 64.1200(c)(1)), Florida's FTSA (§501.059(8)(a)) and Oklahoma's OTSA (2022)
 *   only 8 a.m.–8 p.m. (both at the called party's location), and we cannot always know which state a mobile number is in;
 * - 1 message a rolling day and 3 a rolling week per contact: the FCC's healthcare exemption
 *   (2015 TCPA Omnibus Order, 47 CFR 64.1200(a)(9)) caps exempt messages there. Satisfaction surveys are not on its list,
 *   so we get consent anyway and still keep its caps (Florida's 3 per 24 h is looser);
 * - 60 days between survey invitations to one contact: survey fatigue and the issue's promise, not
 *   a statute, but a practice may only make it longer.
 */
export const legalLimits = {
  windowStart: '08:00',
  windowEnd: '20:00',
  maxPerDay: 1,
  maxPerWeek: 3,
  minDaysBetweenSurveys: 60,
} as const

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/

/** Minutes after local midnight of an `HH:mm` time (`'08:30'` → 510). */
export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number)
  return hours! * 60 + minutes!
}

const LocalTime = z.string().regex(hhmm, 'Use a 24-hour time such as 08:00')

const windowLaw =
  'Florida (FTSA §501.059) and Oklahoma (OTSA) allow texts only from 8 a.m. to 8 p.m. at the patient’s location'

/**
 * One practice's invitation rules, with the issue's defaults. Every field can be made stricter
 * (a later start, an earlier end, lower caps, a longer interval) and none looser than the law; the
 * error messages say which way a value may move and why.
 *
 * @example
 * const rules = InvitationRules.parse({}) // every default: 08:00–20:00, 1/day, 3/week, 60 days…
 * InvitationRules.parse({ sendWindowStart: '07:00' }) // throws: "…cannot start before 08:00…"
 */
export const InvitationRules = z
  .object({
    /** Local time the first message of a day may go out (in every zone the contact may be in). */
    sendWindowStart: LocalTime.default(legalLimits.windowStart).refine(
      (time) => minutesOfDay(time) >= minutesOfDay(legalLimits.windowStart),
      `The send window cannot start before ${legalLimits.windowStart}: ${windowLaw}. You can start later.`,
    ),
    /** Local time from which nothing goes out (exclusive: at 20:00 sharp it is already too late). */
    sendWindowEnd: LocalTime.default(legalLimits.windowEnd).refine(
      (time) => minutesOfDay(time) <= minutesOfDay(legalLimits.windowEnd),
      `The send window cannot end after ${legalLimits.windowEnd}: ${windowLaw}. You can end earlier.`,
    ),
    /** Messages of any kind to one contact in any rolling 24 hours, across everything we send. */
    maxPerDay: z
      .int('Use a whole number')
      .min(1, 'Allow at least 1 message a day (to send none, turn invitations off)')
      .max(
        legalLimits.maxPerDay,
        `At most ${legalLimits.maxPerDay} message a day per patient: the FCC's limit for healthcare messages. You can lower caps, not raise them.`,
      )
      .default(legalLimits.maxPerDay),
    /** Messages of any kind to one contact in any rolling 7 days. */
    maxPerWeek: z
      .int('Use a whole number')
      .min(1, 'Allow at least 1 message a week (to send none, turn invitations off)')
      .max(
        legalLimits.maxPerWeek,
        `At most ${legalLimits.maxPerWeek} messages a week per patient: the FCC's limit for healthcare messages. You can lower caps, not raise them.`,
      )
      .default(legalLimits.maxPerWeek),
    /** Days from one survey invitation to the next for one contact (reminders do not count). */
    minDaysBetweenSurveys: z
      .int('Use a whole number')
      .min(
        legalLimits.minDaysBetweenSurveys,
        `Leave at least ${legalLimits.minDaysBetweenSurveys} days between survey invitations to one patient. You can make the gap longer, not shorter.`,
      )
      .max(730, 'Use at most 730 days (two years)')
      .default(legalLimits.minDaysBetweenSurveys),
    /** Minutes after the visit ends before its invitation may go (then the send window applies). */
    delayAfterVisitMinutes: z
      .int('Use a whole number of minutes')
      .min(0, 'The delay cannot be negative')
      .max(7 * 24 * 60, 'Use a delay of at most 7 days (10080 minutes)')
      .default(0),
    /** Whether an unanswered invitation gets its one reminder. */
    sendReminder: z.boolean().default(true),
    /** Hours after the invitation was sent before its reminder may go. */
    reminderAfterHours: z
      .int('Use a whole number of hours')
      .min(24, 'Wait at least 24 hours before the reminder: the daily cap would hold it anyway')
      .max(14 * 24, 'Use at most 336 hours (14 days)')
      .default(48),
    /** Days the invitation's link works, counted from the invitation (its reminder reuses it). */
    linkLifetimeDays: z
      .int('Use a whole number of days')
      .min(1, 'A link must work for at least 1 day')
      .max(30, 'A link may work for at most 30 days')
      .default(7),
  })
  .superRefine((rules, ctx) => {
    if (minutesOfDay(rules.sendWindowStart) >= minutesOfDay(rules.sendWindowEnd)) {
      ctx.addIssue({
        code: 'custom',
        path: ['sendWindowEnd'],
        message: 'The send window must end after it starts',
      })
    }
    if (rules.maxPerWeek < rules.maxPerDay) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxPerWeek'],
        message: 'The weekly cap cannot be lower than the daily cap',
      })
    }
    // The reminder reuses the invitation's link: one that goes out after the link died is spam.
    if (rules.sendReminder && rules.reminderAfterHours >= rules.linkLifetimeDays * 24) {
      ctx.addIssue({
        code: 'custom',
        path: ['reminderAfterHours'],
        message:
          'The reminder must go out while the link still works: shorten the wait or make the link last longer',
      })
    }
  })
export type InvitationRules = z.infer<typeof InvitationRules>

/**
 * The rules every practice starts with (the issue's defaults).
 *
 * @example
 * defaultInvitationRules.reminderAfterHours // 48
 */
export const defaultInvitationRules: InvitationRules = Object.freeze(InvitationRules.parse({}))
