import * as api from '$lib/api'
import type { Theme } from '$lib/api-responses'
import * as surveysApi from '$lib/api-surveys'
import type { PageLoad } from './$types'

/** A theme's names, as `GET /api/themes` answers them. */
export type ThemeLabel = Theme

/**
 * What the filters and labels need: surveys, places, people, the journey and the theme names. The
 * figures themselves are fetched by the page from the address's filters.
 */
export const load: PageLoad = async ({ fetch }) => {
  const [surveys, locations, providers, journey, themes] = await Promise.all([
    surveysApi.surveys.list({ fetch }),
    api.locations.list({ fetch }),
    api.providers.list({ fetch }),
    surveysApi.journey.get({ fetch }),
    api.get<ThemeLabel[]>('/api/themes', { fetch }).catch(() => [] as ThemeLabel[]),
  ])
  return {
    surveys: surveys.items,
    locations: locations.items,
    providers: providers.items,
    journey,
    themes,
  }
}
