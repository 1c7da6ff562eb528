import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { z } from 'zod'
import { NotFound } from '../domain/errors'
import type { Db } from './db'
import { fromItem, isConditionFailure, setExpression, toItem } from './items'
import type { Key } from './keys'
import { queryAll } from './query'

/**
 * Plain CRUD for a small set of items that belong to one practice (locations, providers): every
 * call starts from the practice id, so one practice never reaches another's items.
 */
export function practiceCollection<S extends z.ZodObject<{ id: z.ZodString }>>(spec: {
  kind: string
  schema: S
  key: (practiceId: string, id: string) => Key
  all: (practiceId: string) => { pk: string; skPrefix: string }
  sort?: (a: z.infer<S>, b: z.infer<S>) => number
}) {
  type Item = z.infer<S>
  const { kind, schema, key, all, sort } = spec

  return {
    async list(db: Db, practiceId: string): Promise<Item[]> {
      const items = (await queryAll(db, all(practiceId))).map((item) => fromItem(schema, item))
      return sort ? items.sort(sort) : items
    },

    async get(db: Db, practiceId: string, id: string): Promise<Item | undefined> {
      const { Item } = await db.client.send(
        new GetCommand({ TableName: db.table, Key: key(practiceId, id) }),
      )
      return Item ? fromItem(schema, Item) : undefined
    },

    async create(db: Db, practiceId: string, item: Item): Promise<void> {
      await db.client.send(
        new PutCommand({
          TableName: db.table,
          Item: toItem(key(practiceId, item.id), kind, item),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
    },

    async update(
      db: Db,
      practiceId: string,
      id: string,
      changes: Partial<Omit<Item, 'id'>>,
    ): Promise<Item> {
      const { empty, ...set } = setExpression(changes)
      if (empty) {
        const current = await this.get(db, practiceId, id)
        if (!current) throw new NotFound(kind, id)
        return current
      }
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
    },

    async remove(db: Db, practiceId: string, id: string): Promise<void> {
      try {
        await db.client.send(
          new DeleteCommand({
            TableName: db.table,
            Key: key(practiceId, id),
            ConditionExpression: 'attribute_exists(pk)',
          }),
        )
      } catch (err) {
        if (isConditionFailure(err)) throw new NotFound(kind, id)
        throw err
      }
    },
  }
}
