/**
 * The typed client for Settings → Review sites: list the sites with how their syncs went,
 * connect one (its secrets are sent, never read back), change which site place is which
 * location, sync now, disconnect.
 *
 * @example
 * import * as reviewSources from '$lib/api-review-sources'
 * const { items } = await reviewSources.list()
 * await reviewSources.connect('yelp', { apiKey, locations: [{ externalId: 'my-clinic', locationId }] })
 */
import type {
  ConnectedReviewSource,
  FacebookConnection,
  GoogleConnection,
  Items,
  ReviewSourcePlace,
  ReviewSourcePlaces,
  ReviewSourceStatus,
  ReviewSyncResult,
  YelpConnection,
} from '$contract'
import { del, get, id, patch, post, put, type RequestOptions } from './api'

export type {
  ConnectedReviewSource,
  FacebookConnection,
  GoogleConnection,
  ReviewSourcePlace,
  ReviewSourceStatus,
  ReviewSyncResult,
  YelpConnection,
}

export interface Connections {
  google: GoogleConnection
  yelp: YelpConnection
  facebook: FacebookConnection
}

export const list = (options?: RequestOptions) =>
  get<Items<ReviewSourceStatus>>('/api/review-sources', options)

export const connect = <S extends ConnectedReviewSource>(source: S, body: Connections[S]) =>
  put<ReviewSourceStatus>(`/api/review-sources/${id(source)}`, body)

export const updatePlaces = (source: ConnectedReviewSource, body: ReviewSourcePlaces) =>
  patch<ReviewSourceStatus>(`/api/review-sources/${id(source)}`, body)

export const sync = (source: ConnectedReviewSource) =>
  post<ReviewSyncResult>(`/api/review-sources/${id(source)}/sync`, {})

export const disconnect = (source: ConnectedReviewSource) =>
  del(`/api/review-sources/${id(source)}`)
