import {
  GetCommand,
  PutCommand,
  ScanCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb'
import { AlreadyExists, Forbidden, NotFound } from '../domain/errors'
import { Practice, User } from '../domain/practice'
import type { Db } from './db'
import { conditionFailedAt, fromItem, isConditionFailure, setExpression, toItem } from './items'
import * as keys from './keys'

export interface NewPractice {
  practice: Practice
  owner: User
  passwordHash: string
  /** Refuse unless this is the installation's first practice (sign-up closed after it). */
  onlyIfFirst?: boolean
}

export const signupClosed = () =>
  new Forbidden(
    'Sign-up is closed on this installation: its practice already exists. Ask your practice ' +
      'owner to invite you.',
  )

/**
 * Create a practice with its owner in one transaction: the practice, the owner's user item and the
 * global e-mail lookup. The e-mail lookup's condition makes a taken address fail as a whole.
 */
export async function create(
  db: Db,
  { practice, owner, passwordHash, onlyIfFirst = false }: NewPractice,
): Promise<void> {
  // Practices made before the installation marker existed: note them first, so "first" is true.
  if (onlyIfFirst && (await anyExists(db))) throw signupClosed()
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: db.table,
              Item: toItem(keys.practice(practice.id), 'practice', practice),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: db.table,
              Item: toItem(keys.user(practice.id, owner.id), 'user', { ...owner, passwordHash }),
            },
          },
          {
            Put: {
              TableName: db.table,
              Item: toItem(keys.emailLookup(owner.email), 'email', {
                practiceId: practice.id,
                userId: owner.id,
              }),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            // Written with every practice; its condition makes two racing "first" sign-ups one.
            Put: {
              TableName: db.table,
              Item: toItem(keys.installation(), 'installation', { firstPracticeId: practice.id }),
              ...(onlyIfFirst ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
            },
          },
        ],
      }),
    )
  } catch (err) {
    if (conditionFailedAt(err, 3)) throw signupClosed()
    if (conditionFailedAt(err, 2)) {
      throw new AlreadyExists('An account with this e-mail address already exists.', 'email')
    }
    if (conditionFailedAt(err, 0)) throw new AlreadyExists(`Practice ${practice.id} exists.`)
    throw err
  }
}

/**
 * Whether any practice exists. Reads the installation marker; a table from before the marker
 * (or one the demo filled) is scanned once until a practice is found, and the marker written.
 */
export async function anyExists(db: Db): Promise<boolean> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.installation(), ConsistentRead: true }),
  )
  if (Item) return true
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const page = await db.client.send(
      new ScanCommand({
        TableName: db.table,
        FilterExpression: 'sk = :practice',
        ExpressionAttributeValues: { ':practice': 'PRACTICE' },
        ProjectionExpression: 'pk',
        ExclusiveStartKey,
      }),
    )
    const first = page.Items?.[0]
    if (first) {
      await db.client.send(
        new PutCommand({
          TableName: db.table,
          Item: toItem(keys.installation(), 'installation', {
            firstPracticeId: String(first.pk).slice(2),
          }),
        }),
      )
      return true
    }
    ExclusiveStartKey = page.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return false
}

export async function get(db: Db, practiceId: string): Promise<Practice | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.practice(practiceId) }),
  )
  return Item ? fromItem(Practice, Item) : undefined
}

export type PracticeChanges = Partial<
  Pick<
    Practice,
    'name' | 'specialty' | 'timeZone' | 'languages' | 'reviewLinks' | 'minimumResponses'
  >
>

/**
 * Every practice in the table, for operators' tools (`npm run counters:rebuild`). A Scan reads the
 * whole table: never on a request's path.
 */
export async function listAll(db: Db): Promise<Practice[]> {
  const found: Practice[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const page = await db.client.send(
      new ScanCommand({
        TableName: db.table,
        FilterExpression: 'sk = :practice',
        ExpressionAttributeValues: { ':practice': 'PRACTICE' },
        ExclusiveStartKey,
      }),
    )
    for (const item of page.Items ?? []) found.push(fromItem(Practice, item))
    ExclusiveStartKey = page.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return found
}

/** Apply the given changes to an existing practice and return it as stored. */
export async function update(
  db: Db,
  practiceId: string,
  changes: PracticeChanges,
): Promise<Practice> {
  const { empty, ...set } = setExpression(changes)
  if (empty) {
    const current = await get(db, practiceId)
    if (!current) throw new NotFound('practice', practiceId)
    return current
  }
  try {
    const { Attributes } = await db.client.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.practice(practiceId),
        ...set,
        ConditionExpression: 'attribute_exists(pk)',
        ReturnValues: 'ALL_NEW',
      }),
    )
    return fromItem(Practice, Attributes ?? {})
  } catch (err) {
    if (isConditionFailure(err)) throw new NotFound('practice', practiceId)
    throw err
  }
}
