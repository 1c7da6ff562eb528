import { BatchGetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { z } from 'zod'
import { Id } from '../domain/practice'
import type { Db } from './db'
import { fromItem, toItem } from './items'
import * as keys from './keys'
import { queryAll } from './query'

/**
 * Where a reply written here stands. `posted`: the site has it (Google). `pending`: the site
 * takes replies but this one is not posted yet (no connector, or the site was unreachable).
 * `failed`: the site refused it. `copy`: the site has no reply API; the manager pastes it there.
 */
export const ReplyState = z.enum(['posted', 'pending', 'failed', 'copy'])
export type ReplyState = z.infer<typeof ReplyState>

/** One reply saved here: what it said, who wrote it and when, and what the check had found. */
export const SavedReply = z.object({
  id: Id,
  reviewId: Id,
  text: z.string(),
  /** The staff member who saved it. */
  authorId: Id,
  authorName: z.string(),
  at: z.iso.datetime(),
  state: ReplyState,
  /** Why it is not posted, in words for the manager (never the site's raw answer). */
  stateDetail: z.string().optional(),
  /** The codes the check raised when it was saved, and whether the writer acknowledged them. */
  warnings: z.array(z.string()),
  acknowledged: z.boolean(),
})
export type SavedReply = z.infer<typeof SavedReply>

/**
 * Keep a reply: the history item and the review's latest, in one transaction, so the latest is
 * always one of the history.
 *
 * @example
 * await reviewReplies.save(db, practiceId, { id, reviewId, text, authorId, authorName, at, state: 'copy', warnings: [], acknowledged: false })
 */
export async function save(db: Db, practiceId: string, reply: SavedReply): Promise<void> {
  await db.client.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: db.table,
            Item: toItem(
              keys.reviewReply(practiceId, reply.reviewId, reply.at, reply.id),
              'review-reply',
              reply,
            ),
          },
        },
        {
          Put: {
            TableName: db.table,
            Item: toItem(keys.latestReviewReply(practiceId, reply.reviewId), 'review-reply', reply),
          },
        },
      ],
    }),
  )
}

/** The latest reply saved here for each of these reviews (those that have one), by review id. */
export async function latestOf(
  db: Db,
  practiceId: string,
  reviewIds: readonly string[],
): Promise<Map<string, SavedReply>> {
  const found = new Map<string, SavedReply>()
  const unique = [...new Set(reviewIds)]
  for (let i = 0; i < unique.length; i += 100) {
    let wanted: Record<string, unknown>[] = unique
      .slice(i, i + 100)
      .map((id) => ({ ...keys.latestReviewReply(practiceId, id) }))
    for (let attempt = 0; wanted.length > 0; attempt++) {
      if (attempt === 10) throw new Error(`${wanted.length} replies still unread`)
      if (attempt > 0) await sleep(Math.random() * Math.min(2000, 50 * 2 ** attempt))
      const answer = await db.client.send(
        new BatchGetCommand({ RequestItems: { [db.table]: { Keys: wanted } } }),
      )
      for (const item of answer.Responses?.[db.table] ?? []) {
        const reply = fromItem(SavedReply, item)
        found.set(reply.reviewId, reply)
      }
      wanted = (answer.UnprocessedKeys?.[db.table]?.Keys ?? []) as Record<string, unknown>[]
    }
  }
  return found
}

/** The ids of every review with a reply saved here: what the "replied" filter needs. */
export async function repliedReviewIds(db: Db, practiceId: string): Promise<Set<string>> {
  const items = await queryAll(db, { pk: keys.reviewReplies(practiceId), skPrefix: 'L#' })
  return new Set(items.map((item) => String(item.reviewId)))
}

/** Every reply saved for one review, oldest first. */
export async function historyOf(
  db: Db,
  practiceId: string,
  reviewId: string,
): Promise<SavedReply[]> {
  const items = await queryAll(db, keys.reviewReplyHistory(practiceId, reviewId))
  return items.map((item) => fromItem(SavedReply, item))
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))
