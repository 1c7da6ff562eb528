import * as api from '$lib/api'
import type { PageLoad } from './$types'

export const load: PageLoad = async ({ fetch, depends }) => {
  depends('app:practice')
  const [locations, providers, team] = await Promise.all([
    api.locations.list({ fetch }),
    api.providers.list({ fetch }),
    api.team.get({ fetch }),
  ])
  return { locations: locations.items, providers: providers.items, team }
}
