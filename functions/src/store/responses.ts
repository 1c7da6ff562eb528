import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { z } from 'zod'
import { monthOf, weekOf } from '../domain/calendar'
import { counterIncrements, type CommentReading } from '../domain/counters'
import { IdempotencyKeyReused } from '../domain/errors'
import { Id } from '../domain/practice'
import { SurveyResponse, type SentimentLabel, type SurveyVersion } from '../domain/survey-records'
import * as counters from './counters'
import type { Db } from './db'
import { cancelledBecause, conditionFailedAt, epochSeconds, fromItem, toItem } from './items'
import * as keys from './keys'

/** How long a submission's idempotency key is remembered: far past any offline retry. */
const idempotencyDays = 30
const Idempotency = z.object({
  practiceId: Id,
  responseId: Id,
  submittedAt: z.iso.datetime(),
  /** SHA-256 of the request the key was first used with; records from before it have none. */
  requestHash: z.string().optional(),
})

export interface Acceptance {
  practiceId: string
  /** The practice's time zone, which decides the week and month a response counts in. */
  timeZone: string
  version: SurveyVersion
  response: SurveyResponse
  idempotencyKey: string
  /** A hash of the request as sent, so a replay of the key with another body is told apart. */
  requestHash: string
}

export interface Accepted {
  responseId: string
  submittedAt: string
  /** True when this key was seen before: nothing new was stored. */
  replay: boolean
}

/**
 * Accept a response exactly once. One transaction writes the idempotency record, the response and
 * every counter it moves, so facts and aggregates never disagree. A replay of the same key (a
 * double tap, a retry after a lost connection) stores nothing and answers as the first did; the
 * same key with a different request is refused (`IdempotencyKeyReused`, 409).
 */
export async function accept(db: Db, acceptance: Acceptance): Promise<Accepted> {
  const { practiceId, response, idempotencyKey, requestHash } = acceptance
  const items = acceptanceItems(db, acceptance)

  for (let attempt = 0; ; attempt++) {
    try {
      await db.client.send(new TransactWriteCommand({ TransactItems: items }))
      return { responseId: response.id, submittedAt: response.submittedAt, replay: false }
    } catch (err) {
      if (conditionFailedAt(err, 0))
        return replayOf(db, practiceId, response.surveyId, idempotencyKey, requestHash)
      // Concurrent responses move the same counters; DynamoDB cancels one of two transactions
      // that touch an item at once. Retrying is safe: the idempotency record makes it exactly-once.
      if (isConflict(err) && attempt < 12) {
        await sleep(Math.random() * Math.min(1000, 15 * 2 ** attempt))
        continue
      }
      throw err
    }
  }
}

/**
 * The items of the one transaction that accepts a response: the idempotency record (conditional,
 * so a replay fails at index 0), the response, and every counter it moves. Exported so the bench
 * can send exactly these items without the API around them.
 */
export function acceptanceItems(db: Db, acceptance: Acceptance) {
  const { practiceId, response, idempotencyKey } = acceptance
  const submittedAt = new Date(response.submittedAt)
  const month = monthOf(submittedAt, acceptance.timeZone)
  return [
    {
      Put: {
        TableName: db.table,
        Item: toItem(keys.idempotency(response.surveyId, idempotencyKey), 'idempotency', {
          practiceId,
          responseId: response.id,
          submittedAt: response.submittedAt,
          requestHash: acceptance.requestHash,
          // An imported row's key is kept for good: counted from its (past) date it would expire
          // at once, and the same file imported again would count every row a second time.
          ...(response.source !== 'import' && {
            expiresAt: epochSeconds(submittedAt) + idempotencyDays * 86400,
          }),
        }),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: db.table,
        Item: toItem(keys.response(practiceId, month, response.id), 'response', response),
      },
    },
    ...counterUpdates(db, acceptance, month),
  ]
}

async function replayOf(
  db: Db,
  practiceId: string,
  surveyId: string,
  key: string,
  requestHash: string,
): Promise<Accepted> {
  const { Item } = await db.client.send(
    new GetCommand({
      TableName: db.table,
      Key: keys.idempotency(surveyId, key),
      ConsistentRead: true,
    }),
  )
  const first = fromItem(Idempotency, Item ?? {})
  // The key is per survey; it must also be this practice's, or it says nothing about this request.
  if (first.practiceId !== practiceId) throw new Error('idempotency record of another practice')
  // The same key with other answers is a client bug (or a guess); answering as the first would
  // silently drop these answers.
  if (first.requestHash !== undefined && first.requestHash !== requestHash) {
    throw new IdempotencyKeyReused()
  }
  return { responseId: first.responseId, submittedAt: first.submittedAt, replay: true }
}

/** ADD updates for every counter the response moves (see `counters.keysMovedBy`). */
function counterUpdates(
  db: Db,
  { practiceId, timeZone, version, response }: Acceptance,
  month: string,
) {
  const increments = counterIncrements(version.definition, response.answers, commentOf(response))
  const names = Object.keys(increments)
  const week = weekOf(new Date(response.submittedAt), timeZone)
  return counters.keysMovedBy(practiceId, response, { week, month }).map((key) => ({
    Update: {
      TableName: db.table,
      Key: key,
      UpdateExpression: `ADD ${names.map((_, i) => `#a${i} :v${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#a${i}`, name])),
      ExpressionAttributeValues: Object.fromEntries(
        names.map((name, i) => [`:v${i}`, increments[name]]),
      ),
    },
  }))
}

/** The reading of the response's free text, when it has one. */
export function commentOf(response: SurveyResponse): CommentReading | undefined {
  return response.sentiment && { sentiment: response.sentiment, themes: response.themes ?? [] }
}

function isConflict(err: unknown): boolean {
  if (err instanceof Error && err.name === 'TransactionConflictException') return true
  return cancelledBecause(err, 'TransactionConflict')
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

export interface ResponseFilter {
  /** Practice-time months to read, newest first (`2026-11`). */
  months: string[]
  surveyId?: string | undefined
  location?: string | undefined
  provider?: string | undefined
  from?: string | undefined
  to?: string | undefined
  /** Only responses whose comment has this theme. */
  theme?: string | undefined
  /** Only responses whose comment reads so. */
  sentiment?: SentimentLabel | undefined
  /** Only responses with a comment that has any theme. */
  withThemes?: boolean | undefined
}

/**
 * Responses matching the filter, newest first, one page at a time. The cursor says which month and
 * where in it to continue.
 */
export async function list(
  db: Db,
  practiceId: string,
  filter: ResponseFilter,
  { limit, cursor }: { limit: number; cursor?: Cursor | undefined },
): Promise<{ items: SurveyResponse[]; next?: Cursor }> {
  const items: SurveyResponse[] = []
  const startMonth = cursor ? filter.months.indexOf(cursor.month) : 0
  for (let m = Math.max(0, startMonth); m < filter.months.length; m++) {
    const month = filter.months[m]!
    let startKey: Record<string, unknown> | undefined =
      cursor && cursor.month === month ? cursor.key : undefined
    do {
      const page = await db.client.send(
        new QueryCommand({
          TableName: db.table,
          ...responseQuery(db, practiceId, month, filter),
          ScanIndexForward: false,
          ExclusiveStartKey: startKey,
          Limit: Math.max(limit - items.length, 1) * 2,
        }),
      )
      for (const item of page.Items ?? []) {
        items.push(fromItem(SurveyResponse, item))
        if (items.length === limit) {
          const last = item as { pk: string; sk: string }
          return { items, next: { month, key: { pk: last.pk, sk: last.sk } } }
        }
      }
      startKey = page.LastEvaluatedKey
    } while (startKey)
  }
  return { items }
}

/** How many responses match the filter (reads only the matching months). */
export async function count(db: Db, practiceId: string, filter: ResponseFilter): Promise<number> {
  let total = 0
  for (const month of filter.months) {
    let startKey: Record<string, unknown> | undefined
    do {
      const page = await db.client.send(
        new QueryCommand({
          TableName: db.table,
          ...responseQuery(db, practiceId, month, filter),
          Select: 'COUNT',
          ExclusiveStartKey: startKey,
        }),
      )
      total += page.Count ?? 0
      startKey = page.LastEvaluatedKey
    } while (startKey)
  }
  return total
}

export interface Cursor {
  month: string
  key: Record<string, unknown>
}

function responseQuery(db: Db, practiceId: string, month: string, filter: ResponseFilter) {
  const conditions: string[] = []
  const values: Record<string, unknown> = { ':pk': keys.responsesOfMonth(practiceId, month) }
  const names: Record<string, string> = {}
  const match = (attribute: string, value: string | undefined) => {
    if (value === undefined) return
    names[`#${attribute}`] = attribute
    values[`:${attribute}`] = value
    conditions.push(`#${attribute} = :${attribute}`)
  }
  match('surveyId', filter.surveyId)
  match('location', filter.location)
  match('provider', filter.provider)
  if (filter.from) {
    values[':from'] = filter.from
    conditions.push('submittedAt >= :from')
  }
  if (filter.to) {
    values[':to'] = filter.to
    conditions.push('submittedAt < :to')
  }
  if (filter.theme) {
    values[':theme'] = filter.theme
    conditions.push('contains(themes, :theme)')
  }
  if (filter.withThemes) {
    values[':none'] = 0
    conditions.push('size(themes) > :none')
  }
  if (filter.sentiment) {
    names['#sentiment'] = 'sentiment'
    names['#label'] = 'label'
    values[':sentiment'] = filter.sentiment
    conditions.push('#sentiment.#label = :sentiment')
  }
  return {
    KeyConditionExpression: 'pk = :pk',
    ...(conditions.length ? { FilterExpression: conditions.join(' AND ') } : {}),
    ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
    ExpressionAttributeValues: values,
  }
}
