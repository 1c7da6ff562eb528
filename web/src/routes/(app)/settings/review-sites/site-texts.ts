import type { ConnectedReviewSource } from '$lib/api-review-sources'

/** A secret a site's connection needs: entered, sent once, never shown again. */
export interface SecretField {
  key: string
  label: string
  hint: string
  /** Said when the field is left empty. */
  missing: string
}

/** What the page says about each site: its name, its place ids, its secrets and its limits. */
export interface SiteTexts {
  name: string
  intro: string
  /** A limit of the site's API the manager must know before relying on it. */
  note?: string
  placeLabel: string
  /** Said when a place's id is left empty. */
  placeMissing: string
  placeHint: string
  placePlaceholder: string
  secrets: SecretField[]
}

export const siteTexts: Record<ConnectedReviewSource, SiteTexts> = {
  google: {
    name: 'Google Business Profile',
    intro:
      "Reviews from your practice's Google listings, read with an OAuth client of your own Google Cloud project.",
    placeLabel: 'Google location name',
    placeMissing: 'Enter the Google location name',
    placeHint: 'Like locations/1234567890: step 10 of the guide says where to find it.',
    placePlaceholder: 'locations/…',
    secrets: [
      {
        key: 'clientId',
        label: 'Client ID',
        hint: 'From step 6: ends in .apps.googleusercontent.com.',
        missing: 'Enter the client ID',
      },
      {
        key: 'clientSecret',
        label: 'Client secret',
        hint: 'From step 6.',
        missing: 'Enter the client secret',
      },
      {
        key: 'refreshToken',
        label: 'Refresh token',
        hint: 'From step 9: starts with 1//.',
        missing: 'Enter the refresh token',
      },
    ],
  },
  yelp: {
    name: 'Yelp',
    intro: "Review excerpts from your practice's Yelp pages, read with a Yelp Fusion API key.",
    note: 'Yelp gives at most 3 review excerpts per business, never every review.',
    placeLabel: 'Yelp business id',
    placeMissing: 'Enter the Yelp business id',
    placeHint: 'The end of your Yelp page address: yelp.com/biz/this-part.',
    placePlaceholder: 'sunrise-dermatology-chicago',
    secrets: [
      {
        key: 'apiKey',
        label: 'API key',
        hint: 'Create an app at yelp.com/developers (Manage App) and copy its API key.',
        missing: 'Enter the API key',
      },
    ],
  },
  facebook: {
    name: 'Facebook',
    intro: "Recommendations from your practice's Facebook page, read with a page access token.",
    note: 'Facebook stopped giving apps page recommendations (Graph API v22.0 and later; v21.0 until January 2027). If a sync says so, use Import (CSV).',
    placeLabel: 'Facebook page id',
    placeMissing: 'Enter the Facebook page id',
    placeHint: "The number in your page's About → Page transparency section.",
    placePlaceholder: '1234567890',
    secrets: [
      {
        key: 'pageAccessToken',
        label: 'Page access token',
        hint: 'A token for the page with the pages_read_user_content permission.',
        missing: 'Enter the page access token',
      },
    ],
  },
}

/** Kept in one place, so every secret field says the same about what was saved before. */
export const savedSecretHint = 'Saved: enter a new value to replace it.'
