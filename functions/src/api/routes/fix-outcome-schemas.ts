import { z } from 'zod'
import { Id } from '../../domain/practice'
import { Slug } from '../../domain/surveys'

export const FixParams = z.object({ id: Id })

export const OutcomeQuery = z.object({
  baselineWeeks: z.coerce
    .number()
    .int('Expected a whole number of weeks')
    .min(1, 'At least 1 week')
    .max(52, 'At most 52 weeks')
    .optional()
    .meta({ description: 'Weeks before the fix to compare with (default 13)' }),
})

const Monday = z.iso.date().meta({ description: 'The Monday starting a practice-time ISO week' })
const Interval = z.tuple([z.number(), z.number()])
const Side = z.enum(['above', 'below'])
const Verdict = z.enum(['improved', 'no-change', 'worse', 'not-enough-data']).meta({
  description:
    'improved / worse need both the two-proportion test at p < 0.05 in that direction and a ' +
    'run-chart signal on that side of the baseline median; not-enough-data comes with `needs`.',
})

const Shortfall = z.object({
  weeksAfter: z.number().int(),
  answersAfter: z.number().int(),
  weeksBefore: z.number().int(),
  answersBefore: z.number().int(),
})

/** What the run-chart rules say of the weeks after the fix, against the baseline median. */
const Signals = z.object({
  shift: z.boolean().meta({ description: 'Six or more consecutive weeks on one side' }),
  shiftSide: Side.nullable(),
  fewCrossings: z.boolean().meta({ description: 'Fewer crossings than crossingsMin (Anhøj)' }),
  longRun: z.boolean().meta({ description: 'A run longer than longestRunMax (Anhøj)' }),
  longestRun: z.number().int(),
  longestRunSide: Side.nullable(),
  crossings: z.number().int(),
  useful: z.number().int().meta({ description: 'Weeks not on the median' }),
  longestRunMax: z.number().int(),
  crossingsMin: z.number().int(),
  trend: z.boolean().meta({ description: 'Five weeks all rising or falling; information only' }),
  trendDirection: z.enum(['up', 'down']).nullable(),
})

const Judgement = {
  verdict: Verdict,
  needs: z
    .string()
    .optional()
    .meta({ example: '3 more weeks of answers after the fix', description: 'In English' }),
  shortfall: Shortfall.optional(),
}

const Share = z.object({
  n: z.number().int(),
  k: z.number().int(),
  topBox: z.number().nullable(),
  interval: Interval,
})

const NpsSide = z.object({
  n: z.number().int(),
  score: z.number().nullable(),
  margin: z.number().nullable(),
  promoters: z.number().int(),
  passives: z.number().int(),
  detractors: z.number().int(),
})

const Phase = z.enum(['baseline', 'after'])

export const FixOutcome = z
  .object({
    fixId: Id,
    touchpointId: Slug,
    effectiveOn: z.iso.date(),
    fixWeek: Monday,
    baselineWeeks: z.number().int(),
    before: Share,
    after: Share,
    test: z.object({ z: z.number().nullable(), p: z.number().nullable() }),
    weeks: z.array(
      z.object({
        week: Monday,
        phase: Phase,
        n: z.number().int(),
        k: z.number().int(),
        topBox: z.number().nullable(),
        partial: z.literal(true).optional(),
      }),
    ),
    median: z.number().nullable(),
    signals: Signals,
    pChart: z
      .object({
        center: z.number(),
        limits: z.array(
          z.object({
            week: Monday,
            lower: z.number(),
            upper: z.number(),
            outside: Side.nullable(),
          }),
        ),
      })
      .optional()
      .meta({ description: 'Only when more than half the weeks have 30 answers or more' }),
    nps: z
      .object({
        before: NpsSide,
        after: NpsSide,
        test: z.object({
          difference: z.number().nullable(),
          margin: z.number().nullable(),
          z: z.number().nullable(),
          p: z.number().nullable(),
        }),
        weeks: z.array(
          z.object({
            week: Monday,
            phase: Phase,
            n: z.number().int(),
            score: z.number().nullable(),
          }),
        ),
        median: z.number().nullable(),
        signals: Signals,
        ...Judgement,
      })
      .optional()
      .meta({ description: "Likelihood to recommend, every survey's; only when answered" }),
    ...Judgement,
    minimum: z.object({
      weeksBefore: z.number().int(),
      weeksAfter: z.number().int(),
      answers: z.number().int(),
    }),
  })
  .meta({ id: 'FixOutcome' })
export type FixOutcome = z.infer<typeof FixOutcome>
