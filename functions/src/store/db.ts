import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { translateSdkError } from './sdk-errors'

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
  /**
   * The access key the embedded DynamoDB Local answers to (it keeps one database file per key);
   * absent with an endpoint means a fixed test key.
   */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined
}

export function createDb({ table, region, endpoint, credentials }: DbOptions): Db {
  const client = new DynamoDBClient({
    region,
    ...(endpoint
      ? { endpoint, credentials: credentials ?? { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  })
  const documents = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  })
  return { client: translatingErrors(documents), table }
}

/**
 * Every command's SDK error passes through `translateSdkError`, so throttling becomes one domain
 * error (503 with Retry-After) wherever in the store it happens, without a try/catch per call.
 */
function translatingErrors(documents: DynamoDBDocumentClient): DynamoDBDocumentClient {
  const send = documents.send.bind(documents) as (...args: unknown[]) => Promise<unknown>
  documents.send = (async (...args: unknown[]) => {
    try {
      return await send(...args)
    } catch (err) {
      throw translateSdkError(err)
    }
  }) as DynamoDBDocumentClient['send']
  return documents
}
