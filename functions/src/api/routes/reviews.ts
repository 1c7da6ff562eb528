import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { dayOf } from '../../domain/calendar'
import { Invalid } from '../../domain/errors'
import type { Practice } from '../../domain/practice'
import { dayRange, monthsBetween } from '../../domain/periods'
import type { Review } from '../../domain/reviews/review'
import type { Db } from '../../store/db'
import * as keys from '../../store/keys'
import * as reviewReplies from '../../store/review-replies'
import * as reviews from '../../store/reviews'
import type { AppEnv } from '../env'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonResponse, sessionSecurity } from '../schemas'
import { type ReviewItem, ReviewListQuery, ReviewPage } from './reviews-schemas'

// Reviews are public text on their sites: anyone on the team may read them.
const read = [requireSession(), requireAbility('practice:read')]

const listReviews = createRoute({
  method: 'get',
  path: '/reviews',
  tags: ['Reviews'],
  summary: 'Reviews matching the filters, newest first, a page at a time',
  security: sessionSecurity,
  middleware: read,
  request: { query: ReviewListQuery },
  responses: {
    200: jsonResponse(ReviewPage, 'A page of reviews and how many match in all'),
    ...problemResponses(400, 401, 403),
  },
})

/** Without `from`, this many days back: reviews are few, and old ones still matter. */
const defaultDays = 730

const CursorShape = z.strictObject({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  key: z.strictObject({ pk: z.string().min(1).max(200), sk: z.string().min(1).max(200) }),
})

const encodeCursor = (cursor: reviews.ReviewCursor) =>
  Buffer.from(JSON.stringify(cursor)).toString('base64url')

/** A cursor this API gave out for this practice, or 400 naming `cursor`. */
function decodeCursor(text: string, practiceId: string): reviews.ReviewCursor {
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString())
  } catch {
    json = undefined
  }
  const parsed = CursorShape.safeParse(json)
  if (!parsed.success || !keys.isUnderPractice(practiceId, parsed.data.key.pk))
    throw new Invalid('The cursor is not one this API gave out.', 'cursor')
  return parsed.data
}

/** The store filter for the query's days, in the practice's time zone. */
export function reviewFilter(
  query: z.infer<typeof ReviewListQuery>,
  practice: Practice,
): reviews.ReviewFilter {
  const today = dayOf(new Date(), practice.timeZone)
  const to = query.to ?? today
  const from =
    query.from ??
    dayOf(new Date(Date.parse(`${to}T12:00:00Z`) - defaultDays * 86400_000), practice.timeZone)
  const errors: { field: string; message: string }[] = []
  if (from > to)
    errors.push({ field: 'from', message: 'The first day must not be after the last.' })
  if (
    query.minStars !== undefined &&
    query.maxStars !== undefined &&
    query.minStars > query.maxStars
  )
    errors.push({ field: 'minStars', message: 'The fewest stars must not be more than the most.' })
  if (errors.length > 0) throw new Invalid(errors[0]!.message, errors[0]!.field, errors)
  const { start, end } = dayRange(from, to, practice.timeZone)
  return {
    // The partitions are UTC months of creation, whatever the practice's zone.
    months: monthsBetween(start, end, 'UTC'),
    source: query.source,
    location: query.location,
    from: start.toISOString(),
    to: end.toISOString(),
    minStars: query.minStars,
    maxStars: query.maxStars,
    theme: query.theme,
    sentiment: query.sentiment,
    removed: query.removed,
  }
}

/** A review as listed: its latest reply, whichever is newer of the site's and one saved here. */
export function shownReview(
  review: Review,
  saved: reviewReplies.SavedReply | undefined,
): ReviewItem {
  const { origin: _origin, reply: siteReply, ...rest } = review
  const reply =
    saved && (!siteReply || saved.at >= siteReply.updatedAt)
      ? {
          text: saved.text,
          updatedAt: saved.at,
          state: saved.state,
          origin: 'touchpoint' as const,
          authorName: saved.authorName,
        }
      : siteReply && { ...siteReply, origin: 'site' as const }
  return {
    ...rest,
    ...(reply && { reply }),
    replyMode: review.source === 'google' ? 'post' : 'copy',
  }
}

async function withReplies(db: Db, practiceId: string, batch: Review[]) {
  const saved = await reviewReplies.latestOf(
    db,
    practiceId,
    batch.map((review) => review.id),
  )
  return batch.map((review) => shownReview(review, saved.get(review.id)))
}

export const reviewsApi = new OpenAPIHono<AppEnv>().openapi(listReviews, async (c) => {
  const query = c.req.valid('query')
  const { practice } = c.var.auth
  const db = c.var.db
  const filter = reviewFilter(query, practice)
  let next = query.cursor ? decodeCursor(query.cursor, practice.id) : undefined
  const replied = query.replied
  // "Replied" is read from two places (the review and the replies saved here), so it is
  // applied after the store's filter; the other filters run in DynamoDB and count exactly.
  const savedIds =
    replied === undefined ? undefined : await reviewReplies.repliedReviewIds(db, practice.id)
  const matches = (review: Review) =>
    replied === undefined || (review.reply !== undefined || savedIds!.has(review.id)) === replied
  const readPage = async () => {
    const page: ReviewItem[] = []
    do {
      const batch = await reviews.list(db, practice.id, filter, {
        limit: query.limit - page.length,
        cursor: next,
      })
      page.push(...(await withReplies(db, practice.id, batch.items.filter(matches))))
      next = batch.next
    } while (next && page.length < query.limit)
    return page
  }
  const countAll = async () => {
    if (replied === undefined) return reviews.count(db, practice.id, filter)
    let total = 0
    let counting: reviews.ReviewCursor | undefined
    do {
      const batch = await reviews.list(db, practice.id, filter, { limit: 500, cursor: counting })
      total += batch.items.filter(matches).length
      counting = batch.next
    } while (counting && total < reviews.countCap)
    return { total: Math.min(total, reviews.countCap), capped: total >= reviews.countCap }
  }
  // The page and the total read the same partitions independently: at once, not one then the other.
  const [page, { total, capped }] = await Promise.all([readPage(), countAll()])
  return c.json(
    { total, totalCapped: capped, items: page, nextCursor: next ? encodeCursor(next) : null },
    200,
  )
})
