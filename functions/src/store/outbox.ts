import { PutCommand } from '@aws-sdk/lib-dynamodb'
import { z } from 'zod'
import { Id } from '../domain/practice'
import type { Db } from './db'
import { fromItem, toItem } from './items'
import * as keys from './keys'
import { queryAll } from './query'

/** An e-mail the product would have sent, kept for the practice to read when running locally. */
export const OutboxMessage = z.object({
  id: Id,
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  /** The link the message carries, so the outbox page can offer it as a button. */
  link: z.string().optional(),
  createdAt: z.iso.datetime(),
})
export type OutboxMessage = z.infer<typeof OutboxMessage>

export async function add(db: Db, practiceId: string, message: OutboxMessage): Promise<void> {
  await db.client.send(
    new PutCommand({
      TableName: db.table,
      Item: toItem(keys.outboxMessage(practiceId, message.id), 'outbox', message),
    }),
  )
}

/** Newest first. */
export async function list(db: Db, practiceId: string): Promise<OutboxMessage[]> {
  return (await queryAll(db, keys.outbox(practiceId)))
    .map((item) => fromItem(OutboxMessage, item))
    .reverse()
}
