/**
 * Counter records (see `domain/counters.ts`) hold histograms under flat names:
 * `q.<question>.v.<value>` and `tp.<touchpoint>.v.<value>`. Ids are slugs, which have no dots, so
 * the prefix up to `.v.` names exactly one question or touch point.
 */

/** One counter item: `{ responses: 12, 'q.recommend.v.9': 4, … }`. */
export type Counters = Readonly<Record<string, number>>

/** How many answers gave each value: `{ '9': 4, '10': 6 }`, `{ always: 3, never: 1 }`. */
export type Histogram = Readonly<Record<string, number>>

/**
 * Sum counter records, e.g. the months of a quarter, into one.
 *
 * @example
 * mergeCounters([{ responses: 2, 'q.recommend.v.9': 1 }, { responses: 1, 'q.recommend.v.9': 1 }])
 * // { responses: 3, 'q.recommend.v.9': 2 }
 */
export function mergeCounters(records: Iterable<Counters>): Record<string, number> {
  const merged: Record<string, number> = {}
  for (const record of records) {
    for (const [name, count] of Object.entries(record)) merged[name] = (merged[name] ?? 0) + count
  }
  return merged
}

/**
 * The answers a question got, value by value.
 *
 * @example
 * questionHistogram({ 'q.recommend.n': 3, 'q.recommend.v.9': 2, 'q.recommend.v.4': 1 }, 'recommend')
 * // { '9': 2, '4': 1 }
 */
export function questionHistogram(counters: Counters, questionId: string): Histogram {
  return withPrefix(counters, `q.${questionId}.v.`)
}

/**
 * The 1-5 answers a touch point got, over every question that measures it.
 *
 * @example
 * touchpointHistogram({ 'tp.booking.n': 3, 'tp.booking.v.5': 3 }, 'booking') // { '5': 3 }
 */
export function touchpointHistogram(counters: Counters, touchpoint: string): Histogram {
  return withPrefix(counters, `tp.${touchpoint}.v.`)
}

/**
 * The touch points that have counters, in alphabetical order.
 *
 * @example
 * touchpointIds({ 'tp.visit.v.4': 1, 'tp.booking.v.5': 2, 'q.x.v.1': 1 }) // ['booking', 'visit']
 */
export function touchpointIds(counters: Counters): string[] {
  const ids = new Set<string>()
  for (const name of Object.keys(counters)) {
    const match = /^tp\.([^.]+)\.v\./.exec(name)
    if (match) ids.add(match[1] as string)
  }
  return [...ids].sort()
}

/**
 * How many answers gave one of `values` (all answers when `values` is left out).
 *
 * @example
 * countOf({ '9': 2, '10': 1, '4': 1 }, [9, 10]) // 3
 * countOf({ '9': 2, '10': 1, '4': 1 }) // 4
 */
export function countOf(histogram: Histogram, values?: readonly (string | number)[]): number {
  const counted = values ?? Object.keys(histogram)
  let total = 0
  for (const value of counted) total += histogram[String(value)] ?? 0
  return total
}

/**
 * Only the given values, dropping any other: a metric counts answers on its own scale, so a stray
 * counter (a value the question no longer offers) changes neither its `n` nor its shares.
 *
 * @example
 * pick({ '5': 2, '7': 1 }, [1, 2, 3, 4, 5]) // { '5': 2 }
 */
export function pick(histogram: Histogram, values: readonly (string | number)[]): Histogram {
  const picked: Record<string, number> = {}
  for (const value of values) {
    const count = histogram[String(value)]
    if (count !== undefined) picked[String(value)] = count
  }
  return picked
}

/**
 * The integers `min`..`max`, the values of a numeric scale.
 *
 * @example
 * scale(1, 5) // [1, 2, 3, 4, 5]
 */
export function scale(min: number, max: number): number[] {
  return Array.from({ length: Math.max(0, max - min + 1) }, (_, i) => min + i)
}

/**
 * The counts kept under names starting with `prefix`, keyed by the rest of the name.
 *
 * @example
 * withPrefix({ 'nps.v.9': 4, 'nps.v.3': 1, responses: 5 }, 'nps.v.') // { '9': 4, '3': 1 }
 */
export function withPrefix(counters: Counters, prefix: string): Histogram {
  const histogram: Record<string, number> = {}
  for (const [name, count] of Object.entries(counters)) {
    if (name.startsWith(prefix)) histogram[name.slice(prefix.length)] = count
  }
  return histogram
}
