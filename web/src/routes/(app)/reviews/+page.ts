import * as api from '$lib/api'
import * as responsesApi from '$lib/api-responses'
import type { PageLoad } from './$types'

/** What the filters offer: places and themes. The reviews follow the address's filters. */
export const load: PageLoad = async ({ fetch }) => {
  const [locations, themes] = await Promise.all([
    api.locations.list({ fetch }),
    responsesApi.themes.list({ fetch }),
  ])
  return { locations: locations.items, themes }
}
