import { BatchGetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './db'
import * as keys from './keys'

export interface Limit {
  /** What is counted, e.g. `signin-email`. */
  scope: string
  /** Whom it is counted for: an e-mail hash or a client address. */
  subject: string
  max: number
  windowSeconds: number
}

const windowOf = (limit: Limit, nowMs: number) =>
  Math.floor(nowMs / 1000 / limit.windowSeconds) * limit.windowSeconds

/**
 * Fixed-window counters kept in the table, so every Lambda instance and the local server share
 * them. `check` answers the seconds to wait when any limit is used up, else 0.
 */
export async function check(db: Db, limits: Limit[], nowMs = Date.now()): Promise<number> {
  const requested = limits.map((limit) =>
    keys.throttle(limit.scope, limit.subject, windowOf(limit, nowMs)),
  )
  const { Responses } = await db.client.send(
    new BatchGetCommand({ RequestItems: { [db.table]: { Keys: requested } } }),
  )
  const found = Responses?.[db.table] ?? []
  let wait = 0
  for (const [index, limit] of limits.entries()) {
    const key = requested[index]
    const item = found.find((candidate) => candidate.pk === key?.pk && candidate.sk === key?.sk)
    if (typeof item?.hits === 'number' && item.hits >= limit.max) {
      const windowEnd = windowOf(limit, nowMs) + limit.windowSeconds
      wait = Math.max(wait, windowEnd - Math.floor(nowMs / 1000))
    }
  }
  return wait
}

/** Count one attempt against each limit. */
export async function record(db: Db, limits: Limit[], nowMs = Date.now()): Promise<void> {
  await Promise.all(
    limits.map((limit) => {
      const windowStart = windowOf(limit, nowMs)
      return db.client.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.throttle(limit.scope, limit.subject, windowStart),
          UpdateExpression: 'ADD hits :one SET expiresAt = if_not_exists(expiresAt, :expires)',
          ExpressionAttributeValues: {
            ':one': 1,
            ':expires': windowStart + limit.windowSeconds * 2,
          },
        }),
      )
    }),
  )
}

/** Count one hit in the current window and answer the total so far and when the window ends. */
export async function hit(
  db: Db,
  scope: string,
  subject: string,
  windowSeconds: number,
  nowMs = Date.now(),
): Promise<{ hits: number; resetAt: Date }> {
  const limit = { scope, subject, max: 0, windowSeconds }
  const windowStart = windowOf(limit, nowMs)
  const { Attributes } = await db.client.send(
    new UpdateCommand({
      TableName: db.table,
      Key: keys.throttle(scope, subject, windowStart),
      UpdateExpression: 'ADD hits :one SET expiresAt = if_not_exists(expiresAt, :expires)',
      ExpressionAttributeValues: { ':one': 1, ':expires': windowStart + windowSeconds * 2 },
      ReturnValues: 'UPDATED_NEW',
    }),
  )
  return {
    hits: Number(Attributes?.hits ?? 1),
    resetAt: new Date((windowStart + windowSeconds) * 1000),
  }
}
