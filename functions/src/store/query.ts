import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb'
import type { Db } from './db'

/**
 * Every item a Query finds, across its pages.
 *
 * @example
 * await queryEvery(db, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } })
 */
export async function queryEvery(
  db: Db,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const page = await db.client.send(
      new QueryCommand({ ...input, TableName: db.table, ExclusiveStartKey }),
    )
    items.push(...(page.Items ?? []))
    ExclusiveStartKey = page.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return items
}

/** Every item of one practice whose sort key starts with the prefix, across pages. */
export async function queryAll(
  db: Db,
  { pk, skPrefix }: { pk: string; skPrefix: string },
): Promise<Record<string, unknown>[]> {
  return queryEvery(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
  })
}
