import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './db'
import { isConditionFailure } from './items'
import * as keys from './keys'

export interface Limit {
  /** What is counted, e.g. `signin-pair`. */
  scope: string
  /** Whom it is counted for: a hash of an e-mail and an address bucket, or an address. */
  subject: string
  max: number
  windowSeconds: number
}

const windowOf = (limit: Pick<Limit, 'windowSeconds'>, nowMs: number) =>
  Math.floor(nowMs / 1000 / limit.windowSeconds) * limit.windowSeconds

const secondsLeft = (limit: Pick<Limit, 'windowSeconds'>, nowMs: number) =>
  Math.max(1, windowOf(limit, nowMs) + limit.windowSeconds - Math.floor(nowMs / 1000))

/*
 * Fixed-window counters kept in the table, so every Lambda instance and the local server share
 * them.
 */

/**
 * Take one attempt from the limit's window, atomically: a conditional ADD that fails once `max`
 * are taken, so 40 parallel requests cannot all slip between a read and a write. Answers 0 when
 * the attempt is reserved, else the seconds until the window ends. Undo with `release`.
 */
export async function reserve(db: Db, limit: Limit, nowMs = Date.now()): Promise<number> {
  const windowStart = windowOf(limit, nowMs)
  try {
    await db.client.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.throttle(limit.scope, limit.subject, windowStart),
        UpdateExpression: 'ADD hits :one SET expiresAt = if_not_exists(expiresAt, :expires)',
        ConditionExpression: 'attribute_not_exists(hits) OR hits < :max',
        ExpressionAttributeValues: {
          ':one': 1,
          ':max': limit.max,
          ':expires': windowStart + limit.windowSeconds * 2,
        },
      }),
    )
    return 0
  } catch (err) {
    if (isConditionFailure(err)) return secondsLeft(limit, nowMs)
    throw err
  }
}

/** Give back an attempt `reserve` took (e.g. the password was right), in the same window. */
export async function release(db: Db, limit: Limit, nowMs = Date.now()): Promise<void> {
  await db.client
    .send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.throttle(limit.scope, limit.subject, windowOf(limit, nowMs)),
        UpdateExpression: 'ADD hits :minusOne',
        ConditionExpression: 'hits > :zero',
        ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
      }),
    )
    .catch((err: unknown) => {
      // The window turned over between reserve and release: nothing to give back.
      if (!isConditionFailure(err)) throw err
    })
}

/** Count one hit in the current window and answer the total so far and when the window ends. */
export async function hit(
  db: Db,
  scope: string,
  subject: string,
  windowSeconds: number,
  nowMs = Date.now(),
): Promise<{ hits: number; resetAt: Date }> {
  const windowStart = windowOf({ windowSeconds }, nowMs)
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
