import {
  CreateTableCommand,
  DescribeTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb'
import type { Db } from './db'
import { createTableInput, tableDefinition } from './table'

/** Create the table from `tableDefinition` unless it exists; used locally and by the tests. */
export async function ensureTable(db: Db): Promise<'created' | 'existed'> {
  try {
    await db.client.send(new DescribeTableCommand({ TableName: db.table }))
    return 'existed'
  } catch (err) {
    if (!(err instanceof Error) || err.name !== 'ResourceNotFoundException') throw err
  }
  try {
    await db.client.send(new CreateTableCommand(createTableInput(db.table)))
  } catch (err) {
    // Another process (a parallel test file, a second server) created it first: that is fine.
    if (err instanceof Error && err.name === 'ResourceInUseException') return 'existed'
    throw err
  }
  await db.client.send(
    new UpdateTimeToLiveCommand({
      TableName: db.table,
      TimeToLiveSpecification: { AttributeName: tableDefinition.ttlAttribute, Enabled: true },
    }),
  )
  return 'created'
}
