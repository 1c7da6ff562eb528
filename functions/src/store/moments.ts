import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { Conflict, NotFound } from '../domain/errors'
import { Moment, type MomentChanges } from '../domain/moments/moment'
import type { Db } from './db'
import { cancellationReasons, fromItem, toItem } from './items'
import * as keys from './keys'
import { queryAll } from './query'

/**
 * Save a new moment, and claim its story's origin in the same transaction: a story picked twice
 * (two managers, a double click, a retry) is one moment, and the second is told which.
 *
 * @example
 * await moments.create(db, practiceId, moment) // Conflict 'moment-exists' if its origin has one
 */
export async function create(db: Db, practiceId: string, moment: Moment): Promise<void> {
  const put = {
    Put: {
      TableName: db.table,
      Item: toItem(keys.moment(practiceId, moment.id), 'moment', moment),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  }
  const claim = moment.origin && {
    Put: {
      TableName: db.table,
      Item: toItem(
        keys.momentOrigin(practiceId, moment.origin.kind, moment.origin.id),
        'moment-origin',
        { momentId: moment.id },
      ),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  }
  try {
    await db.client.send(new TransactWriteCommand({ TransactItems: claim ? [put, claim] : [put] }))
  } catch (err) {
    if (cancellationReasons(err)?.[1] === 'ConditionalCheckFailed') {
      const existing = await momentOfOrigin(db, practiceId, moment.origin!.kind, moment.origin!.id)
      throw new Conflict(
        existing
          ? `This story is already a moment (${existing}).`
          : 'This story is already a moment.',
        'moment-exists',
        'origin',
      )
    }
    throw err
  }
}

/** The id of the moment a story became, if it became one. */
export async function momentOfOrigin(
  db: Db,
  practiceId: string,
  kind: string,
  originId: string,
): Promise<string | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.momentOrigin(practiceId, kind, originId) }),
  )
  return typeof Item?.momentId === 'string' ? Item.momentId : undefined
}

export async function get(db: Db, practiceId: string, id: string): Promise<Moment | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.moment(practiceId, id) }),
  )
  return Item ? fromItem(Moment, Item) : undefined
}

/** Every moment of the practice, newest week first. */
export async function list(db: Db, practiceId: string): Promise<Moment[]> {
  const items = await queryAll(db, keys.allMoments(practiceId))
  return items
    .map((item) => fromItem(Moment, item))
    .sort((a, b) => b.week.localeCompare(a.week) || b.createdAt.localeCompare(a.createdAt))
}

/** Replace a moment's fields, unless it changed since `expectedUpdatedAt` was read. */
export async function update(
  db: Db,
  practiceId: string,
  id: string,
  changes: MomentChanges & Partial<Pick<Moment, 'recognised' | 'recognisedAt' | 'praise'>>,
  now: string,
): Promise<Moment> {
  const existing = await get(db, practiceId, id)
  if (!existing) throw new NotFound('moment', id)
  const next = Moment.parse({ ...existing, ...changes, updatedAt: now })
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: db.table,
              Item: toItem(keys.moment(practiceId, id), 'moment', next),
              // Two edits at once: the second is refused rather than silently lost.
              ConditionExpression: 'updatedAt = :seen',
              ExpressionAttributeValues: { ':seen': existing.updatedAt },
            },
          },
        ],
      }),
    )
  } catch (err) {
    if (cancellationReasons(err)?.[0] === 'ConditionalCheckFailed') {
      throw new Conflict('Someone else changed this moment; reload it.', 'changed', 'id')
    }
    throw err
  }
  return next
}
