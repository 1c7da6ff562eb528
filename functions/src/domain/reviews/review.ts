import { z } from 'zod'
import { Id } from '../practice'
import { Sentiment } from '../survey-records'

/**
 * A review from a review site, in one shape whatever the site. The sites with an API are
 * connected (`connectedSources`); any other site's reviews arrive by CSV import under their own
 * name (`healthgrades`, `vitals`, `zocdoc`, …), so a source is a short lowercase slug.
 */
export const connectedSources = ['google', 'yelp', 'facebook'] as const
export const ConnectedSource = z.enum(connectedSources)
export type ConnectedSource = z.infer<typeof ConnectedSource>

export const ReviewSource = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'A source is a short lowercase name such as healthgrades')
export type ReviewSource = z.infer<typeof ReviewSource>

/** Facebook's recommendations have no stars: positive counts as 5, negative as 1, and says so. */
export const Recommendation = z.enum(['positive', 'negative'])
export type Recommendation = z.infer<typeof Recommendation>

/** A public reply to the review, as the site shows it (or as saved here, for other sites). */
export const ReviewReply = z.object({
  text: z.string(),
  updatedAt: z.iso.datetime(),
  /** Google's reply state when posted there (`posted`, `failed`); absent for copy-and-paste sites. */
  state: z.string().optional(),
})
export type ReviewReply = z.infer<typeof ReviewReply>

/** How a review reached the table. */
export const ReviewOrigin = z.enum(['sync', 'import'])

/**
 * A review as it arrives, before it is stored: what a connector or a CSV row says. The pair
 * (source, externalId) is the review's identity; the same pair again is the same review, edited
 * or not.
 */
export const IncomingReview = z.object({
  source: ReviewSource,
  externalId: z.string().min(1).max(500),
  locationId: Id.optional(),
  stars: z.number().int().min(1).max(5),
  recommendation: Recommendation.optional(),
  text: z.string().max(20_000).default(''),
  authorName: z.string().max(200).optional(),
  url: z.url().max(2000).optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  reply: ReviewReply.optional(),
  origin: ReviewOrigin,
})
export type IncomingReview = z.infer<typeof IncomingReview>

/** A stored review: what came in, its id, how its text reads, and whether the site still has it. */
export const Review = IncomingReview.extend({
  id: Id,
  removed: z.boolean(),
  sentiment: Sentiment.optional(),
  themes: z.array(z.string()),
})
export type Review = z.infer<typeof Review>

/**
 * What decides whether a review changed: everything the site says of it except when it was
 * fetched. Two arrivals with the same content are the same review and write nothing.
 *
 * @example
 * reviewContent(a) === reviewContent({ ...a }) // true
 */
export function reviewContent(review: IncomingReview): string {
  const { source, externalId, locationId, stars, recommendation, text, authorName, url } = review
  const reply = review.reply && { text: review.reply.text, updatedAt: review.reply.updatedAt }
  return JSON.stringify([
    source,
    externalId,
    locationId ?? null,
    stars,
    recommendation ?? null,
    text,
    authorName ?? null,
    url ?? null,
    review.createdAt,
    review.updatedAt,
    reply ?? null,
  ])
}
