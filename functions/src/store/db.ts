import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'

/** The store's handle: a document client and the table it works on. Passed to every store call. */
export interface Db {
  client: DynamoDBDocumentClient
  table: string
}

export interface DbOptions {
  table: string
  region: string
  /** DynamoDB Local or another endpoint; absent means real AWS with the default credential chain. */
  endpoint?: string | undefined
}

export function createDb({ table, region, endpoint }: DbOptions): Db {
  const client = new DynamoDBClient({
    region,
    ...(endpoint
      ? // DynamoDB Local accepts any credentials; fixed ones keep it on one shared database.
        { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  })
  return {
    client: DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true },
    }),
    table,
  }
}
