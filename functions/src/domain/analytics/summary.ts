import {
  compositeScores,
  npsChange,
  providerRating,
  withPrefix,
  nps as npsOf,
  touchpointChange,
  touchpointScores,
  type Change,
  type CompositeScore,
  type Counters,
  type MetricOptions,
  type Nps,
  type Proportion,
  type TouchpointScore,
} from '../metrics'
import { sentimentLabels } from '../survey-records'

/**
 * Everything the dashboard's headline shows, from two sets of summed counters (this range and the
 * one before it). Reads only counter names that do not depend on which survey asked (see
 * `counterIncrements`), so "all surveys" adds up the same measures as one survey does.
 */
export interface Summary {
  responses: number
  nps: Nps & { change: Change<Nps> }
  touchpoints: (TouchpointScore & { change: Change<TouchpointScore> })[]
  composites: CompositeScore[]
  providerRating: Proportion
  comments: CommentSummary
  /** Touch points whose top-box share fell beyond chance against the previous range, worst first. */
  needsAttention: string[]
}

export interface CommentSummary {
  n: number
  positive: number
  neutral: number
  negative: number
  themes: { theme: string; n: number; negative: number }[]
}

export function comments(counters: Counters): CommentSummary {
  const themes = new Map<string, { theme: string; n: number; negative: number }>()
  for (const [name, count] of Object.entries(counters)) {
    const match = /^th\.([^.]+)\.(n|neg)$/.exec(name)
    if (!match) continue
    const theme = match[1] as string
    const entry = themes.get(theme) ?? { theme, n: 0, negative: 0 }
    if (match[2] === 'n') entry.n += count
    else entry.negative += count
    themes.set(theme, entry)
  }
  const [positive, neutral, negative] = sentimentLabels.map(
    (label) => counters[`sent.${label}`] ?? 0,
  )
  return {
    n: counters['text.n'] ?? 0,
    positive: positive ?? 0,
    neutral: neutral ?? 0,
    negative: negative ?? 0,
    themes: [...themes.values()].sort((a, b) => b.n - a.n || a.theme.localeCompare(b.theme)),
  }
}

/**
 * The headline figures of a range, each against the range before it.
 *
 * @example
 * summarize(mergeCounters(thisQuarter), mergeCounters(lastQuarter), {
 *   touchpoints: ['booking', 'check-in', 'visit', 'records', 'billing', 'follow-up'],
 *   minimum: 30,
 * })
 */
export function summarize(
  current: Counters,
  before: Counters,
  options: MetricOptions & { touchpoints: readonly string[] },
): Summary {
  const nps = npsOf(withPrefix(current, 'nps.v.'), options)
  const previousNps = npsOf(withPrefix(before, 'nps.v.'), options)
  const previousTouchpoints = touchpointScores(before, options)
  const touchpoints = touchpointScores(current, options).map((score, index) => ({
    ...score,
    change: touchpointChange(score, previousTouchpoints[index] as TouchpointScore),
  }))
  const needsAttention = touchpoints
    .filter((t) => t.change.significant && t.change.direction === 'down')
    .sort((a, b) => (a.change.delta ?? 0) - (b.change.delta ?? 0))
    .map((t) => t.touchpoint)
  return {
    responses: current.responses ?? 0,
    nps: { ...nps, change: npsChange(nps, previousNps) },
    touchpoints,
    composites: compositeScores(current, options),
    providerRating: providerRating(current, options),
    comments: comments(current),
    needsAttention,
  }
}
