import type { IncomingReview } from '../../domain/reviews/review'
import { isoInstant, siteText } from './site-call'

/** Google's `starRating` names; `STAR_RATING_UNSPECIFIED` and anything else is not a rating. */
const starsOf: Record<string, number> = { ONE: 1, TWO: 2, THREE: 3, FOUR: 4, FIVE: 5 }

interface GoogleReviewJson {
  name?: unknown
  reviewId?: unknown
  reviewer?: { displayName?: unknown; isAnonymous?: unknown }
  starRating?: unknown
  comment?: unknown
  createTime?: unknown
  updateTime?: unknown
  reviewReply?: { comment?: unknown; updateTime?: unknown }
}

/**
 * One item of `reviews.list` as an incoming review, or undefined when it cannot be read (no id,
 * no rating, a date that is not one): the caller counts it as skipped. The external id is the
 * review's resource name (`accounts/…/locations/…/reviews/…`), which is what a reply is put to.
 *
 * @example
 * readGoogleReview({ reviewId: 'r1', starRating: 'FIVE', createTime, updateTime }, 'accounts/1/locations/2', loc)
 */
export function readGoogleReview(
  item: unknown,
  parent: string,
  locationId: string,
): IncomingReview | undefined {
  if (!item || typeof item !== 'object') return undefined
  const json = item as GoogleReviewJson
  const name =
    typeof json.name === 'string' && json.name.startsWith(`${parent}/reviews/`)
      ? json.name
      : typeof json.reviewId === 'string' && /^[\w-]{1,300}$/.test(json.reviewId)
        ? `${parent}/reviews/${json.reviewId}`
        : undefined
  const stars = typeof json.starRating === 'string' ? starsOf[json.starRating] : undefined
  const createdAt = isoInstant(json.createTime)
  const updatedAt = isoInstant(json.updateTime) ?? createdAt
  if (!name || name.length > 500 || !stars || !createdAt || !updatedAt) return undefined
  const anonymous = json.reviewer?.isAnonymous === true
  const authorName = anonymous ? '' : siteText(json.reviewer?.displayName, 200)
  const replyAt = isoInstant(json.reviewReply?.updateTime)
  const replyText = siteText(json.reviewReply?.comment, 20_000)
  return {
    source: 'google',
    externalId: name,
    locationId,
    stars,
    text: siteText(json.comment, 20_000),
    ...(authorName ? { authorName } : {}),
    createdAt,
    updatedAt,
    ...(replyText && replyAt
      ? { reply: { text: replyText, updatedAt: replyAt, state: 'posted' } }
      : {}),
    origin: 'sync',
  }
}
