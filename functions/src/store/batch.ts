import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './db'

/** BatchWriteItem takes at most 25 puts; a few batches run at once, retrying what is throttled. */
const batchSize = 25
const parallelBatches = 4
const maxAttempts = 10

/**
 * Put many items, 25 a request and a few requests at once, retrying what DynamoDB leaves
 * unprocessed. Not a transaction: for loads whose items stand alone (demo data, rebuilt counters).
 *
 * @example
 * await batchPut(db, counterItems)
 */
export async function batchPut(db: Db, items: Record<string, unknown>[]): Promise<void> {
  const batches: Record<string, unknown>[][] = []
  for (let i = 0; i < items.length; i += batchSize) batches.push(items.slice(i, i + batchSize))
  let next = 0
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!
      await putBatch(db, batch)
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallelBatches, batches.length) }, worker))
}

async function putBatch(db: Db, items: Record<string, unknown>[]): Promise<void> {
  let requests = items.map((Item) => ({ PutRequest: { Item } }))
  for (let attempt = 0; requests.length > 0; attempt++) {
    if (attempt === maxAttempts) throw new Error(`${requests.length} items still unwritten`)
    if (attempt > 0) await sleep(Math.random() * Math.min(2000, 50 * 2 ** attempt))
    const { UnprocessedItems } = await db.client.send(
      new BatchWriteCommand({ RequestItems: { [db.table]: requests } }),
    )
    requests = (UnprocessedItems?.[db.table] ?? []) as typeof requests
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))
