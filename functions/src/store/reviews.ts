import { createHash } from 'node:crypto'
import { BatchGetCommand, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { decodeTime, ulid } from 'ulid'
import { z } from 'zod'
import { counterMoves, type CountedReview } from '../domain/reviews/counters'
import { Recommendation, Review } from '../domain/reviews/review'
import { Sentiment } from '../domain/survey-records'
import type { Db } from './db'
import { cancelledBecause, conditionFailedAt, fromItem, toItem } from './items'
import * as keys from './keys'
import { queryEvery } from './query'

const Counted = z.object({
  week: z.string(),
  month: z.string(),
  source: z.string(),
  locationId: z.string().optional(),
  stars: z.number().int(),
  recommendation: Recommendation.optional(),
  sentiment: Sentiment.optional(),
  themes: z.array(z.string()),
  removed: z.boolean(),
})

/** What the table remembers of a review's identity: where it is and what it counted. */
export const ReviewIdentity = z.object({
  source: z.string(),
  externalId: z.string(),
  reviewId: z.string(),
  /** Bumped by every write, so two syncs that read the same state cannot both write. */
  version: z.number().int(),
  /** SHA-256 of `reviewContent` and of the text alone: unchanged content writes nothing. */
  contentHash: z.string(),
  textHash: z.string(),
  counted: Counted,
})
export type ReviewIdentity = z.infer<typeof ReviewIdentity>

/** A review's id: a ULID made from its creation time, so the id says where the review lives. */
export const newReviewId = (createdAt: string) => ulid(Date.parse(createdAt))

/** The UTC month whose partition holds a review. */
export const monthOfReview = (reviewId: string) =>
  new Date(decodeTime(reviewId)).toISOString().slice(0, 7)

export const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url')

/**
 * The identities of these reviews the table already has, by `source#externalId`: one consistent
 * BatchGet per 100, so a sync of a page of 50 costs one read, however many are new.
 */
export async function identities(
  db: Db,
  practiceId: string,
  refs: readonly { source: string; externalId: string }[],
): Promise<Map<string, ReviewIdentity>> {
  const found = new Map<string, ReviewIdentity>()
  const unique = [...new Map(refs.map((ref) => [`${ref.source}#${ref.externalId}`, ref])).values()]
  for (let i = 0; i < unique.length; i += 100) {
    let wanted: Record<string, unknown>[] = unique
      .slice(i, i + 100)
      .map((ref) => ({ ...keys.reviewIdentity(practiceId, ref.source, ref.externalId) }))
    for (let attempt = 0; wanted.length > 0; attempt++) {
      if (attempt === 10) throw new Error(`${wanted.length} review identities still unread`)
      if (attempt > 0) await sleep(Math.random() * Math.min(2000, 50 * 2 ** attempt))
      const answer = await db.client.send(
        new BatchGetCommand({
          RequestItems: { [db.table]: { Keys: wanted, ConsistentRead: true } },
        }),
      )
      for (const item of answer.Responses?.[db.table] ?? []) {
        const identity = fromItem(ReviewIdentity, item)
        found.set(`${identity.source}#${identity.externalId}`, identity)
      }
      wanted = (answer.UnprocessedKeys?.[db.table]?.Keys ?? []) as Record<string, unknown>[]
    }
  }
  return found
}

/** Every identity of one source (or all): what a full sweep compares with, and rebuilds count. */
export async function identitiesOf(
  db: Db,
  practiceId: string,
  source?: string,
): Promise<ReviewIdentity[]> {
  const items = await queryEvery(db, {
    KeyConditionExpression: source ? 'pk = :pk AND begins_with(sk, :source)' : 'pk = :pk',
    ExpressionAttributeValues: {
      ':pk': keys.reviewIdentities(practiceId),
      ...(source ? { ':source': `${source}#` } : {}),
    },
  })
  return items.map((item) => fromItem(ReviewIdentity, item))
}

export async function get(
  db: Db,
  practiceId: string,
  reviewId: string,
): Promise<Review | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({
      TableName: db.table,
      Key: keys.review(practiceId, monthOfReview(reviewId), reviewId),
    }),
  )
  return Item ? fromItem(Review, Item) : undefined
}

/** A write of one review: its new state, what it counts, and the identity it replaces, if any. */
export interface ReviewWrite {
  review: Review
  counted: CountedReview
  contentHash: string
  textHash: string
  previous?: ReviewIdentity | undefined
}

/** Another writer changed this review between our read and our write: read again and redo. */
export class ReviewChangedMeanwhile extends Error {
  override name = 'ReviewChangedMeanwhile'
}

/**
 * Store one review and move its counters in one transaction: the identity (conditional on the
 * version read, or on being new), the review, and every counter item whose numbers change (old
 * contribution out, new in). Concurrent writers of the same review cannot both succeed; the
 * loser gets `ReviewChangedMeanwhile` and decides again from what is stored now.
 */
export async function save(db: Db, practiceId: string, write: ReviewWrite): Promise<void> {
  const { review, counted, previous } = write
  const identity: ReviewIdentity = {
    source: review.source,
    externalId: review.externalId,
    reviewId: review.id,
    version: (previous?.version ?? 0) + 1,
    contentHash: write.contentHash,
    textHash: write.textHash,
    counted: { ...counted, themes: [...counted.themes] },
  }
  const moves = counterMoves(previous?.counted, counted)
  const items = [
    {
      Put: {
        TableName: db.table,
        Item: toItem(
          keys.reviewIdentity(practiceId, review.source, review.externalId),
          'review-identity',
          identity,
        ),
        ...(previous
          ? {
              ConditionExpression: 'version = :version',
              ExpressionAttributeValues: { ':version': previous.version },
            }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    },
    {
      Put: {
        TableName: db.table,
        Item: toItem(
          keys.review(practiceId, monthOfReview(review.id), review.id),
          'review',
          review,
        ),
      },
    },
    ...moves.map((move) => {
      const names = Object.keys(move.add)
      return {
        Update: {
          TableName: db.table,
          Key: keys.reviewCounter(practiceId, move.period, move.scope, move.start),
          UpdateExpression: `ADD ${names.map((_, i) => `#a${i} :v${i}`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#a${i}`, name])),
          ExpressionAttributeValues: Object.fromEntries(
            names.map((name, i) => [`:v${i}`, move.add[name]]),
          ),
        },
      }
    }),
  ]
  for (let attempt = 0; ; attempt++) {
    try {
      await db.client.send(new TransactWriteCommand({ TransactItems: items }))
      return
    } catch (err) {
      if (conditionFailedAt(err, 0)) throw new ReviewChangedMeanwhile()
      // Reviews of one week share counter items; DynamoDB cancels one of two transactions that
      // touch an item at once. The identity's condition makes a retry exactly-once.
      if (isConflict(err) && attempt < 12) {
        await sleep(Math.random() * Math.min(1000, 15 * 2 ** attempt))
        continue
      }
      throw err
    }
  }
}

function isConflict(err: unknown): boolean {
  if (err instanceof Error && err.name === 'TransactionConflictException') return true
  return cancelledBecause(err, 'TransactionConflict')
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))
