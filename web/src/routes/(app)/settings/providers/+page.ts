import * as api from '$lib/api'
import type { PageLoad } from './$types'

export const load: PageLoad = async ({ fetch, depends }) => {
  depends('app:providers')
  const [providers, locations] = await Promise.all([
    api.providers.list({ fetch }),
    api.locations.list({ fetch }),
  ])
  return { providers: providers.items, locations: locations.items }
}
