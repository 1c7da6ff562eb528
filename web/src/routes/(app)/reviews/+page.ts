import * as api from '$lib/api'
import * as governanceApi from '$lib/api-governance'
import * as responsesApi from '$lib/api-responses'
import type { PageLoad } from './$types'

/**
 * What the filters offer: places and themes; and which reviews already became a case. The reviews
 * follow the address's filters.
 */
export const load: PageLoad = async ({ fetch }) => {
  const [locations, themes, caseOrigins] = await Promise.all([
    api.locations.list({ fetch }),
    responsesApi.themes.list({ fetch }),
    governanceApi.origins.list('review', { fetch }),
  ])
  return { locations: locations.items, themes, caseOrigins }
}
