import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { z } from 'zod'
import { NotFound } from '../domain/errors'
import { Id, User } from '../domain/practice'
import type { Db } from './db'
import { fromItem, isConditionFailure } from './items'
import * as keys from './keys'
import { queryAll } from './query'

/** Bumped to end every session of the person at once (sessions started under another epoch die). */
const SessionEpoch = z.object({ sessionEpoch: z.number().int().default(0) })
const StoredUser = User.extend({ passwordHash: z.string() }).extend(SessionEpoch.shape)
export type UserWithSecret = z.infer<typeof StoredUser>
const EmailLookup = z.object({ practiceId: Id, userId: Id })

export async function get(db: Db, practiceId: string, userId: string): Promise<User | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.user(practiceId, userId) }),
  )
  return Item ? fromItem(User, Item) : undefined
}

/** The user with their session epoch, read on every signed-in request. */
export async function getForSession(
  db: Db,
  practiceId: string,
  userId: string,
): Promise<{ user: User; sessionEpoch: number } | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.user(practiceId, userId) }),
  )
  if (!Item) return undefined
  return { user: fromItem(User, Item), sessionEpoch: fromItem(SessionEpoch, Item).sessionEpoch }
}

/** The practice's owners, who are told about repeated failed sign-ins. */
export async function owners(db: Db, practiceId: string): Promise<User[]> {
  return (await list(db, practiceId)).filter((user) => user.role === 'owner')
}

/**
 * End every session of the person: their epoch moves on, and the session middleware refuses a
 * session of an older epoch. With `passwordHash`, the password changes in the same write. Answers
 * the new epoch, for the one session that should live on (`sessions.touch`).
 */
export async function endSessions(
  db: Db,
  practiceId: string,
  userId: string,
  { passwordHash }: { passwordHash?: string } = {},
): Promise<number> {
  try {
    const { Attributes } = await db.client.send(
      new UpdateCommand({
        ...endSessionsUpdate(db, practiceId, userId, passwordHash),
        ReturnValues: 'UPDATED_NEW',
      }),
    )
    return Number(Attributes?.sessionEpoch ?? 1)
  } catch (err) {
    if (isConditionFailure(err)) throw new NotFound('team member', userId)
    throw err
  }
}

/** The update `endSessions` sends, also used inside the password-reset transaction. */
export function endSessionsUpdate(
  db: Db,
  practiceId: string,
  userId: string,
  passwordHash: string | undefined,
) {
  return {
    TableName: db.table,
    Key: keys.user(practiceId, userId),
    UpdateExpression:
      passwordHash === undefined
        ? 'ADD sessionEpoch :one'
        : 'ADD sessionEpoch :one SET passwordHash = :hash',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: {
      ':one': 1,
      ...(passwordHash === undefined ? {} : { ':hash': passwordHash }),
    },
  }
}

/** The user's password hash, to check the current password before changing it. */
export async function passwordHashOf(
  db: Db,
  practiceId: string,
  userId: string,
): Promise<string | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({
      TableName: db.table,
      Key: keys.user(practiceId, userId),
      ConsistentRead: true,
    }),
  )
  return typeof Item?.passwordHash === 'string' ? Item.passwordHash : undefined
}

export async function list(db: Db, practiceId: string): Promise<User[]> {
  return (await queryAll(db, keys.users(practiceId))).map((item) => fromItem(User, item))
}

/** The user with this e-mail, with the password hash: for signing in only. */
export async function findForSignIn(db: Db, email: string): Promise<UserWithSecret | undefined> {
  const { Item: lookup } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.emailLookup(email) }),
  )
  if (!lookup) return undefined
  const { practiceId, userId } = EmailLookup.parse(lookup)
  const { Item } = await db.client.send(
    new GetCommand({
      TableName: db.table,
      Key: keys.user(practiceId, userId),
      ConsistentRead: true,
    }),
  )
  // The lookup says which practice; the user item must agree, or the lookup is stale.
  if (!Item || Item.email !== email) return undefined
  return fromItem(StoredUser, Item)
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.emailLookup(email) }),
  )
  return Item !== undefined
}

/** What may change on a person after they joined: their role, and how patients know them. */
export type MemberChanges = Partial<Pick<User, 'role' | 'aliases' | 'featureOptOut'>>

export async function change(
  db: Db,
  practiceId: string,
  userId: string,
  changes: MemberChanges,
): Promise<User> {
  const fields = Object.entries(changes).filter(([, value]) => value !== undefined)
  if (fields.length === 0) {
    const existing = await get(db, practiceId, userId)
    if (!existing) throw new NotFound('team member', userId)
    return existing
  }
  try {
    const { Attributes } = await db.client.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.user(practiceId, userId),
        UpdateExpression: `SET ${fields.map(([name]) => `#${name} = :${name}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(fields.map(([name]) => [`#${name}`, name])),
        ExpressionAttributeValues: Object.fromEntries(
          fields.map(([name, value]) => [`:${name}`, value]),
        ),
        ConditionExpression: 'attribute_exists(pk)',
        ReturnValues: 'ALL_NEW',
      }),
    )
    return fromItem(User, Attributes ?? {})
  } catch (err) {
    if (isConditionFailure(err)) throw new NotFound('team member', userId)
    throw err
  }
}

/**
 * Remove a person from the practice: their user item and their e-mail lookup go together. Their
 * sessions stop working at once, because every request reads the user item.
 */
export async function remove(db: Db, practiceId: string, userId: string): Promise<void> {
  const user = await get(db, practiceId, userId)
  if (!user) throw new NotFound('team member', userId)
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: db.table,
              Key: keys.user(practiceId, userId),
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
          {
            Delete: {
              TableName: db.table,
              Key: keys.emailLookup(user.email),
              ConditionExpression: 'userId = :userId',
              ExpressionAttributeValues: { ':userId': userId },
            },
          },
        ],
      }),
    )
  } catch (err) {
    if (err instanceof Error && err.name === 'TransactionCanceledException') {
      throw new NotFound('team member', userId)
    }
    throw err
  }
}
