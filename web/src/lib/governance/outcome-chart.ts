/**
 * What the outcome chart draws and says, from `GET /api/fixes/{id}/outcome`: the weekly points
 * split at the fix's week, which points after the fix form the shift the server found, the
 * p-chart's limits lined up with the weeks, and the verdict in words. Pure, so the rules are
 * unit-tested; `OutcomeChart.svelte` only hands these to Chart.js and the page.
 *
 * The verdict is the server's (it needs both the two-proportion test and a run-chart signal); this
 * module never upgrades it. A shift is marked only when the server reports one, on the points that
 * make it: six or more after the fix on one side of the baseline median, where points on the median
 * neither add to a run nor break it (Perla, Provost and Murray 2011), and weeks without answers are
 * not points.
 */
import type { FixOutcome, OutcomeSide, Verdict } from '$lib/governance-types'
import { verdictLabels } from './words'

/** A shift is this many consecutive points on one side of the median. */
export const shiftLength = 6

export interface OutcomePoint {
  week: string
  n: number
  /** Top-box share, 0..1; null in a week without answers. */
  share: number | null
  /** From the fix's week on. */
  after: boolean
  /** One of the after-fix points that make the shift. */
  inShift: boolean
  lower: number | null
  upper: number | null
}

export interface OutcomeSeries {
  points: OutcomePoint[]
  /** The first week after the fix (points.length when none has come yet). */
  fixIndex: number
  median: number | null
  /** Which side of the median the shift is on, if there is one. */
  shiftSide: 'above' | 'below' | null
  hasPChart: boolean
}

/**
 * The Monday of the week holding `day` (YYYY-MM-DD), as the weekly counters name weeks.
 *
 * @example
 * mondayOf('2026-11-12') // '2026-11-09'
 */
export function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7))
  return date.toISOString().slice(0, 10)
}

/**
 * Which of `values` belong to a run of at least `minimum` on one side of `median`. Null values (no
 * answers that week) and values on the median are skipped: they neither add to a run nor break it.
 *
 * @example
 * runMembers([0.8, 0.8, 0.5, 0.8, 0.8, 0.8, 0.8], 0.5, 6).members
 * // [true, true, false, true, true, true, true]: the point on the median is skipped
 */
export function runMembers(
  values: readonly (number | null)[],
  median: number,
  minimum = shiftLength,
): { members: boolean[]; side: 'above' | 'below' | null } {
  const members = values.map(() => false)
  let side: 'above' | 'below' | null = null
  let run: number[] = []
  let found: 'above' | 'below' | null = null
  const close = () => {
    if (run.length >= minimum && side) {
      for (const i of run) members[i] = true
      found ??= side
    }
  }
  values.forEach((value, i) => {
    if (value === null || value === median) return
    const here = value > median ? 'above' : 'below'
    if (here !== side) {
      close()
      side = here
      run = []
    }
    run.push(i)
  })
  close()
  return { members, side: found }
}

/**
 * The points to draw, split at the fix's week, with the shift and the p-chart's limits.
 *
 * @example
 * const series = outcomeSeries(outcome)
 * series.points.filter((p) => p.inShift).length // 6 or more when the server found a shift
 */
export function outcomeSeries(outcome: FixOutcome): OutcomeSeries {
  const fixWeek = mondayOf(outcome.effectiveOn)
  const limits = new Map((outcome.pChart?.limits ?? []).map((limit) => [limit.week, limit]))
  const weeks = outcome.weeks.toSorted((a, b) => a.week.localeCompare(b.week))
  const after = weeks.map((week) => week.week >= fixWeek)
  const afterValues = weeks.map((week, i) => (after[i] && week.n > 0 ? week.topBox : null))
  const run =
    outcome.signals.shift && outcome.median !== null
      ? runMembers(afterValues, outcome.median)
      : { members: weeks.map(() => false), side: null }
  const points = weeks.map((week, i) => {
    const limit = limits.get(week.week)
    return {
      week: week.week,
      n: week.n,
      share: week.n > 0 ? week.topBox : null,
      after: after[i]!,
      inShift: run.members[i]!,
      lower: limit && week.n > 0 ? limit.lower : null,
      upper: limit && week.n > 0 ? limit.upper : null,
    }
  })
  const firstAfter = after.indexOf(true)
  return {
    points,
    fixIndex: firstAfter === -1 ? points.length : firstAfter,
    median: outcome.median,
    shiftSide: run.side,
    hasPChart: outcome.pChart !== undefined && limits.size > 0,
  }
}

/** A share as the page writes it: "41%". */
export const percentText = (share: number | null) =>
  share === null ? '—' : `${Math.round(share * 100)}%`

/** NPS points with a sign, as the dashboard writes them: +41, −12, 0. */
export function npsText(score: number | null): string {
  if (score === null) return '—'
  const rounded = Math.round(score)
  return rounded > 0 ? `+${rounded}` : rounded < 0 ? `−${Math.abs(rounded)}` : '0'
}

/** "p < 0.001", "p = 0.03"; empty when there is no test. */
export function pText(p: number | null): string {
  if (p === null) return ''
  if (p < 0.001) return 'p < 0.001'
  return `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`
}

const answers = (n: number) =>
  `${new Intl.NumberFormat('en').format(n)} ${n === 1 ? 'answer' : 'answers'}`

/**
 * One side in words, with its interval and n.
 *
 * @example
 * sideText({ n: 240, topBox: 0.41, interval: [0.35, 0.47] }) // '41% (95% interval 35% to 47%; 240 answers)'
 */
export function sideText(side: OutcomeSide): string {
  if (side.n === 0 || side.topBox === null) return 'no answers'
  return `${percentText(side.topBox)} (95% interval ${percentText(side.interval[0])} to ${percentText(side.interval[1])}; ${answers(side.n)})`
}

/** How the verdict is coloured: only `improved` is good news, and only `worse` is bad. */
export function verdictTone(verdict: Verdict): 'positive' | 'negative' | 'neutral' {
  return verdict === 'improved' ? 'positive' : verdict === 'worse' ? 'negative' : 'neutral'
}

/**
 * The verdict as a sentence: the label first, then the numbers that back it, and for "not enough
 * data yet" what is still needed. Never claims a change the server did not find.
 *
 * @example
 * verdictSentence(outcome)
 * // 'Improved: 79% of patients gave the top box after the fix, against 41% before. The difference
 * //  is beyond chance (p < 0.001) and the run chart shows a shift above the baseline median.'
 */
export function verdictSentence(outcome: FixOutcome, series = outcomeSeries(outcome)): string {
  const label = verdictLabels[outcome.verdict]
  const after = percentText(outcome.after.topBox)
  const before = percentText(outcome.before.topBox)
  const p = pText(outcome.test.p)
  const compared = `${after} of patients gave the top box after the fix, against ${before} before.`
  switch (outcome.verdict) {
    case 'improved':
    case 'worse': {
      const signal = series.shiftSide
        ? `a shift ${series.shiftSide} the baseline median`
        : outcome.signals.fewCrossings
          ? 'fewer crossings of the median than chance allows'
          : 'a signal'
      return `${label}: ${compared} The difference is beyond chance (${p}) and the run chart shows ${signal}.`
    }
    case 'no-change': {
      const why =
        outcome.test.p !== null && outcome.test.p < 0.05
          ? `The test alone (${p}) is not enough: the run chart shows no signal yet.`
          : `The difference is within chance${p ? ` (${p})` : ''}.`
      return `${label}: ${compared} ${why}`
    }
    case 'not-enough-data': {
      const needs = outcome.needs ? `it needs ${outcome.needs}` : 'it needs more weeks of answers'
      return `${label}: ${needs}. So far ${answers(outcome.before.n)} before the fix and ${answers(outcome.after.n)} after.`
    }
  }
}

/** The run-chart rules in words, for the summary beside the chart. */
export function signalLines(outcome: FixOutcome, series = outcomeSeries(outcome)): string[] {
  const { signals } = outcome
  const lines = [
    signals.shift
      ? `Shift: yes, ${shiftLength} or more weeks in a row ${series.shiftSide ?? 'on one side of'} the baseline median.`
      : `Shift: none (${shiftLength} or more weeks in a row on one side of the median).`,
    `Crossings of the median: ${signals.crossings}${signals.fewCrossings ? ', fewer than chance allows (Anhøj)' : ''}.`,
    `Longest run: ${signals.longestRun} ${signals.longestRun === 1 ? 'week' : 'weeks'}.`,
  ]
  if (signals.trend) lines.push('Trend: 5 or more weeks going one way (for information only).')
  if (series.hasPChart && outcome.pChart) {
    lines.push(`p-chart centre from the baseline: ${percentText(outcome.pChart.center)}.`)
  }
  return lines
}
