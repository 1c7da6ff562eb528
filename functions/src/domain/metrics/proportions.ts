import { enough, type Figure, type MetricOptions } from './minimum'
import { twoSidedP } from './normal'

/** The normal quantile for a two-sided 95% interval. */
export const z95 = 1.959964

/** A share with its 95% Wilson interval: `k` of `n` answers were in the top box. */
export interface Proportion extends Figure {
  k: number
  /** k/n; null when nobody answered. */
  share: number | null
  interval: [low: number, high: number]
}

/**
 * The Wilson score interval for k successes in n. Unlike p ± z·√(p(1−p)/n) it stays inside [0, 1]
 * and does not collapse to a point at 0 of 5 or 5 of 5, which small practices see all the time.
 * With no answers it is [0, 1]: nothing is known.
 *
 * @example
 * wilsonInterval(8, 10) // ≈ [0.490, 0.943]
 * wilsonInterval(0, 0) // [0, 1]
 */
export function wilsonInterval(k: number, n: number, z = z95): [low: number, high: number] {
  if (n === 0) return [0, 1]
  const p = k / n
  const z2 = z * z
  const center = (p + z2 / (2 * n)) / (1 + z2 / n)
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  // In exact arithmetic the interval holds p and lies in [0, 1]; rounding can miss by an ulp at
  // 0 of n and n of n, and the charts would then draw the dot outside its whisker.
  return [Math.max(0, Math.min(center - half, p)), Math.min(1, Math.max(center + half, p))]
}

/**
 * k of n with its share and Wilson interval.
 *
 * @example
 * proportion(8, 10) // { k: 8, n: 10, share: 0.8, interval: [≈0.490, ≈0.943], enough: false }
 */
export function proportion(k: number, n: number, options: MetricOptions = {}): Proportion {
  return {
    k,
    n,
    share: n === 0 ? null : k / n,
    interval: wilsonInterval(k, n),
    enough: enough(n, options),
  }
}

export interface ProportionTest {
  /** (p₁ − p₂) over its pooled standard error; null when a side has no answers. */
  z: number | null
  /** Two-sided; null when a side has no answers. */
  pValue: number | null
  /** p < 0.05. */
  significant: boolean
}

/**
 * The pooled two-proportion z test of whether `a` and `b` differ (equivalent to the 2×2
 * chi-square test without continuity correction: z² = χ²).
 *
 * @example
 * twoProportionTest({ k: 45, n: 100 }, { k: 30, n: 100 }) // z ≈ 2.191, pValue ≈ 0.0285, significant
 */
export function twoProportionTest(
  a: { k: number; n: number },
  b: { k: number; n: number },
): ProportionTest {
  if (a.n === 0 || b.n === 0) return { z: null, pValue: null, significant: false }
  const pooled = (a.k + b.k) / (a.n + b.n)
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n))
  // Everyone on both sides answered alike (all top box or none): the shares are equal.
  if (se === 0) return { z: 0, pValue: 1, significant: false }
  const z = (a.k / a.n - b.k / b.n) / se
  const pValue = twoSidedP(z)
  return { z, pValue, significant: pValue < 0.05 }
}
