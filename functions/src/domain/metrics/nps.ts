import { countOf, pick, scale, type Histogram } from './histogram'
import { enough, type Figure, type MetricOptions } from './minimum'

export interface Nps extends Figure {
  /** % promoters − % detractors, −100..100; null when nobody answered. */
  score: number | null
  /** Half-width of the 95% interval, in NPS points; null when nobody answered. */
  margin: number | null
  promoters: number
  passives: number
  detractors: number
}

/**
 * The Net Promoter Score of a 0-10 histogram: promoters 9-10, passives 7-8, detractors 0-6. The
 * margin treats each answer as +1, 0 or −1, whose variance is p + d − (p − d)².
 *
 * @example
 * nps({ '10': 50, '8': 30, '3': 20 }) // score 30, margin ≈ 15.3, n 100
 */
export function nps(histogram: Histogram, options: MetricOptions = {}): Nps {
  const answers = pick(histogram, scale(0, 10))
  const n = countOf(answers)
  const promoters = countOf(answers, [9, 10])
  const passives = countOf(answers, [7, 8])
  const detractors = countOf(answers, scale(0, 6))
  const figure = { n, enough: enough(n, options), promoters, passives, detractors }
  if (n === 0) return { ...figure, score: null, margin: null }
  const p = promoters / n
  const d = detractors / n
  // Rounding can take the variance a hair below 0 when everyone answered alike.
  const variance = Math.max(0, p + d - (p - d) ** 2)
  return { ...figure, score: 100 * (p - d), margin: 100 * 1.96 * Math.sqrt(variance / n) }
}

export interface NpsDifference {
  /** a − b in NPS points; null when either has no answers. */
  difference: number | null
  /** √(marginA² + marginB²), the 95% margin of the difference. */
  margin: number | null
  /** |difference| > margin. */
  significant: boolean
}

/**
 * How far apart two scores are, and whether that is more than their combined margin.
 *
 * @example
 * npsDifference(nps({ '10': 80, '3': 20 }), nps({ '10': 50, '3': 50 }))
 * // { difference: 60, margin: ≈ 25.1, significant: true }
 */
export function npsDifference(a: Nps, b: Nps): NpsDifference {
  if (a.score === null || b.score === null || a.margin === null || b.margin === null) {
    return { difference: null, margin: null, significant: false }
  }
  const difference = a.score - b.score
  const margin = Math.sqrt(a.margin ** 2 + b.margin ** 2)
  return { difference, margin, significant: Math.abs(difference) > margin }
}
