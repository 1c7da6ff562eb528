import { comments } from '../analytics/summary'
import { enough, type MetricOptions } from '../metrics/minimum'
import { z95 } from '../metrics/proportions'
import type { Counters } from '../metrics/histogram'

/** How many star ratings gave each number of stars. */
export type StarHistogram = Record<1 | 2 | 3 | 4 | 5, number>

/** The figures of a set of reviews, all read from their counters (see `reviewIncrements`). */
export interface ReviewFigures {
  /** Every review, Facebook recommendations included. */
  count: number
  /** Reviews with stars: what `average`, its interval and `enough` rest on. */
  rated: number
  /** Mean stars of the rated reviews; null when none has stars. */
  average: number | null
  /** 95% interval of the mean; null below two ratings (one rating has no spread). */
  averageInterval: [low: number, high: number] | null
  stars: StarHistogram
  recommendations: { positive: number; negative: number }
  /** Enough rated reviews for the practice's minimum. */
  enough: boolean
}

const starValues = [1, 2, 3, 4, 5] as const

/**
 * The star histogram held in counters under `stars.v.<1-5>`.
 *
 * @example
 * starHistogram({ 'stars.v.5': 3, 'stars.v.1': 1 }) // { 1: 1, 2: 0, 3: 0, 4: 0, 5: 3 }
 */
export function starHistogram(counters: Counters): StarHistogram {
  const stars = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }
  for (const value of starValues) stars[value] = counters[`stars.v.${value}`] ?? 0
  return stars
}

/**
 * The mean of a star histogram with its 95% interval: mean ± z·s/√n, s the sample standard
 * deviation (n − 1). Star ratings are bounded and n is rarely tiny once it is "enough", so the
 * normal quantile serves; the interval is clipped to 1..5, where a mean can lie.
 *
 * @example
 * meanStars({ 1: 0, 2: 0, 3: 0, 4: 1, 5: 1 }) // { n: 2, mean: 4.5, interval: [3.52, 5] }
 */
export function meanStars(stars: StarHistogram): {
  n: number
  mean: number | null
  interval: [low: number, high: number] | null
} {
  let n = 0
  let sum = 0
  for (const value of starValues) {
    n += stars[value]
    sum += value * stars[value]
  }
  if (n === 0) return { n, mean: null, interval: null }
  const mean = sum / n
  if (n < 2) return { n, mean, interval: null }
  let squares = 0
  for (const value of starValues) squares += stars[value] * (value - mean) ** 2
  const half = (z95 * Math.sqrt(squares / (n - 1))) / Math.sqrt(n)
  return { n, mean, interval: [Math.max(1, mean - half), Math.min(5, mean + half)] }
}

/**
 * The figures of the reviews counted in `counters` (one merged counter record).
 *
 * @example
 * reviewFigures({ reviews: 3, 'stars.n': 2, 'stars.v.5': 2, 'stars.sum': 10, 'rec.positive': 1 }, { minimum: 30 })
 * // { count: 3, rated: 2, average: 5, averageInterval: [5, 5], recommendations: { positive: 1, negative: 0 }, enough: false, ... }
 */
export function reviewFigures(counters: Counters, options: MetricOptions = {}): ReviewFigures {
  const stars = starHistogram(counters)
  const { n, mean, interval } = meanStars(stars)
  return {
    count: counters.reviews ?? 0,
    rated: n,
    average: mean,
    averageInterval: interval,
    stars,
    recommendations: {
      positive: counters['rec.positive'] ?? 0,
      negative: counters['rec.negative'] ?? 0,
    },
    enough: enough(n, options),
  }
}

/** What the reviews' text says: sentiment counts and themes with their negative share. */
export interface ReviewText {
  n: number
  positive: number
  neutral: number
  negative: number
  themes: { theme: string; n: number; negative: number; negativeShare: number }[]
}

/**
 * The reading of the reviews' text, with the same counter names and reader as survey comments;
 * themes most mentioned first, at most `top`.
 *
 * @example
 * reviewText({ 'text.n': 2, 'sent.negative': 1, 'th.wait.n': 2, 'th.wait.neg': 1 })
 * // { n: 2, positive: 0, neutral: 0, negative: 1, themes: [{ theme: 'wait', n: 2, negative: 1, negativeShare: 0.5 }] }
 */
export function reviewText(counters: Counters, top = 8): ReviewText {
  const { themes, ...sentiment } = comments(counters)
  return {
    ...sentiment,
    themes: themes
      .filter((theme) => theme.n > 0)
      .slice(0, top)
      .map((theme) => ({ ...theme, negativeShare: theme.negative / theme.n })),
  }
}
