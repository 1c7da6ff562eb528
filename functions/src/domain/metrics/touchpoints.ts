import {
  countOf,
  pick,
  scale,
  touchpointHistogram,
  touchpointIds,
  type Counters,
  type Histogram,
} from './histogram'
import { enough, type Figure, type MetricOptions } from './minimum'
import { wilsonInterval } from './proportions'

export interface TouchpointScore extends Figure {
  touchpoint: string
  /** Mean on the 1-5 scale; null when nobody answered. */
  mean: number | null
  /** Share of 4s and 5s; null when nobody answered. */
  topBox: number | null
  /** How many 4s and 5s, for comparing periods (see `touchpointChange`). */
  topBoxCount: number
  topBoxInterval: [low: number, high: number]
}

/**
 * A touch point's scores from its 1-5 histogram. Counters keep touch points only for 1-5 ratings,
 * so the top box is always "4 or 5".
 *
 * @example
 * touchpointScore('booking', { '5': 6, '4': 2, '2': 2 })
 * // { touchpoint: 'booking', n: 10, mean: 4, topBox: 0.8, topBoxCount: 8,
 * //   topBoxInterval: [≈0.490, ≈0.943], enough: false }
 */
export function touchpointScore(
  touchpoint: string,
  histogram: Histogram,
  options: MetricOptions = {},
): TouchpointScore {
  const answers = pick(histogram, scale(1, 5))
  const n = countOf(answers)
  const topBoxCount = countOf(answers, [4, 5])
  let sum = 0
  for (const value of scale(1, 5)) sum += value * countOf(answers, [value])
  return {
    touchpoint,
    n,
    enough: enough(n, options),
    mean: n === 0 ? null : sum / n,
    topBox: n === 0 ? null : topBoxCount / n,
    topBoxCount,
    topBoxInterval: wilsonInterval(topBoxCount, n),
  }
}

/**
 * Scores for the given touch points in the given (journey) order, unanswered ones included so the
 * journey shows every step; without a list, every touch point the counters have, alphabetically.
 *
 * @example
 * touchpointScores(counters, { touchpoints: ['booking', 'check-in', 'visit'] })
 */
export function touchpointScores(
  counters: Counters,
  options: MetricOptions & { touchpoints?: readonly string[] } = {},
): TouchpointScore[] {
  const ids = options.touchpoints ?? touchpointIds(counters)
  return ids.map((id) => touchpointScore(id, touchpointHistogram(counters, id), options))
}

/** The ratings below the top box: what the dashboard counts as a touch point rated low (1-3). */
export const lowRatings = [1, 2, 3] as const

/** The questions that count towards a touch point's score, as the counters see them. */
interface RatingQuestion {
  id: string
  type: string
  touchpoint?: string | undefined
  min?: number
  max?: number
}

/**
 * Whether these answers rated the touch point low, as its top-box share counts them: a 1-5 rating
 * question of that touch point answered below 4. The responses page filters with this, so its
 * count of "unhappy responses" for a touch point is the dashboard's n minus its top-box count.
 *
 * @example
 * ratedLow([{ id: 'q1', type: 'rating', touchpoint: 'visit', min: 1, max: 5 }], { q1: 2 }, 'visit') // true
 */
export function ratedLow(
  questions: readonly RatingQuestion[],
  answers: Readonly<Record<string, unknown>>,
  touchpoint: string,
): boolean {
  return questions.some((question) => {
    if (question.type !== 'rating' || question.touchpoint !== touchpoint) return false
    if (question.min !== 1 || question.max !== 5) return false
    const answer = answers[question.id]
    return typeof answer === 'number' && (lowRatings as readonly number[]).includes(answer)
  })
}
