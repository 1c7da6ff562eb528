import * as api from '$lib/api'
import { reads } from '../governance/governance-reads'
import type { PageLoad } from './$types'

export const load: PageLoad = async ({ fetch, depends }) => {
  depends('app:practice')
  const [locations, providers, team, actions] = await Promise.all([
    api.locations.list({ fetch }),
    api.providers.list({ fetch }),
    api.team.get({ fetch }),
    // The home page still opens when the actions cannot be read; its card then only links.
    reads.actions({ owner: 'me' }, { fetch }).then(
      (answer) => answer.items,
      () => null,
    ),
  ])
  return { locations: locations.items, providers: providers.items, team, actions }
}
