import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { reviewIncrements, reviewScopes } from '../../functions/src/domain/reviews/counters'
import { countedOf } from '../../functions/src/ingest/reviews/upsert'
import type { Db } from '../../functions/src/store/db'
import * as keys from '../../functions/src/store/keys'
import * as reviews from '../../functions/src/store/reviews'

/** Every review counter item of the practice, as `sk → non-zero numbers`. */
export async function reviewCounterItems(db: Db, practiceId: string) {
  const { Items = [] } = await db.client.send(
    new QueryCommand({
      TableName: db.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.reviewCountersOf(practiceId) },
    }),
  )
  const counters: Record<string, Record<string, number>> = {}
  for (const item of Items) {
    const numbers: Record<string, number> = {}
    for (const [name, value] of Object.entries(item)) {
      if (typeof value === 'number' && name !== 'v' && value !== 0) numbers[name] = value
    }
    if (Object.keys(numbers).length) counters[String(item.sk)] = numbers
  }
  return counters
}

/** The same counters recounted from the stored reviews alone. */
export async function recountReviews(db: Db, practiceId: string, timeZone: string) {
  const counters: Record<string, Record<string, number>> = {}
  for (const identity of await reviews.identitiesOf(db, practiceId)) {
    const stored = await reviews.get(db, practiceId, identity.reviewId)
    const counted = countedOf(stored!, timeZone)
    for (const [period, start] of [
      ['W', counted.week],
      ['M', counted.month],
    ] as const) {
      for (const scope of reviewScopes(counted)) {
        const sk = `${period}#${scope}#${start}`
        for (const [name, value] of Object.entries(reviewIncrements(counted))) {
          counters[sk] ??= {}
          counters[sk][name] = (counters[sk][name] ?? 0) + value
        }
      }
    }
  }
  return counters
}
