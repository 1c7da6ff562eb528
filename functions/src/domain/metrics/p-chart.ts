/**
 * The p-chart (Shewhart's control chart for a proportion), with limits that vary with each
 * point's n: centre p̄ = Σk / Σn over a frozen baseline, limits p̄ ± 3·√(p̄(1 − p̄)/nᵢ), floored at
 * 0 and capped at 1 (a share cannot leave [0, 1]). See Montgomery, "Introduction to Statistical
 * Quality Control", §7.2, and the NIST/SEMATECH e-Handbook of Statistical Methods, §6.3.3.2.
 *
 * A week's share is only as steady as its n: three limits wide for 40 answers is ±23 points at
 * p̄ = 0.6, ±4.6 points for 1,000. Points outside their own limits are flagged; the run-chart
 * rules (run-chart.ts) catch the smaller, lasting shifts a p-chart misses.
 */

/** k of n: how many answers were in the top box, of how many. */
export interface Count {
  n: number
  k: number
}

export interface PChartPoint {
  /** k/n; null for a point without answers. */
  share: number | null
  lower: number
  upper: number
  /** Beyond its limits (strictly); null when within them or without answers. */
  outside: 'above' | 'below' | null
}

export interface PChart {
  /** p̄ of the baseline. */
  center: number
  points: PChartPoint[]
}

/**
 * The pooled share of the baseline, Σk / Σn; null when the baseline has no answers.
 *
 * @example
 * pChartCenter([{ n: 50, k: 12 }, { n: 50, k: 15 }]) // 0.27
 */
export function pChartCenter(baseline: readonly Count[]): number | null {
  let n = 0
  let k = 0
  for (const count of baseline) {
    n += count.n
    k += count.k
  }
  return n === 0 ? null : k / n
}

/**
 * The 3-sigma limits for a point of `n` answers around `center`, kept inside [0, 1]. A point
 * without answers gets [0, 1]: nothing it could show would be a signal.
 *
 * @example
 * pChartLimits(0.2313, 50) // { lower: ≈0.0524, upper: ≈0.4102 }
 */
export function pChartLimits(center: number, n: number): { lower: number; upper: number } {
  if (n <= 0) return { lower: 0, upper: 1 }
  const half = 3 * Math.sqrt((center * (1 - center)) / n)
  return { lower: Math.max(0, center - half), upper: Math.min(1, center + half) }
}

/**
 * The chart of `points` against the centre frozen from `baseline`; null when the baseline has
 * no answers (there is no centre to draw).
 *
 * @example
 * pChart(baselineWeeks, allWeeks) // { center: 0.41, points: [{ share: 0.38, lower: 0.2, upper: 0.62, outside: null }, …] }
 */
export function pChart(baseline: readonly Count[], points: readonly Count[]): PChart | null {
  const center = pChartCenter(baseline)
  if (center === null) return null
  return {
    center,
    points: points.map(({ n, k }) => {
      const { lower, upper } = pChartLimits(center, n)
      const share = n > 0 ? k / n : null
      const outside =
        share === null ? null : share > upper ? 'above' : share < lower ? 'below' : null
      return { share, lower, upper, outside }
    }),
  }
}
