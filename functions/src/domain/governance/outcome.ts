import { addDays, weekStart } from '../analytics/periods'
import { npsDifference, nps as npsOf, type Nps } from '../metrics/nps'
import { twoSidedP } from '../metrics/normal'
import { pChart } from '../metrics/p-chart'
import { twoProportionTest, wilsonInterval } from '../metrics/proportions'
import { median, runChartSignals, type RunChartSignals } from '../metrics/run-chart'
import {
  judge,
  minimumAnswers,
  minimumWeeksAfter,
  minimumWeeksBefore,
  type Judgement,
} from './outcome-verdict'

/**
 * "Did the fix work?" for one touch point, from its weekly counters: the baseline (by default
 * the 13 weeks before the week the fix takes effect) against the weeks from that week on.
 *
 * - before and after: answers, top-box share (4 or 5 of 5) and its 95% Wilson interval, and the
 *   pooled two-proportion z test of after against before;
 * - the weekly points with the baseline's median frozen, and the run-chart rules applied to the
 *   weeks after the fix (run-chart.ts); weeks without answers have no point and are skipped;
 * - a p-chart with the baseline's centre, only when more than half the weeks have 30 answers or
 *   more (with fewer its limits are so wide that only the run chart is worth reading);
 * - the verdict (outcome-verdict.ts, which documents the minimum data).
 * The same for NPS when the weeks have likelihood-to-recommend answers.
 *
 * Weeks are practice-time ISO weeks named by their Monday (`2026-11-16`), as the counters are.
 * The fix's own week counts as after (the contract says "from the fix date"); this week counts
 * too, marked `partial`, so a committee sees the first days after a fix.
 */

/** One week of a touch point's counters: n answers on the 1-5 scale, k of them 4 or 5. */
export interface TouchpointWeek {
  week: string
  n: number
  k: number
  /** Likelihood-to-recommend answers of the week (all surveys together), when there were any. */
  nps?: { promoters: number; passives: number; detractors: number }
}

export const defaultBaselineWeeks = 13
/** Weeks after a fix read at most: three years, the dashboard's longest range. */
export const maxWeeksAfter = 156
/** Weeks a p-chart point needs to have its limits worth drawing (see `pChart`). */
export const pChartMinimumAnswers = 30

/** The weeks an outcome reads: the baseline and the weeks from the fix's week to this week. */
export interface OutcomeWindow {
  fixWeek: string
  baseline: string[]
  after: string[]
}

/**
 * The Mondays an outcome reads, so the store can fetch exactly that range in one Query.
 *
 * @example
 * outcomeWindow('2026-11-18', '2026-12-01', 2)
 * // { fixWeek: '2026-11-16', baseline: ['2026-11-02', '2026-11-09'], after: ['2026-11-16', '2026-11-23', '2026-11-30'] }
 */
export function outcomeWindow(
  effectiveOn: string,
  today: string,
  baselineWeeks = defaultBaselineWeeks,
): OutcomeWindow {
  const fixWeek = weekStart(effectiveOn)
  const baseline = Array.from({ length: baselineWeeks }, (_, i) =>
    addDays(fixWeek, -7 * (baselineWeeks - i)),
  )
  const thisWeek = weekStart(today)
  const after: string[] = []
  for (let week = fixWeek; week <= thisWeek && after.length < maxWeeksAfter;) {
    after.push(week)
    week = addDays(week, 7)
  }
  return { fixWeek, baseline, after }
}

export interface ShareSummary {
  n: number
  k: number
  topBox: number | null
  interval: [low: number, high: number]
}

export interface OutcomePoint {
  week: string
  phase: 'baseline' | 'after'
  n: number
  k: number
  topBox: number | null
  /** This week, still under way. */
  partial?: true
}

export interface PChartView {
  center: number
  limits: { week: string; lower: number; upper: number; outside: 'above' | 'below' | null }[]
}

export interface NpsSummary {
  n: number
  score: number | null
  margin: number | null
  promoters: number
  passives: number
  detractors: number
}

export interface NpsOutcome extends Judgement {
  before: NpsSummary
  after: NpsSummary
  /** After − before in NPS points, its 95% margin, and the z test it amounts to. */
  test: { difference: number | null; margin: number | null; z: number | null; p: number | null }
  weeks: { week: string; phase: 'baseline' | 'after'; n: number; score: number | null }[]
  median: number | null
  signals: RunChartSignals
}

export interface Outcome extends Judgement {
  effectiveOn: string
  fixWeek: string
  baselineWeeks: number
  before: ShareSummary
  after: ShareSummary
  test: { z: number | null; p: number | null }
  weeks: OutcomePoint[]
  /** The baseline weeks' median top-box share; null when the baseline has no answers. */
  median: number | null
  signals: RunChartSignals
  pChart?: PChartView
  nps?: NpsOutcome
  /** The minimums the verdict used (see outcome-verdict.ts). */
  minimum: { weeksBefore: number; weeksAfter: number; answers: number }
}

export interface OutcomeInput {
  /** The touch point's weeks; any week of the window missing here had no answers. */
  weeks: readonly TouchpointWeek[]
  effectiveOn: string
  /** Today in the practice's time zone. */
  today: string
  baselineWeeks?: number
  /** Answers each side needs at least; never below 30 (see outcome-verdict.ts). */
  minimumAnswers?: number
}

/**
 * The outcome of a fix.
 *
 * @example
 * fixOutcome({ weeks, effectiveOn: '2026-09-07', today: '2026-12-01' })
 * // { verdict: 'improved', before: { n: 260, topBox: 0.4, … }, after: { n: 160, topBox: 0.8, … },
 * //   signals: { shift: true, … }, … }
 */
export function fixOutcome(input: OutcomeInput): Outcome {
  const baselineWeeks = input.baselineWeeks ?? defaultBaselineWeeks
  const window = outcomeWindow(input.effectiveOn, input.today, baselineWeeks)
  const byWeek = new Map(input.weeks.map((week) => [week.week, week]))
  const thisWeek = weekStart(input.today)
  const weekOf = (week: string): TouchpointWeek => byWeek.get(week) ?? { week, n: 0, k: 0 }
  const before = window.baseline.map(weekOf)
  const after = window.after.map(weekOf)
  const minimum = Math.max(minimumAnswers, input.minimumAnswers ?? minimumAnswers)

  const beforeShare = shareOf(before)
  const afterShare = shareOf(after)
  const test = twoProportionTest(afterShare, beforeShare)
  const centre = median(before.flatMap(topBoxOf))
  const signals = runChartSignals(after.flatMap(topBoxOf), centre ?? Number.NaN)
  const judgement = judge({
    weeksBefore: before.filter((week) => week.n > 0).length,
    weeksAfter: after.filter((week) => week.n > 0).length,
    answersBefore: beforeShare.n,
    answersAfter: afterShare.n,
    z: test.z,
    p: test.pValue,
    signals,
    minimum,
  })

  const point = (phase: OutcomePoint['phase']) => (week: TouchpointWeek) => ({
    week: week.week,
    phase,
    n: week.n,
    k: week.k,
    topBox: week.n > 0 ? week.k / week.n : null,
    ...(week.week === thisWeek ? { partial: true as const } : {}),
  })
  const all = [...before, ...after]
  const chart = pChartOf(before, all)
  const npsOutcome = npsOutcomeOf(before, after, minimum)
  return {
    effectiveOn: input.effectiveOn,
    fixWeek: window.fixWeek,
    baselineWeeks,
    before: beforeShare,
    after: afterShare,
    test: { z: test.z, p: test.pValue },
    weeks: [...before.map(point('baseline')), ...after.map(point('after'))],
    median: centre,
    signals,
    ...(chart ? { pChart: chart } : {}),
    ...(npsOutcome ? { nps: npsOutcome } : {}),
    ...judgement,
    minimum: { weeksBefore: minimumWeeksBefore, weeksAfter: minimumWeeksAfter, answers: minimum },
  }
}

const topBoxOf = (week: TouchpointWeek) => (week.n > 0 ? [week.k / week.n] : [])

function shareOf(weeks: readonly TouchpointWeek[]): ShareSummary {
  let n = 0
  let k = 0
  for (const week of weeks) {
    n += week.n
    k += week.k
  }
  return { n, k, topBox: n > 0 ? k / n : null, interval: wilsonInterval(k, n) }
}

/** The p-chart, when more than half the weeks have enough answers for its limits to matter. */
function pChartOf(
  baseline: readonly TouchpointWeek[],
  weeks: readonly TouchpointWeek[],
): PChartView | undefined {
  const wellAnswered = weeks.filter((week) => week.n >= pChartMinimumAnswers).length
  if (wellAnswered * 2 <= weeks.length) return undefined
  const chart = pChart(baseline, weeks)
  if (!chart) return undefined
  return {
    center: chart.center,
    limits: chart.points.map(({ lower, upper, outside }, i) => ({
      week: (weeks[i] as TouchpointWeek).week,
      lower,
      upper,
      outside,
    })),
  }
}

/** NPS of some weeks, from their promoter, passive and detractor counts. */
function npsOfWeeks(weeks: readonly TouchpointWeek[]): Nps {
  let promoters = 0
  let passives = 0
  let detractors = 0
  for (const week of weeks) {
    promoters += week.nps?.promoters ?? 0
    passives += week.nps?.passives ?? 0
    detractors += week.nps?.detractors ?? 0
  }
  // metrics/nps reads a 0-10 histogram; one value per group gives the same score and margin.
  return npsOf({ '10': promoters, '8': passives, '0': detractors })
}

const npsSummary = ({ n, score, margin, promoters, passives, detractors }: Nps): NpsSummary => ({
  n,
  score,
  margin,
  promoters,
  passives,
  detractors,
})

/** The same reading for NPS; undefined when no week of the window has an NPS answer. */
function npsOutcomeOf(
  before: readonly TouchpointWeek[],
  after: readonly TouchpointWeek[],
  minimum: number,
): NpsOutcome | undefined {
  const weekScore = (week: TouchpointWeek) => npsOfWeeks([week])
  if (![...before, ...after].some((week) => weekScore(week).n > 0)) return undefined
  const b = npsOfWeeks(before)
  const a = npsOfWeeks(after)
  const test = npsTest(a, b)
  const scores = (weeks: readonly TouchpointWeek[]) =>
    weeks.flatMap((week) => {
      const score = weekScore(week).score
      return score === null ? [] : [score]
    })
  const centre = median(scores(before))
  const signals = runChartSignals(scores(after), centre ?? Number.NaN)
  const judgement = judge({
    weeksBefore: scores(before).length,
    weeksAfter: scores(after).length,
    answersBefore: b.n,
    answersAfter: a.n,
    z: test.z,
    p: test.p,
    signals,
    minimum,
  })
  const point = (phase: 'baseline' | 'after') => (week: TouchpointWeek) => {
    const figure = weekScore(week)
    return { week: week.week, phase, n: figure.n, score: figure.score }
  }
  return {
    before: npsSummary(b),
    after: npsSummary(a),
    test,
    weeks: [...before.map(point('baseline')), ...after.map(point('after'))],
    median: centre,
    signals,
    ...judgement,
  }
}

/**
 * After − before in NPS points, its 95% margin (as `npsDifference` gives it), and a z test. Each
 * answer scores +1, 0 or −1; like the top-box test, the standard error pools both periods, as if
 * the fix changed nothing, so it is 0 only when every answer on both sides was alike.
 */
function npsTest(after: Nps, before: Nps): NpsOutcome['test'] {
  const { difference, margin } = npsDifference(after, before)
  if (difference === null) return { difference: null, margin: null, z: null, p: null }
  const n = after.n + before.n
  const p = (after.promoters + before.promoters) / n
  const d = (after.detractors + before.detractors) / n
  const variance = Math.max(0, p + d - (p - d) ** 2)
  const se = Math.sqrt(variance * (1 / after.n + 1 / before.n))
  if (se === 0) return { difference, margin, z: 0, p: 1 }
  const z = difference / 100 / se
  return { difference, margin, z, p: twoSidedP(z) }
}
