import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './db'
import * as keys from './keys'

/** Resolves when the table answers a read (the item need not exist); rejects otherwise. */
export async function ping(db: Db): Promise<void> {
  await db.client.send(new GetCommand({ TableName: db.table, Key: keys.health() }))
}
