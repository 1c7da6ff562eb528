/**
 * The Reviews page's client: a page of reviews for the address's filters, the reply check, and
 * saving a reply. Built on the request helpers of `$lib/api`, so it shares the session cookie,
 * the CSRF token and problem+json handling.
 */
import type { ReplySaved, ReplyWarning, ReviewPage, SavedReviewReply } from '$contract'
import { get, id, post, put } from '$lib/api'
import type { ReviewFilterState } from './review-filters'

export type { ReplySaved, ReplyWarning, ReviewItem, ReviewPage, SavedReviewReply } from '$contract'

export const reviews = {
  list: (filters: ReviewFilterState, page: { cursor?: string | null; limit?: number } = {}) => {
    const query = new URLSearchParams()
    for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value)
    if (page.cursor) query.set('cursor', page.cursor)
    if (page.limit) query.set('limit', String(page.limit))
    return get<ReviewPage>(`/api/reviews?${query.toString()}`)
  },
  check: (reviewId: string, text: string) =>
    post<{ warnings: ReplyWarning[] }>(`/api/reviews/${id(reviewId)}/reply/check`, { text }),
  reply: (reviewId: string, text: string, acknowledgeWarnings: boolean) =>
    put<ReplySaved>(`/api/reviews/${id(reviewId)}/reply`, { text, acknowledgeWarnings }),
  history: (reviewId: string) =>
    get<{ items: SavedReviewReply[] }>(`/api/reviews/${id(reviewId)}/replies`),
}
