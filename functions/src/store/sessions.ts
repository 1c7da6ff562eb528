import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { z } from 'zod'
import { Id } from '../domain/practice'
import { hashToken, newToken } from '../domain/tokens'
import type { Db } from './db'
import { epochSeconds, fromItem, toItem } from './items'
import * as keys from './keys'

const Session = z.object({
  practiceId: Id,
  userId: Id,
  csrfToken: z.string(),
  expiresAt: z.number(),
})
export type Session = z.infer<typeof Session>

/** Start a session; the returned token goes into the cookie and is stored only as its hash. */
export async function create(
  db: Db,
  { practiceId, userId, ttlSeconds }: { practiceId: string; userId: string; ttlSeconds: number },
): Promise<{ token: string; session: Session }> {
  const token = newToken()
  const session: Session = {
    practiceId,
    userId,
    csrfToken: newToken(),
    expiresAt: epochSeconds(new Date()) + ttlSeconds,
  }
  await db.client.send(
    new PutCommand({
      TableName: db.table,
      Item: toItem(keys.session(hashToken(token)), 'session', session),
    }),
  )
  return { token, session }
}

/** The live session for a cookie token, or undefined. TTL deletion lags, so expiry is checked here. */
export async function find(db: Db, token: string): Promise<Session | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.session(hashToken(token)) }),
  )
  if (!Item) return undefined
  const session = fromItem(Session, Item)
  return session.expiresAt > epochSeconds(new Date()) ? session : undefined
}

export async function remove(db: Db, token: string): Promise<void> {
  await db.client.send(
    new DeleteCommand({ TableName: db.table, Key: keys.session(hashToken(token)) }),
  )
}
