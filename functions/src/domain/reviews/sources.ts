import { z } from 'zod'
import { Id } from '../practice'
import type { ConnectedSource } from './review'

/** Which of the site's places is which practice location (a Google location, a Yelp business…). */
export const SourceLocation = z.object({
  externalId: z.string().trim().min(1).max(300),
  locationId: Id,
})
export type SourceLocation = z.infer<typeof SourceLocation>

const locations = z.array(SourceLocation).min(1).max(100)
const secret = z.string().trim().min(1).max(4096)

/** `PUT /api/review-sources/google`: an OAuth client of the practice's own Cloud project. */
export const GoogleConnection = z.object({
  clientId: secret,
  clientSecret: secret,
  refreshToken: secret,
  /** `accounts/123…` or the bare number. */
  accountId: z.string().trim().min(1).max(200),
  locations: locations.describe("`externalId` is Google's `locations/…` name"),
})
/** `PUT /api/review-sources/yelp`: a Yelp Fusion API key; `externalId` is the business id or alias. */
export const YelpConnection = z.object({ apiKey: secret, locations })
/** `PUT /api/review-sources/facebook`: a page access token; `externalId` is the page id. */
export const FacebookConnection = z.object({ pageAccessToken: secret, locations })

export const connectionSchemas = {
  google: GoogleConnection,
  yelp: YelpConnection,
  facebook: FacebookConnection,
} as const
export type Connection<S extends ConnectedSource> = z.infer<(typeof connectionSchemas)[S]>

/** The secret part of each connection: kept in the secret store, never in the table or an answer. */
export type SourceSecrets =
  | { source: 'google'; clientId: string; clientSecret: string; refreshToken: string }
  | { source: 'yelp'; apiKey: string }
  | { source: 'facebook'; pageAccessToken: string }

/**
 * Split a connection as entered into what may be stored and shown (the account, the locations)
 * and what must stay secret.
 *
 * @example
 * splitConnection('yelp', { apiKey: 'k', locations }) // { settings: { locations }, secrets: { source: 'yelp', apiKey: 'k' } }
 */
export function splitConnection<S extends ConnectedSource>(
  source: S,
  connection: Connection<S>,
): { settings: { accountId?: string; locations: SourceLocation[] }; secrets: SourceSecrets } {
  if (source === 'google') {
    const { clientId, clientSecret, refreshToken, accountId, locations } =
      connection as Connection<'google'>
    const account = accountId.startsWith('accounts/') ? accountId : `accounts/${accountId}`
    return {
      settings: { accountId: account, locations },
      secrets: { source: 'google', clientId, clientSecret, refreshToken },
    }
  }
  if (source === 'yelp') {
    const { apiKey, locations } = connection as Connection<'yelp'>
    return { settings: { locations }, secrets: { source: 'yelp', apiKey } }
  }
  const { pageAccessToken, locations } = connection as Connection<'facebook'>
  return { settings: { locations }, secrets: { source: 'facebook', pageAccessToken } }
}
