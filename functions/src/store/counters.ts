import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './db'
import * as keys from './keys'

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
  const rows: CounterRow[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :low AND :high',
        ExpressionAttributeValues: { ':pk': low.pk, ':low': low.sk, ':high': high.sk },
        ExclusiveStartKey,
      }),
    )
    for (const item of page.Items ?? []) rows.push(toRow(item))
    ExclusiveStartKey = page.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return rows
}

/** Every counter item of one survey (or all surveys), for rebuilding and checking them. */
export async function readAll(
  db: Db,
  practiceId: string,
  surveyId: string | '*',
): Promise<(CounterRow & { key: keys.Key })[]> {
  const pk = keys.countersOf(practiceId, surveyId)
  const rows: (CounterRow & { key: keys.Key })[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ExclusiveStartKey,
      }),
    )
    for (const item of page.Items ?? []) {
      rows.push({ ...toRow(item), key: { pk: String(item.pk), sk: String(item.sk) } })
    }
    ExclusiveStartKey = page.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return rows
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
