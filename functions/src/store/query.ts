import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './db'

/** Every item of one practice whose sort key starts with the prefix, across pages. */
export async function queryAll(
  db: Db,
  { pk, skPrefix }: { pk: string; skPrefix: string },
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
        ExclusiveStartKey,
      }),
    )
    items.push(...(page.Items ?? []))
    ExclusiveStartKey = page.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return items
}
