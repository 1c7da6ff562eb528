import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { z } from 'zod'
import { Gone } from '../domain/errors'
import { Id } from '../domain/practice'
import { hashToken, newToken } from '../domain/tokens'
import type { Db } from './db'
import { cancellationReasons, epochSeconds, fromItem, toItem } from './items'
import * as keys from './keys'
import { endSessionsUpdate } from './users'

const PasswordReset = z.object({ practiceId: Id, userId: Id, expiresAt: z.number() })
export type PasswordReset = z.infer<typeof PasswordReset>

const spentOrExpired = () =>
  new Gone('This reset link has expired or was already used. Ask for a new one.', 'token')

/**
 * A single-use reset link for one person; the token goes into the e-mail and is stored only as
 * its hash, with a TTL, so a leaked table opens no accounts.
 */
export async function create(
  db: Db,
  { practiceId, userId, ttlSeconds }: { practiceId: string; userId: string; ttlSeconds: number },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken()
  const expiresAt = epochSeconds(now) + ttlSeconds
  await db.client.send(
    new PutCommand({
      TableName: db.table,
      Item: toItem(keys.passwordReset(hashToken(token)), 'password-reset', {
        practiceId,
        userId,
        expiresAt,
      }),
    }),
  )
  return { token, expiresAt: new Date(expiresAt * 1000) }
}

/** Who a live reset token is for; `Gone` when it is unknown, spent or expired. */
export async function find(db: Db, token: string, now = new Date()): Promise<PasswordReset> {
  const { Item } = await db.client.send(
    new GetCommand({
      TableName: db.table,
      Key: keys.passwordReset(hashToken(token)),
      ConsistentRead: true,
    }),
  )
  if (!Item) throw spentOrExpired()
  const reset = fromItem(PasswordReset, Item)
  if (reset.expiresAt <= epochSeconds(now)) throw spentOrExpired()
  return reset
}

/**
 * Set the new password and spend the token in one transaction, moving the person's session epoch
 * on so every session they had ends. Two tabs confirming the same link: one wins, the other is
 * told the link was used.
 */
export async function spend(
  db: Db,
  token: string,
  passwordHash: string,
  now = new Date(),
): Promise<PasswordReset> {
  const reset = await find(db, token, now)
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: db.table,
              Key: keys.passwordReset(hashToken(token)),
              ConditionExpression: 'attribute_exists(pk) AND expiresAt > :now',
              ExpressionAttributeValues: { ':now': epochSeconds(now) },
            },
          },
          { Update: endSessionsUpdate(db, reset.practiceId, reset.userId, passwordHash) },
        ],
      }),
    )
  } catch (err) {
    // The token was spent in between, or the person was removed from the practice.
    if (cancellationReasons(err)) throw spentOrExpired()
    throw err
  }
  return reset
}
