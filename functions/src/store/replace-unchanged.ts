import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb'
import { Conflict } from '../domain/errors'
import type { Db } from './db'
import { cancellationReasons, toItem } from './items'
import type { Key } from './keys'

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number]

export interface UnchangedReplace {
  key: Key
  /** The item's `kind`, as `toItem` writes it. */
  kind: string
  /** The new item, already parsed by its schema. */
  item: Record<string, unknown>
  /** The `updatedAt` the caller read: the write goes through only while it is still the stored one. */
  seen: string
  /** What the item is, for the 409's message ("Someone else changed this <what>; reload it."). */
  what: string
  /** Written in the same transaction: its history line, an index moved with it… */
  with: readonly TransactItem[]
}

/**
 * Replace an item only if nobody changed it since it was read, together with the items that go
 * with the change (its history line first of all), in one transaction. Two people saving the same
 * case, fix, action or meeting at once: the second is refused with 409 `changed` rather than
 * silently overwriting the first.
 *
 * @example
 * await replaceUnchanged(db, {
 *   key: keys.fix(practiceId, fix.id), kind: 'fix', item: parsed, seen: existing.updatedAt,
 *   what: 'fix', with: [historyPut(db, practiceId, fix.caseId, history)],
 * })
 */
export async function replaceUnchanged(db: Db, replace: UnchangedReplace): Promise<void> {
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: db.table,
              Item: toItem(replace.key, replace.kind, replace.item),
              ConditionExpression: 'updatedAt = :seen',
              ExpressionAttributeValues: { ':seen': replace.seen },
            },
          },
          ...replace.with,
        ],
      }),
    )
  } catch (err) {
    if (cancellationReasons(err)?.[0] === 'ConditionalCheckFailed') {
      throw new Conflict(`Someone else changed this ${replace.what}; reload it.`, 'changed', 'id')
    }
    throw err
  }
}
