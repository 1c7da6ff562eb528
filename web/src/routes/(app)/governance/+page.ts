import * as governanceApi from '$lib/api-governance'
import { reads } from './governance-reads'
import type { PageLoad } from './$types'

/** The committee: its charter (who sits on it, how patient input is used) and its meetings. */
export const load: PageLoad = async ({ fetch, depends }) => {
  depends('app:governance')
  const [charter, meetings] = await Promise.all([
    reads.charter({ fetch }),
    governanceApi.meetings.list({ fetch }),
  ])
  return { charter, meetings: meetings.items }
}
