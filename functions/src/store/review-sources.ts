import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb'
import { z } from 'zod'
import { ConnectedSource } from '../domain/reviews/review'
import { SourceLocation } from '../domain/reviews/sources'
import type { Db } from './db'
import { fromItem, nowIso, setExpression, toItem } from './items'
import * as keys from './keys'
import { queryAll } from './query'

/** What a sync run found, as `POST /api/review-sources/{source}/sync` answers it. */
export const SyncFigures = z.object({
  fetched: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  skipped: z.number().int(),
})
export type SyncFigures = z.infer<typeof SyncFigures>

/** The last error of a source, in words a practice manager can act on (never a secret). */
export const SyncError = z.object({
  /** `reconnect`, `quota`, `rate-limited`, `not-found`, `deprecated`, `unavailable`, `failed`. */
  code: z.string(),
  message: z.string(),
  at: z.iso.datetime(),
})
export type SyncError = z.infer<typeof SyncError>

export const SyncState = z.object({
  lastRun: z.iso.datetime().optional(),
  lastSuccess: z.iso.datetime().optional(),
  lastError: SyncError.optional(),
  lastFigures: SyncFigures.optional(),
  /** When the last full sweep (every page, removals marked) finished. */
  lastFullSweep: z.iso.datetime().optional(),
  /** Per site location: the newest `updateTime` stored, where the next incremental run stops. */
  newestUpdate: z.record(z.string(), z.iso.datetime()).default({}),
  /** True after the site refused the credentials: the source shows "reconnect". */
  needsReconnect: z.boolean().default(false),
  /** The site's daily call allowance as its last answer stated it (Yelp): "calls left today". */
  rateLimit: z
    .object({
      remaining: z.number(),
      dailyLimit: z.number().optional(),
      resetAt: z.iso.datetime().optional(),
    })
    .optional(),
})
export type SyncState = z.infer<typeof SyncState>

/** A connected review site as stored: settings and sync state, its secrets elsewhere. */
export const ReviewSourceRecord = z.object({
  source: ConnectedSource,
  practiceId: z.string(),
  /** Google only: `accounts/…`. */
  accountId: z.string().optional(),
  locations: z.array(SourceLocation),
  connectedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  sync: SyncState,
})
export type ReviewSourceRecord = z.infer<typeof ReviewSourceRecord>

export async function get(
  db: Db,
  practiceId: string,
  source: ConnectedSource,
): Promise<ReviewSourceRecord | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({
      TableName: db.table,
      Key: keys.reviewSource(practiceId, source),
      ConsistentRead: true,
    }),
  )
  return Item ? fromItem(ReviewSourceRecord, Item) : undefined
}

export async function list(db: Db, practiceId: string): Promise<ReviewSourceRecord[]> {
  const items = await queryAll(db, keys.reviewSources(practiceId))
  return items.map((item) => fromItem(ReviewSourceRecord, item))
}

/**
 * Connect a source or change its settings. Reconnecting keeps what the sync knows (where the
 * last run stopped), but clears "reconnect": the manager has just given new credentials.
 */
export async function connect(
  db: Db,
  practiceId: string,
  source: ConnectedSource,
  settings: { accountId?: string | undefined; locations: SourceLocation[] },
): Promise<ReviewSourceRecord> {
  const now = nowIso()
  const current = await get(db, practiceId, source)
  const record: ReviewSourceRecord = {
    source,
    practiceId,
    ...(settings.accountId ? { accountId: settings.accountId } : {}),
    locations: settings.locations,
    connectedAt: current?.connectedAt ?? now,
    updatedAt: now,
    sync: { ...(current?.sync ?? { newestUpdate: {} }), needsReconnect: false },
  }
  await db.client.send(
    new PutCommand({
      TableName: db.table,
      Item: {
        ...toItem(keys.reviewSource(practiceId, source), 'review-source', record),
        gsi1pk: keys.connectedReviewSources,
        gsi1sk: `${practiceId}#${source}`,
      },
    }),
  )
  return record
}

export async function disconnect(db: Db, practiceId: string, source: ConnectedSource) {
  await db.client.send(
    new DeleteCommand({ TableName: db.table, Key: keys.reviewSource(practiceId, source) }),
  )
}

/** Record what a sync run did: only the fields given change. */
export async function recordSync(
  db: Db,
  practiceId: string,
  source: ConnectedSource,
  changes: Partial<SyncState>,
): Promise<void> {
  const current = await get(db, practiceId, source)
  if (!current) return // disconnected while the run went on: nothing to record
  const { empty, ...update } = setExpression({ sync: { ...current.sync, ...changes } })
  if (empty) return
  await db.client.send(
    new UpdateCommand({
      TableName: db.table,
      Key: keys.reviewSource(practiceId, source),
      ...update,
      ConditionExpression: 'attribute_exists(pk)',
    }),
  )
}

/** Every connected source of every practice, for the scheduled sync (one index query). */
export async function everyConnected(
  db: Db,
): Promise<{ practiceId: string; source: ConnectedSource }[]> {
  const found: { practiceId: string; source: ConnectedSource }[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.connectedReviewSources },
        ExclusiveStartKey,
      }),
    )
    for (const item of page.Items ?? []) {
      const [practiceId, source] = String(item.gsi1sk).split('#')
      found.push({ practiceId: practiceId!, source: ConnectedSource.parse(source) })
    }
    ExclusiveStartKey = page.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return found
}
