import * as api from '$lib/api'
import * as governanceApi from '$lib/api-governance'
import * as responsesApi from '$lib/api-responses'
import * as surveysApi from '$lib/api-surveys'
import type { PageLoad } from './$types'

/**
 * What the filters offer: surveys, places, people, touch points and themes; and which responses
 * already became a case. The responses themselves are
 * fetched by the page from the address's filters, so changing a filter does not reload these.
 */
export const load: PageLoad = async ({ fetch }) => {
  const [surveys, locations, providers, journey, themes, caseOrigins] = await Promise.all([
    surveysApi.surveys.list({ fetch }),
    api.locations.list({ fetch }),
    api.providers.list({ fetch }),
    surveysApi.journey.get({ fetch }),
    responsesApi.themes.list({ fetch }),
    // Which responses already became a case: their cards link to it instead.
    governanceApi.origins.list('response', { fetch }),
  ])
  return {
    caseOrigins,
    surveys: surveys.items,
    locations: locations.items,
    providers: providers.items,
    touchpoints: journey.touchpoints,
    themes,
  }
}
