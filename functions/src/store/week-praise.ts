import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { z } from 'zod'
import type { Db } from './db'
import { epochSeconds, fromItem, toItem } from './items'
import * as keys from './keys'

/**
 * A finished week's tally for the recognition wall: per person (`user:<id>`), how many patients'
 * stories praised them and with which themes. Kept a week (`expiresAt`, DynamoDB's TTL) and for
 * one roster: a changed alias or opt-out (`roster`, a hash of the people read) reads the week again,
 * and so does a past result imported later, within a week.
 */
export const WeekPraise = z.object({
  week: z.string(),
  roster: z.string(),
  computedAt: z.iso.datetime(),
  people: z.record(
    z.string(),
    z.object({ mentions: z.number().int(), themes: z.record(z.string(), z.number().int()) }),
  ),
})
export type WeekPraise = z.infer<typeof WeekPraise>

const keepDays = 7

export async function get(
  db: Db,
  practiceId: string,
  week: string,
  roster: string,
  now = new Date(),
): Promise<WeekPraise | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.weekPraise(practiceId, week) }),
  )
  if (!Item) return undefined
  const tally = fromItem(WeekPraise, Item)
  const fresh = now.getTime() - Date.parse(tally.computedAt) < keepDays * 86400_000
  return fresh && tally.roster === roster ? tally : undefined
}

export async function put(db: Db, practiceId: string, tally: WeekPraise): Promise<void> {
  const expires = new Date(Date.parse(tally.computedAt) + keepDays * 86400_000)
  await db.client.send(
    new PutCommand({
      TableName: db.table,
      Item: {
        ...toItem(keys.weekPraise(practiceId, tally.week), 'week-praise', tally),
        expiresAt: epochSeconds(expires),
      },
    }),
  )
}
