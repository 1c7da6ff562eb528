import type { ReviewScope } from '../domain/reviews/counters'
import type { Db } from './db'
import * as keys from './keys'
import { queryEvery } from './query'

/** One review counter item as read: the period it starts and its numbers. */
export interface ReviewCounterRow {
  /** `2026-11-16` for a week, `2026-11` for a month. */
  start: string
  values: Record<string, number>
}

const numbersOf = (item: Record<string, unknown>) => {
  const values: Record<string, number> = {}
  // `v` is an item's stored-shape version, not a count.
  for (const [name, value] of Object.entries(item)) {
    if (typeof value === 'number' && name !== 'v') values[name] = value
  }
  return values
}

/** `W#S#google#2026-11-16` → its period start, the part after the last `#`. */
const startOf = (sk: string) => sk.slice(sk.lastIndexOf('#') + 1)

/**
 * The review counters of one scope over a range of weeks or months, oldest first: ONE Query,
 * whatever the number of reviews behind them.
 *
 * @example
 * await readRange(db, practiceId, { period: 'W', scope: 'all', first: '2026-09-07', last: '2026-11-30' })
 */
export async function readRange(
  db: Db,
  practiceId: string,
  range: { period: 'W' | 'M'; scope: ReviewScope; first: string; last: string },
): Promise<ReviewCounterRow[]> {
  const low = keys.reviewCounter(practiceId, range.period, range.scope, range.first)
  const high = keys.reviewCounter(practiceId, range.period, range.scope, range.last)
  const items = await queryEvery(db, {
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :low AND :high',
    ExpressionAttributeValues: { ':pk': low.pk, ':low': low.sk, ':high': high.sk },
  })
  return items.map((item) => ({ start: startOf(String(item.sk)), values: numbersOf(item) }))
}

/**
 * The sources that have (or had) review counters under a scope prefix: `S#` for the practice,
 * `L#<location>#S#` for one location. Read from the monthly items' keys alone, so the cost is
 * months × sources, never the number of reviews; CSV-imported sites (any slug) are found too.
 *
 * @example
 * await sourcesCounted(db, practiceId) // ['facebook', 'google', 'healthgrades']
 */
export async function sourcesCounted(
  db: Db,
  practiceId: string,
  locationId?: string,
): Promise<string[]> {
  const prefix = locationId ? `M#L#${locationId}#S#` : 'M#S#'
  const items = await queryEvery(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.reviewCountersOf(practiceId), ':prefix': prefix },
    ProjectionExpression: 'sk',
  })
  const sources = new Set<string>()
  for (const item of items) {
    const rest = String(item.sk).slice(prefix.length)
    sources.add(rest.slice(0, rest.lastIndexOf('#')))
  }
  return [...sources].sort()
}

/** Every review counter item of a practice, with its key: what counters:rebuild compares. */
export async function readAll(
  db: Db,
  practiceId: string,
): Promise<(ReviewCounterRow & { key: keys.Key })[]> {
  const items = await queryEvery(db, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.reviewCountersOf(practiceId) },
  })
  return items.map((item) => ({
    start: startOf(String(item.sk)),
    values: numbersOf(item),
    key: { pk: String(item.pk), sk: String(item.sk) },
  }))
}
