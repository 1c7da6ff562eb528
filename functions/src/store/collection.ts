import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { z } from 'zod'
import { Conflict, NotFound } from '../domain/errors'
import { sameNameKey } from '../domain/practice'
import type { Db } from './db'
import {
  cancelledBecause,
  conditionFailedAt,
  fromItem,
  isConditionFailure,
  setExpression,
  toItem,
} from './items'
import type { Key } from './keys'
import * as keys from './keys'
import { queryAll } from './query'

type Named = z.ZodObject<{ id: z.ZodString; name: z.ZodString }>

/**
 * Plain CRUD for a small set of named items that belong to one practice (locations, providers):
 * every call starts from the practice id, so one practice never reaches another's items.
 *
 * Names are unique per practice in their `sameNameKey` form, and atomically so: each item holds a
 * claim item (`keys.nameClaim`) written, moved and deleted in the same transaction as the item,
 * with `attribute_not_exists`, so two people adding "North Clinic" at once get one 201 and one
 * 409. Practices from before the claims have none: the first create or rename in a practice writes
 * the missing claims (idempotently) before its own transaction, so no migration step is needed.
 */
export function practiceCollection<S extends Named>(spec: {
  kind: string
  schema: S
  key: (practiceId: string, id: string) => Key
  all: (practiceId: string) => { pk: string; skPrefix: string }
  sort?: (a: z.infer<S>, b: z.infer<S>) => number
}) {
  type Item = z.infer<S>
  const { kind, schema, key, all, sort } = spec
  const claimKey = (practiceId: string, name: string) =>
    keys.nameClaim(practiceId, kind, sameNameKey(name))
  const nameTaken = () =>
    new Conflict(`This practice already has a ${kind} with that name.`, 'name-taken', 'name')

  async function list(db: Db, practiceId: string): Promise<Item[]> {
    const items = (await queryAll(db, all(practiceId))).map((item) => fromItem(schema, item))
    return sort ? items.sort(sort) : items
  }

  async function get(db: Db, practiceId: string, id: string): Promise<Item | undefined> {
    const { Item } = await db.client.send(
      new GetCommand({ TableName: db.table, Key: key(practiceId, id) }),
    )
    return Item ? fromItem(schema, Item) : undefined
  }

  /** The claim item that says `id` holds `name`. */
  const claimItem = (practiceId: string, name: string, id: string) =>
    toItem(claimKey(practiceId, name), `${kind}-name`, { id })

  /** Whether `id` holds the claim on `name`: an old duplicate (from before claims) may not. */
  async function holdsClaim(db: Db, practiceId: string, name: string, id: string) {
    const { Item } = await db.client.send(
      new GetCommand({
        TableName: db.table,
        Key: claimKey(practiceId, name),
        ConsistentRead: true,
      }),
    )
    return Item?.id === id
  }

  /**
   * The transaction items that move `id`'s name claim, to go after the item's own write (index
   * 0): a put of the claim on `to` (index 1; its condition fails where the name is taken), then
   * the delete of the claim on `from` when `id` holds it (an old duplicate from before claims may
   * not: that claim is left be). Create only takes a claim, remove only lets one go. A rename
   * requires the old claim to be there still; a removal lets one already gone be.
   */
  async function claimMoves(
    db: Db,
    practiceId: string,
    id: string,
    move: { to?: string; from?: string; fromMayBeGone?: boolean },
  ): Promise<TransactItem[]> {
    const moves: TransactItem[] = []
    if (move.to !== undefined) {
      moves.push({
        Put: {
          TableName: db.table,
          Item: claimItem(practiceId, move.to, id),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      })
    }
    if (move.from !== undefined && (await holdsClaim(db, practiceId, move.from, id))) {
      moves.push({
        Delete: {
          TableName: db.table,
          Key: claimKey(practiceId, move.from),
          ConditionExpression: move.fromMayBeGone
            ? 'attribute_not_exists(pk) OR #id = :id'
            : '#id = :id',
          ExpressionAttributeNames: { '#id': 'id' },
          ExpressionAttributeValues: { ':id': id },
        },
      })
    }
    return moves
  }

  /** What a write that lost a race with another on the same item answers. */
  async function changedMeanwhile(db: Db, practiceId: string, id: string): Promise<Error> {
    if (!(await get(db, practiceId, id))) return new NotFound(kind, id)
    return new Conflict(`Someone changed this ${kind} at the same moment; try again.`)
  }

  /**
   * Writes the claims of items stored before claims existed, once per practice (a marker item
   * says it is done). Safe to repeat and to race: a claim is only ever added where none is, so of
   * two old items with one name the first keeps the claim.
   */
  async function backfillClaims(db: Db, practiceId: string): Promise<void> {
    const marker = keys.nameClaimsWritten(practiceId, kind)
    const { Item } = await db.client.send(new GetCommand({ TableName: db.table, Key: marker }))
    if (Item) return
    const items = await list(db, practiceId)
    await Promise.all(
      items.map((item) => putIfAbsent(db, claimItem(practiceId, item.name, item.id))),
    )
    await putIfAbsent(db, toItem(marker, `${kind}-names`, {}))
  }

  /**
   * One transaction, tried again when it collided with another on the same claim: DynamoDB then
   * cancels it with `TransactionConflict`, and the retry meets the winner's claim as a plain
   * condition failure (409) or goes through.
   */
  async function transact(db: Db, TransactItems: TransactItem[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await db.client.send(new TransactWriteCommand({ TransactItems }))
        return
      } catch (err) {
        const collided =
          (err instanceof Error && err.name === 'TransactionConflictException') ||
          (cancelledBecause(err, 'TransactionConflict') &&
            !cancelledBecause(err, 'ConditionalCheckFailed'))
        if (!collided || attempt >= 6) throw err
        await sleep(Math.random() * 20 * 2 ** attempt)
      }
    }
  }

  return {
    list,
    get,

    async create(db: Db, practiceId: string, item: Item): Promise<void> {
      await backfillClaims(db, practiceId)
      const moves = await claimMoves(db, practiceId, item.id, { to: item.name })
      try {
        await transact(db, [
          {
            Put: {
              TableName: db.table,
              Item: toItem(key(practiceId, item.id), kind, item),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...moves,
        ])
      } catch (err) {
        if (conditionFailedAt(err, 1)) throw nameTaken()
        throw err
      }
    },

    async update(
      db: Db,
      practiceId: string,
      id: string,
      changes: Partial<Omit<Item, 'id'>>,
    ): Promise<Item> {
      const { empty, ...set } = setExpression(changes)
      const current = await get(db, practiceId, id)
      if (!current) throw new NotFound(kind, id)
      if (empty) return current
      const renamed =
        changes.name !== undefined && sameNameKey(changes.name) !== sameNameKey(current.name)
      if (!renamed) {
        try {
          const { Attributes } = await db.client.send(
            new UpdateCommand({
              TableName: db.table,
              Key: key(practiceId, id),
              ...set,
              ConditionExpression: 'attribute_exists(pk)',
              ReturnValues: 'ALL_NEW',
            }),
          )
          return fromItem(schema, Attributes ?? {})
        } catch (err) {
          if (isConditionFailure(err)) throw new NotFound(kind, id)
          throw err
        }
      }
      await backfillClaims(db, practiceId)
      const moves = await claimMoves(db, practiceId, id, { to: changes.name, from: current.name })
      try {
        await transact(db, [
          {
            Update: {
              TableName: db.table,
              Key: key(practiceId, id),
              UpdateExpression: set.UpdateExpression,
              // Renamed by someone else meanwhile: its claim is no longer the one we move.
              ConditionExpression: 'attribute_exists(pk) AND #oldName = :oldName',
              ExpressionAttributeNames: { ...set.ExpressionAttributeNames, '#oldName': 'name' },
              ExpressionAttributeValues: {
                ...set.ExpressionAttributeValues,
                ':oldName': current.name,
              },
            },
          },
          ...moves,
        ])
      } catch (err) {
        if (conditionFailedAt(err, 1)) throw nameTaken()
        if (conditionFailedAt(err, 0) || conditionFailedAt(err, 2)) {
          throw await changedMeanwhile(db, practiceId, id)
        }
        throw err
      }
      return { ...current, ...changes } as Item
    },

    async remove(db: Db, practiceId: string, id: string): Promise<void> {
      const current = await get(db, practiceId, id)
      if (!current) throw new NotFound(kind, id)
      const moves = await claimMoves(db, practiceId, id, {
        from: current.name,
        fromMayBeGone: true,
      })
      try {
        await transact(db, [
          {
            Delete: {
              TableName: db.table,
              Key: key(practiceId, id),
              // Renamed meanwhile: the claim read above is no longer its own.
              ConditionExpression: 'attribute_exists(pk) AND #name = :name',
              ExpressionAttributeNames: { '#name': 'name' },
              ExpressionAttributeValues: { ':name': current.name },
            },
          },
          ...moves,
        ])
      } catch (err) {
        if (conditionFailedAt(err, 0)) throw await changedMeanwhile(db, practiceId, id)
        throw err
      }
    },
  }
}

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number]

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

/** A conditional put that leaves an existing item (or one being written this instant) alone. */
async function putIfAbsent(db: Db, Item: Record<string, unknown>): Promise<void> {
  try {
    await db.client.send(
      new PutCommand({
        TableName: db.table,
        Item,
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    )
  } catch (err) {
    const raced = err instanceof Error && err.name === 'TransactionConflictException'
    if (!isConditionFailure(err) && !raced) throw err
  }
}
