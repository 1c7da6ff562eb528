/**
 * Few answers make noisy figures. Every metric is still computed from whatever answers there are,
 * but carries `enough: false` below a minimum, so the dashboard can say "not enough responses yet"
 * instead of hiding the number or presenting it as firm.
 */

/** The practice default: below 30 answers a top-box share's 95% interval is wider than ±15 points. */
export const defaultMinimum = 30

export interface MetricOptions {
  /** Answers a figure needs before it counts as enough; `defaultMinimum` when left out. */
  minimum?: number
}

/** What every metric result carries: how many answers it rests on and whether that is enough. */
export interface Figure {
  n: number
  enough: boolean
}

/**
 * Whether `n` answers are enough. No answers are never enough, whatever the minimum, because there
 * is no value to show.
 *
 * @example
 * enough(29) // false
 * enough(30) // true
 * enough(5, { minimum: 5 }) // true
 */
export function enough(n: number, options: MetricOptions = {}): boolean {
  return n > 0 && n >= (options.minimum ?? defaultMinimum)
}
