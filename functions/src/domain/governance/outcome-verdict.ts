import { countOf } from '../plural'
import type { RunChartSignals, Side } from '../metrics/run-chart'

/**
 * Whether a fix moved a measure, in words the committee can act on, and never a change read
 * into noise.
 *
 * The minimum data, and why:
 * - at least 6 weeks with answers before the fix (the baseline): its median is the line the
 *   weeks after are read against, and a median of fewer weeks is itself mostly noise;
 * - at least 6 weeks with answers after it: the shift rule needs six points on one side, so with
 *   fewer no run-chart signal is possible at all, and saying "no change" would be a guess;
 * - at least 30 answers on each side (or the practice's minimum, if higher): below that a share's
 *   95% interval is wider than ±15 points, and the two-proportion test's normal approximation
 *   is poor.
 * With that, `improved` (or `worse`) needs BOTH the two-sided test at p < 0.05 in that direction
 * AND a run-chart signal on the same side of the baseline median (a shift, too few crossings or
 * an unusually long run): a difference of totals alone can come from one odd week, and a run
 * alone from a slow drift that started long before the fix.
 */
export const minimumWeeksBefore = 6
export const minimumWeeksAfter = 6
export const minimumAnswers = 30

export type Verdict = 'improved' | 'no-change' | 'worse' | 'not-enough-data'

/** What is missing before a verdict can be given; every count 0 when nothing is. */
export interface Shortfall {
  weeksAfter: number
  answersAfter: number
  weeksBefore: number
  answersBefore: number
}

export interface Evidence {
  /** Weeks with answers, and answers, before (baseline) and after the fix. */
  weeksBefore: number
  weeksAfter: number
  answersBefore: number
  answersAfter: number
  /** After − before, as a z statistic, and its two-sided p-value (null when a side is empty). */
  z: number | null
  p: number | null
  /** The run-chart rules on the weeks after the fix, against the baseline median. */
  signals: RunChartSignals
  /** The answers each side needs (30 unless the practice asks for more). */
  minimum?: number
}

export interface Judgement {
  verdict: Verdict
  /** With `not-enough-data`: what more it needs, in words. */
  needs?: string
  shortfall?: Shortfall
}

/**
 * The verdict on a fix from its evidence.
 *
 * @example
 * judge({ weeksBefore: 13, weeksAfter: 8, answersBefore: 260, answersAfter: 160, z: 7.9, p: 1e-15, signals })
 * // { verdict: 'improved' } when signals show a shift above the baseline median
 */
export function judge(evidence: Evidence): Judgement {
  const shortfall = shortfallOf(evidence)
  if (Object.values(shortfall).some((count) => count > 0)) {
    return { verdict: 'not-enough-data', needs: needsOf(shortfall), shortfall }
  }
  const { z, p, signals } = evidence
  const sides = signalSides(signals)
  if (z !== null && p !== null && p < 0.05) {
    if (z > 0 && sides.has('above')) return { verdict: 'improved' }
    if (z < 0 && sides.has('below')) return { verdict: 'worse' }
  }
  return { verdict: 'no-change' }
}

/** The sides of the baseline median on which the run chart signals a non-random pattern. */
export function signalSides(signals: RunChartSignals): Set<Side> {
  const sides = new Set<Side>()
  if (signals.shift && signals.shiftSide) sides.add(signals.shiftSide)
  if ((signals.fewCrossings || signals.longRun) && signals.longestRunSide) {
    sides.add(signals.longestRunSide)
  }
  return sides
}

function shortfallOf(evidence: Evidence): Shortfall {
  const answers = Math.max(minimumAnswers, evidence.minimum ?? minimumAnswers)
  return {
    weeksAfter: Math.max(0, minimumWeeksAfter - evidence.weeksAfter),
    answersAfter: Math.max(0, answers - evidence.answersAfter),
    weeksBefore: Math.max(0, minimumWeeksBefore - evidence.weeksBefore),
    answersBefore: Math.max(0, answers - evidence.answersBefore),
  }
}

/**
 * What is missing, in words: "3 more weeks of answers after the fix", "about 40 more answers
 * before the fix". Weeks come first: more answers in the same weeks cannot make a run.
 *
 * @example
 * needsOf({ weeksAfter: 3, answersAfter: 12, weeksBefore: 0, answersBefore: 0 })
 * // '3 more weeks of answers after the fix and about 12 more answers after it'
 */
export function needsOf(shortfall: Shortfall): string {
  const after: string[] = []
  const before: string[] = []
  if (shortfall.weeksAfter > 0)
    after.push(`${countOf(shortfall.weeksAfter, 'more week')} of answers after the fix`)
  if (shortfall.answersAfter > 0)
    after.push(
      `about ${countOf(shortfall.answersAfter, 'more answer')} ${after.length ? 'after it' : 'after the fix'}`,
    )
  // The past cannot gain answers by waiting: say what would give the baseline more.
  if (shortfall.weeksBefore > 0)
    before.push(
      `answers in ${countOf(shortfall.weeksBefore, 'more week')} before the fix (import past results or choose a longer baseline)`,
    )
  if (shortfall.answersBefore > 0)
    before.push(`about ${countOf(shortfall.answersBefore, 'more answer')} before the fix`)
  return [...after, ...before].join(' and ')
}
