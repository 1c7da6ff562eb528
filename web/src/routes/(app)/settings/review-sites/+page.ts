import * as api from '$lib/api'
import * as reviewSources from '$lib/api-review-sources'
import type { PageLoad } from './$types'

export const load: PageLoad = async ({ fetch, depends }) => {
  depends('app:review-sources')
  const [sources, locations] = await Promise.all([
    reviewSources.list({ fetch }),
    api.locations.list({ fetch }),
  ])
  return { sources: sources.items, locations: locations.items }
}
