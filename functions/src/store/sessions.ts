import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { z } from 'zod'
import { Id } from '../domain/practice'
import { hashToken, newToken } from '../domain/tokens'
import type { Db } from './db'
import { epochSeconds, fromItem, isConditionFailure, toItem } from './items'
import * as keys from './keys'

/**
 * A signed-in browser. `epoch` is the user's session epoch when it started: ending every session
 * of a person is one write to their user item (`users.endSessions`), since sessions are found by
 * token hash and cannot be listed by user. `createdAt` and `lastSeenAt` (epoch seconds) let the
 * middleware end a session idle or signed in for too long.
 */
const Session = z.object({
  practiceId: Id,
  userId: Id,
  csrfToken: z.string(),
  expiresAt: z.number(),
  createdAt: z.number(),
  lastSeenAt: z.number(),
  epoch: z.number().int(),
})
export type Session = z.infer<typeof Session>

/** Sessions stored before v2 knew neither when they started nor when they were last used. */
const upgrade = (item: Record<string, unknown>, version: number) =>
  version >= 2 ? item : { ...item, createdAt: 0, lastSeenAt: 0, epoch: 0 }

/** Start a session; the returned token goes into the cookie and is stored only as its hash. */
export async function create(
  db: Db,
  {
    practiceId,
    userId,
    ttlSeconds,
    epoch,
  }: { practiceId: string; userId: string; ttlSeconds: number; epoch: number },
  now = new Date(),
): Promise<{ token: string; session: Session }> {
  const token = newToken()
  const seconds = epochSeconds(now)
  const session: Session = {
    practiceId,
    userId,
    csrfToken: newToken(),
    expiresAt: seconds + ttlSeconds,
    createdAt: seconds,
    lastSeenAt: seconds,
    epoch,
  }
  await db.client.send(
    new PutCommand({
      TableName: db.table,
      Item: toItem(keys.session(hashToken(token)), 'session', session, 2),
    }),
  )
  return { token, session }
}

/** The live session for a cookie token, or undefined. TTL deletion lags, so expiry is checked here. */
export async function find(db: Db, token: string, now = new Date()): Promise<Session | undefined> {
  return findByHash(db, hashToken(token), now)
}

/**
 * The session whose token hashes to this, unless its item expired: how a board socket, which
 * keeps only the hash, finds the session its ticket came from.
 */
export async function findByHash(
  db: Db,
  tokenHash: string,
  now = new Date(),
  { consistent = false } = {},
): Promise<Session | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({
      TableName: db.table,
      Key: keys.session(tokenHash),
      ConsistentRead: consistent,
    }),
  )
  if (!Item) return undefined
  const session = fromItem(Session, Item, upgrade)
  return session.expiresAt > epochSeconds(now) ? session : undefined
}

/** Note that the session whose token hashes to this was used now (a board socket's write). */
export async function touchByHash(db: Db, tokenHash: string, now = new Date()): Promise<void> {
  try {
    await db.client.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.session(tokenHash),
        UpdateExpression: 'SET lastSeenAt = :now',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':now': epochSeconds(now) },
      }),
    )
  } catch (err) {
    if (!isConditionFailure(err)) throw err
  }
}

/**
 * Note that the session was used now, and (when given) move it to the user's new epoch: the
 * session that changed the password stays signed in while every other one ends.
 */
export async function touch(
  db: Db,
  token: string,
  { now = new Date(), epoch }: { now?: Date; epoch?: number } = {},
): Promise<void> {
  try {
    await db.client.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.session(hashToken(token)),
        UpdateExpression:
          epoch === undefined ? 'SET lastSeenAt = :now' : 'SET lastSeenAt = :now, epoch = :epoch',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: {
          ':now': epochSeconds(now),
          ...(epoch === undefined ? {} : { ':epoch': epoch }),
        },
      }),
    )
  } catch (err) {
    // Signed out in between: nothing to keep alive.
    if (!isConditionFailure(err)) throw err
  }
}

export async function remove(db: Db, token: string): Promise<void> {
  await db.client.send(
    new DeleteCommand({ TableName: db.table, Key: keys.session(hashToken(token)) }),
  )
}
