import { z } from 'zod'
import { Id } from '../../domain/practice'
import { replyWarningCodes } from '../../domain/reviews/reply-check'
import { Recommendation, ReviewSource } from '../../domain/reviews/review'
import { Sentiment, SentimentLabel } from '../../domain/survey-records'
import { Slug } from '../../domain/surveys'
import { ReplyState } from '../../store/review-replies'

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD')
const Stars = z.coerce.number().int().min(1).max(5)
const Flag = z.enum(['true', 'false']).transform((value) => value === 'true')

/** Which reviews to read (`GET /api/reviews`); every filter is optional. */
export const ReviewListQuery = z.object({
  source: ReviewSource.optional(),
  location: Id.optional(),
  /** First day the review was written, in the practice's time zone (default: two years back). */
  from: Day.optional(),
  /** Last day, included (default: today). */
  to: Day.optional(),
  minStars: Stars.optional(),
  maxStars: Stars.optional(),
  /** `true`: only reviews with a reply (on the site or saved here); `false`: only without. */
  replied: Flag.optional(),
  /** Only reviews whose text touches this theme (an id from `GET /api/themes`). */
  theme: Slug.optional(),
  sentiment: SentimentLabel.optional(),
  /** Removed reviews (gone from their site) are left out unless `true`. */
  removed: Flag.optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

export const ReviewReplyShown = z
  .object({
    text: z.string(),
    updatedAt: z.iso.datetime(),
    /** `posted`, `pending` (not posted yet), `failed`, `copy` (paste it on the site yourself). */
    state: z.string().optional(),
    /** `site`: read from the site; `touchpoint`: saved here. */
    origin: z.enum(['site', 'touchpoint']),
    /** Who saved it here. */
    authorName: z.string().optional(),
  })
  .meta({ id: 'ReviewReply' })

/** A review as the list shows it: stars 1-5; Facebook's say `recommendation` too. */
export const ReviewItem = z
  .object({
    id: Id,
    source: z.string(),
    externalId: z.string(),
    locationId: z.string().optional(),
    stars: z.number().int().min(1).max(5),
    recommendation: Recommendation.optional(),
    text: z.string(),
    authorName: z.string().optional(),
    url: z.string().optional(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    removed: z.boolean(),
    reply: ReviewReplyShown.optional(),
    sentiment: Sentiment.optional(),
    themes: z.array(z.string()),
    /** Whether replies go to the site from here (Google) or are copied by hand. */
    replyMode: z.enum(['post', 'copy']),
  })
  .meta({ id: 'Review' })
export type ReviewItem = z.infer<typeof ReviewItem>

export const ReviewPage = z.object({
  /** How many match, counted up to 5,000 (`totalCapped` then says "at least"). */
  total: z.number().int(),
  totalCapped: z.boolean(),
  items: z.array(ReviewItem),
  nextCursor: z.string().nullable(),
})

export const ReplyWarning = z
  .object({
    code: z.enum(replyWarningCodes),
    message: z.string(),
    excerpt: z.string(),
    index: z.number().int(),
    suggestion: z.string(),
  })
  .meta({ id: 'ReplyWarning' })

export const ReplyText = z.object({ text: z.string().trim().min(1).max(4000) })

export const ReplyBody = ReplyText.extend({
  /** The writer has read the warnings and saves the reply anyway. */
  acknowledgeWarnings: z.boolean().optional(),
})

export const ReplyCheckAnswer = z.object({ warnings: z.array(ReplyWarning) })

export const SavedReplyShown = z
  .object({
    id: Id,
    text: z.string(),
    authorName: z.string(),
    at: z.iso.datetime(),
    state: ReplyState,
    stateDetail: z.string().optional(),
    warnings: z.array(z.string()),
    acknowledged: z.boolean(),
  })
  .meta({ id: 'SavedReviewReply' })

export const ReplySaved = z.object({
  reply: SavedReplyShown,
  warnings: z.array(ReplyWarning),
})

export const ReplyHistory = z.object({ items: z.array(SavedReplyShown) })
