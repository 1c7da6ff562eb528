/**
 * Run-chart rules, as healthcare improvement reads a weekly measure against a median.
 *
 * - The shift rule of Perla, Provost & Murray (2011, "The run chart: a simple analytical tool for
 *   learning from variation in healthcare processes", BMJ Qual Saf 20:46-51): six or more
 *   consecutive points on the same side of the median. Points ON the median are skipped: they
 *   neither add to a run nor break it.
 * - The trend rule of the same paper: five or more consecutive points all going up or all going
 *   down; a value equal to the one before it is skipped (it neither adds nor breaks). Anhøj &
 *   Olesen (2014) showed it is nearly useless for detecting drift, so it is information only.
 * - Anhøj's rules (Anhøj & Olesen 2014, "Run charts revisited", PLoS ONE 9(11):e113825), which
 *   keep the false-signal rate near 5% whatever the number of points: with n useful points (those
 *   not on the median), an unusually long run is one longer than round(log₂(n) + 3), and too few
 *   crossings are fewer than the 5th percentile of Binomial(n − 1, 0.5).
 *
 * Pure numbers in, numbers out; the median is compared exactly (see `sideOf`).
 */

export type Side = 'above' | 'below'

/** Perla et al.'s shift: this many consecutive useful points on one side. */
export const shiftLength = 6
/** Perla et al.'s trend: this many consecutive points all rising or all falling. */
export const trendLength = 5

/**
 * The median of the values; null when there are none.
 *
 * @example
 * median([3, 1, 2]) // 2
 * median([4, 1, 3, 2]) // 2.5
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/**
 * Which side of the centre a value lies on; null when it is on it. The comparison is exact: a
 * week's share k/n equals another week's exactly when the fractions are equal (division is
 * correctly rounded), so no tolerance is needed for the shares this is used with.
 */
export const sideOf = (value: number, centre: number): Side | null =>
  value > centre ? 'above' : value < centre ? 'below' : null

/** One run: consecutive useful points on one side, as indexes into the values given. */
export interface Run {
  side: Side
  /** Indexes of the run's points (points on the median inside it are not listed). */
  points: number[]
}

/**
 * The runs of a series about a centre: consecutive points on one side, skipping the points on
 * the centre. A series with every point on the centre has no runs.
 *
 * @example
 * runsAbout([1, 3, 2, 3, 1], 2) // [{ side: 'below', points: [0] }, { side: 'above', points: [1, 3] }, { side: 'below', points: [4] }]
 */
export function runsAbout(values: readonly number[], centre: number): Run[] {
  const runs: Run[] = []
  values.forEach((value, index) => {
    const side = sideOf(value, centre)
    if (side === null) return
    const last = runs.at(-1)
    if (last?.side === side) last.points.push(index)
    else runs.push({ side, points: [index] })
  })
  return runs
}

/**
 * The longest run Anhøj's rule allows among n useful points: round(log₂(n) + 3). A longer run is
 * a signal. (0 points allow nothing to be judged; the value returned then is 0.)
 *
 * @example
 * longestRunLimit(10) // 6
 * longestRunLimit(24) // 8
 */
export function longestRunLimit(useful: number): number {
  return useful < 1 ? 0 : Math.round(Math.log2(useful) + 3)
}

/**
 * The fewest crossings Anhøj's rule expects among n useful points: the 5th percentile of
 * Binomial(n − 1, 0.5), as R's `qbinom(0.05, n - 1, 0.5)`. Fewer crossings are a signal.
 *
 * @example
 * crossingsLimit(10) // 2
 * crossingsLimit(24) // 8
 */
export function crossingsLimit(useful: number): number {
  return useful < 2 ? 0 : binomialQuantile(0.05, useful - 1, 0.5)
}

/**
 * The smallest x with P(X ≤ x) ≥ p for X ~ Binomial(size, prob): R's `qbinom`. The terms are
 * built in log space, so sizes in the thousands neither overflow nor underflow to nonsense.
 *
 * @example
 * binomialQuantile(0.05, 9, 0.5) // 2
 */
export function binomialQuantile(p: number, size: number, prob: number): number {
  if (prob <= 0) return 0
  if (prob >= 1) return size
  const logP = Math.log(prob)
  const logQ = Math.log1p(-prob)
  let logChoose = 0 // ln C(size, 0)
  let cumulative = 0
  for (let x = 0; x <= size; x++) {
    if (x > 0) logChoose += Math.log(size - x + 1) - Math.log(x)
    cumulative += Math.exp(logChoose + x * logP + (size - x) * logQ)
    // A hair of tolerance: a sum of rounded terms may land an ulp under p when it equals it.
    if (cumulative >= p * (1 - 1e-12)) return x
  }
  return size
}

/** What the run-chart rules say of a series against a centre line. */
export interface RunChartSignals {
  /** Points not on the centre: the n of Anhøj's rules. */
  useful: number
  /** Times consecutive useful points change side. Always runs − 1 (0 with no runs). */
  crossings: number
  /** The most consecutive useful points on one side. */
  longestRun: number
  /** The side of the longest run (the later one on a tie); null with no useful points. */
  longestRunSide: Side | null
  /** Anhøj's critical values for `useful` points, for the chart to show. */
  longestRunMax: number
  crossingsMin: number
  /** Perla et al.: six or more consecutive useful points on one side. */
  shift: boolean
  /** The side of the latest shift; null without one. */
  shiftSide: Side | null
  /** Anhøj: a run longer than `longestRunMax`. */
  longRun: boolean
  /** Anhøj: fewer crossings than `crossingsMin`. */
  fewCrossings: boolean
  /** Perla et al.: five or more points all rising or all falling. Information only. */
  trend: boolean
  trendDirection: 'up' | 'down' | null
}

/**
 * Every rule at once, for the points of a run chart against its centre (for an outcome, the
 * weeks after a fix against the frozen median of the weeks before it).
 *
 * @example
 * runChartSignals([5, 6, 7, 6, 8, 9, 7], 4) // shift: true, shiftSide: 'above', crossings: 0, …
 */
export function runChartSignals(values: readonly number[], centre: number): RunChartSignals {
  const runs = runsAbout(values, centre)
  const useful = runs.reduce((sum, run) => sum + run.points.length, 0)
  let longest: Run | undefined
  for (const run of runs) if (!longest || run.points.length >= longest.points.length) longest = run
  const shifts = runs.filter((run) => run.points.length >= shiftLength)
  const longestRun = longest?.points.length ?? 0
  const longestRunMax = longestRunLimit(useful)
  const crossingsMin = crossingsLimit(useful)
  const crossings = Math.max(0, runs.length - 1)
  const trendDirection = trendOf(values)
  return {
    useful,
    crossings,
    longestRun,
    longestRunSide: longest?.side ?? null,
    longestRunMax,
    crossingsMin,
    shift: shifts.length > 0,
    shiftSide: shifts.at(-1)?.side ?? null,
    longRun: useful > 0 && longestRun > longestRunMax,
    fewCrossings: useful > 0 && crossings < crossingsMin,
    trend: trendDirection !== null,
    trendDirection,
  }
}

/**
 * Perla et al.'s trend: the direction of the latest stretch of at least five points each higher
 * (or each lower) than the one before, skipping a point equal to the one before it; null if none.
 *
 * @example
 * trendOf([1, 2, 2, 3, 4, 5]) // 'up': the repeated 2 counts once
 * trendOf([1, 2, 3, 4]) // null
 */
export function trendOf(values: readonly number[]): 'up' | 'down' | null {
  const distinct = values.filter((value, i) => i === 0 || value !== values[i - 1])
  let found: 'up' | 'down' | null = null
  let length = 1
  let direction: 'up' | 'down' | null = null
  for (let i = 1; i < distinct.length; i++) {
    const step = (distinct[i] as number) > (distinct[i - 1] as number) ? 'up' : 'down'
    length = step === direction ? length + 1 : 2
    direction = step
    if (length >= trendLength) found = direction
  }
  return found
}
