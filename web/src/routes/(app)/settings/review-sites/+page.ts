import * as api from '$lib/api'
import * as reviewSources from '$lib/api-review-sources'
import { can } from '$lib/roles'
import { session } from '$lib/session.svelte'
import type { PageLoad } from './$types'

export const load: PageLoad = async ({ fetch, depends }) => {
  depends('app:review-sources')
  // Review sources answer 403 without `practice:manage`: a staffer who opens the URL is told whom
  // to ask, instead of meeting an error page.
  // The session is loaded by the layouts, whose loads run beside this one: wait for the same answer.
  const me = await session.ready({ fetch })
  if (!me || !can(me, 'practice:manage')) return { allowed: false, sources: [], locations: [] }
  const [sources, locations] = await Promise.all([
    reviewSources.list({ fetch }),
    api.locations.list({ fetch }),
  ])
  return { allowed: true, sources: sources.items, locations: locations.items }
}
