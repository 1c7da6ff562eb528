import { DeleteCommand } from '@aws-sdk/lib-dynamodb'
import { isDeepStrictEqual } from 'node:util'
import { monthOf } from '../domain/calendar'
import { NotFound } from '../domain/errors'
import { SurveyResponse } from '../domain/survey-records'
import type { SurveyDefinition } from '../domain/surveys'
import { batchPut } from './batch'
import * as counters from './counters'
import type { Db } from './db'
import { fromItem } from './items'
import * as keys from './keys'
import * as practices from './practices'
import { queryEvery } from './query'
import { summedCounters, versionKey } from './response-batches'
import { rebuildReviewCounters } from './review-counters-rebuild'
import * as surveys from './surveys'

/** One counter attribute that differs from what the stored responses add up to. */
export interface CounterDifference {
  /** The counter item's sort key: `W#all#2026-11-16`, `M#L#<location>#2026-11`. */
  counter: string
  /** The survey id, `*` for all surveys, or `reviews` for a review counter. */
  surveyId: string
  name: string
  expected: number
  actual: number
}

export interface RebuildReport {
  responses: number
  /** Stored reviews recounted for the review counters (see review-counters-rebuild). */
  reviews: number
  counters: number
  differences: CounterDifference[]
  /** True when the counters were rewritten to match (nothing is written when there is no difference). */
  rewritten: boolean
}

/**
 * Re-derive every counter of a practice from its stored responses, report what differs and, with
 * `write`, replace the counters with the recount. Counters written before a counter name existed
 * (e.g. sentiment, added with analytics) are completed this way.
 *
 * The recount reads every response: it is the slow, honest check of the fast path. Responses that
 * arrive while it runs may be counted twice or not at all, so run it with submissions stopped.
 *
 * @example
 * const { differences } = await rebuild(db, practiceId, { write: false })
 */
export async function rebuild(
  db: Db,
  practiceId: string,
  { write }: { write: boolean },
): Promise<RebuildReport> {
  const practice = await practices.get(db, practiceId)
  if (!practice) throw new NotFound('practice', practiceId)
  const surveyIds = (await surveys.list(db, practiceId)).map((survey) => survey.id)
  const stored = new Map<string, counters.CounterRow & { key: keys.Key; surveyId: string }>()
  for (const surveyId of [...surveyIds, '*']) {
    for (const row of await counters.readAll(db, practiceId, surveyId)) {
      stored.set(`${row.key.pk}\u0000${row.key.sk}`, { ...row, surveyId })
    }
  }

  // Every month that may hold responses: from the practice's first, and any month counted.
  const months = new Set<string>()
  for (const row of stored.values()) if (row.key.sk.startsWith('M#all#')) months.add(row.start)
  const thisMonth = monthOf(new Date(), practice.timeZone)
  for (let month = monthOf(new Date(practice.createdAt), practice.timeZone); month <= thisMonth;) {
    months.add(month)
    month = nextMonth(month)
  }
  const responses = (
    await Promise.all([...months].map((m) => monthResponses(db, practiceId, m)))
  ).flat()
  const definitions = new Map<string, SurveyDefinition>()
  for (const response of responses) {
    const key = versionKey(response.surveyId, response.version)
    if (definitions.has(key)) continue
    const version = await surveys.getVersion(db, practiceId, response.surveyId, response.version)
    if (!version) throw new Error(`response ${response.id} answers a version that is not stored`)
    definitions.set(key, version.definition)
  }
  const expected = summedCounters({
    practiceId,
    timeZone: practice.timeZone,
    definitions,
    responses,
  })

  const differences: CounterDifference[] = []
  const expectedIds = new Set<string>()
  for (const item of expected) {
    const id = `${String(item.pk)}\u0000${String(item.sk)}`
    expectedIds.add(id)
    const found = stored.get(id)
    differences.push(...diff(item, found?.values ?? {}))
  }
  for (const [id, row] of stored) {
    if (!expectedIds.has(id)) differences.push(...diff({ ...row.key }, row.values))
  }

  const rewritten = write && differences.length > 0
  if (rewritten) {
    await batchPut(db, expected)
    for (const [id, row] of stored) {
      if (!expectedIds.has(id)) {
        await db.client.send(new DeleteCommand({ TableName: db.table, Key: row.key }))
      }
    }
  }
  const ofReviews = await rebuildReviewCounters(db, practiceId, practice.timeZone, { write })
  differences.push(...ofReviews.differences.map((d) => ({ ...d, surveyId: 'reviews' })))
  return {
    responses: responses.length,
    reviews: ofReviews.reviews,
    counters: expected.length + ofReviews.counters,
    differences,
    rewritten: rewritten || ofReviews.rewritten,
  }
}

/** Attribute by attribute; a missing number counts as 0 (an ADD never made it). */
function diff(
  expectedItem: Record<string, unknown>,
  actual: Record<string, number>,
): CounterDifference[] {
  const expectedValues: Record<string, number> = {}
  for (const [name, value] of Object.entries(expectedItem)) {
    if (typeof value === 'number') expectedValues[name] = value
  }
  if (isDeepStrictEqual(expectedValues, actual)) return []
  const pk = String(expectedItem.pk)
  const surveyId = pk.slice(pk.lastIndexOf('#') + 1)
  const names = new Set([...Object.keys(expectedValues), ...Object.keys(actual)])
  return [...names].flatMap((name) => {
    const want = expectedValues[name] ?? 0
    const have = actual[name] ?? 0
    return want === have
      ? []
      : [{ counter: String(expectedItem.sk), surveyId, name, expected: want, actual: have }]
  })
}

async function monthResponses(
  db: Db,
  practiceId: string,
  month: string,
): Promise<SurveyResponse[]> {
  const items = await queryEvery(db, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.responsesOfMonth(practiceId, month) },
  })
  return items.map((item) => fromItem(SurveyResponse, item))
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}
