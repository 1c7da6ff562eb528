import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { journeyFor } from '../../../workshops'
import { PracticeJourney, type Journey } from '../domain/journeys'
import type { Specialty } from '../domain/practice'
import type { Db } from './db'
import { fromItem, toItem } from './items'
import * as keys from './keys'

/** The practice's journey: its own edited copy, else the default for its specialty. */
export async function get(db: Db, practiceId: string, specialty: Specialty): Promise<Journey> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.journey(practiceId) }),
  )
  return Item ? fromItem(PracticeJourney, Item) : journeyFor(specialty)
}

export async function put(db: Db, practiceId: string, journey: Journey): Promise<void> {
  await db.client.send(
    new PutCommand({
      TableName: db.table,
      Item: toItem(keys.journey(practiceId), 'journey', journey),
    }),
  )
}
