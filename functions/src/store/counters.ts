import type { Db } from './db'
import * as keys from './keys'
import { queryEvery } from './query'

/** One counter item as read: the period it starts and its numbers (see domain/counters.ts). */
export interface CounterRow {
  /** `2026-11-16` for a week, `2026-11` for a month. */
  start: string
  values: Record<string, number>
}

export interface CounterRange {
  /** A survey id, or `*` for every survey together. */
  surveyId: string | '*'
  period: 'W' | 'M'
  scope: keys.CounterScope
  /** First and last period starts, inclusive, in the same format as `start`. */
  first: string
  last: string
}

/**
 * The counters of one survey (or all), one scope and a range of weeks or months, oldest first: a
 * single Query whatever the number of responses behind them, which is what keeps dashboards fast.
 */
export async function readRange(
  db: Db,
  practiceId: string,
  range: CounterRange,
): Promise<CounterRow[]> {
  const low = keys.counter(practiceId, range.surveyId, range.period, range.scope, range.first)
  const high = keys.counter(practiceId, range.surveyId, range.period, range.scope, range.last)
  const items = await queryEvery(db, {
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :low AND :high',
    ExpressionAttributeValues: { ':pk': low.pk, ':low': low.sk, ':high': high.sk },
  })
  return items.map(toRow)
}

/**
 * How many responses a survey has had, from its monthly practice-wide counters: one Query over a
 * few dozen small items, however many responses there are.
 */
export async function responseTotal(db: Db, practiceId: string, surveyId: string): Promise<number> {
  const months = await readRange(db, practiceId, {
    surveyId,
    period: 'M',
    scope: 'all',
    first: '0000-00',
    last: '9999-99',
  })
  return months.reduce((sum, month) => sum + (month.values.responses ?? 0), 0)
}

/** Every counter item of one survey (or all surveys), for rebuilding and checking them. */
export async function readAll(
  db: Db,
  practiceId: string,
  surveyId: string | '*',
): Promise<(CounterRow & { key: keys.Key })[]> {
  const items = await queryEvery(db, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.countersOf(practiceId, surveyId) },
  })
  return items.map((item) => ({
    ...toRow(item),
    key: { pk: String(item.pk), sk: String(item.sk) },
  }))
}

function toRow(item: Record<string, unknown>): CounterRow {
  const sk = String(item.sk)
  const values: Record<string, number> = {}
  for (const [name, value] of Object.entries(item)) {
    if (typeof value === 'number') values[name] = value
  }
  // The sort key ends with the period start: `W#all#2026-11-16`, `M#L#<location>#2026-11`.
  return { start: sk.slice(sk.lastIndexOf('#') + 1), values }
}

/**
 * Every counter one response moves, the single fan-out both `responses.accept` (one transaction)
 * and `summedCounters` (many responses at once) use, so the two can never count differently: this
 * survey and `*` (every survey), by week and by month in the practice's time zone, for the whole
 * practice, the response's location and its provider.
 *
 * @example
 * counters.keysMovedBy(practiceId, { surveyId, location: 'loc1' }, { week: '2026-11-16', month: '2026-11' })
 * // 8 keys: 2 surveys × 2 periods × 2 scopes
 */
export function keysMovedBy(
  practiceId: string,
  response: { surveyId: string; location?: string | undefined; provider?: string | undefined },
  { week, month }: { week: string; month: string },
): keys.Key[] {
  const moved: keys.Key[] = []
  for (const survey of [response.surveyId, '*'] as const) {
    for (const [period, start] of [
      ['W', week],
      ['M', month],
    ] as const) {
      for (const scope of keys.counterScopes(response)) {
        moved.push(keys.counter(practiceId, survey, period, scope, start))
      }
    }
  }
  return moved
}
