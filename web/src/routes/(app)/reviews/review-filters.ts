/**
 * The Reviews page's filters as they live in the address (`?source=yelp&maxStars=2`), so a
 * filtered view can be reloaded, shared and gone back to. Every value is the API's query value;
 * empty means "any".
 */
export const filterNames = [
  'source',
  'location',
  'minStars',
  'maxStars',
  'from',
  'to',
  'theme',
  'sentiment',
  'replied',
] as const

export type ReviewFilterState = Record<(typeof filterNames)[number], string>

export function readReviewFilters(params: URLSearchParams): ReviewFilterState {
  return Object.fromEntries(
    filterNames.map((name) => [name, params.get(name) ?? '']),
  ) as ReviewFilterState
}

export function reviewFilterParams(state: ReviewFilterState): URLSearchParams {
  const params = new URLSearchParams()
  for (const name of filterNames) if (state[name]) params.set(name, state[name])
  return params
}

export const isNarrowed = (state: ReviewFilterState) => filterNames.some((name) => state[name])

/** The sites a review comes from, as the page names them. */
export const sourceNames: Record<string, string> = {
  google: 'Google',
  yelp: 'Yelp',
  facebook: 'Facebook',
  healthgrades: 'Healthgrades',
  vitals: 'Vitals',
  zocdoc: 'Zocdoc',
}

export const sourceName = (source: string) =>
  sourceNames[source] ?? source.charAt(0).toUpperCase() + source.slice(1)
