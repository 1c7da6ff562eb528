import * as api from '$lib/api'
import { reads } from '../governance/governance-reads'
import type { PageLoad } from './$types'

/**
 * A person's work across cases and workshop boards. `?owner=<userId>` shows a colleague's (the
 * committee and managers follow up on them); without it, the signed-in person's own.
 */
export const load: PageLoad = async ({ fetch, url, depends }) => {
  depends('app:actions')
  const owner = url.searchParams.get('owner') || 'me'
  const [actions, team] = await Promise.all([
    // Done ones too, for "Done recently".
    reads.actions({ owner, status: 'all' }, { fetch }),
    api.team.get({ fetch }),
  ])
  return { owner, actions: actions.items, members: team.members }
}
