import { error } from '@sveltejs/kit'
import { can } from '$lib/roles'
import { session } from '$lib/session.svelte'
import { peopleAndTouchpoints } from '../../load-people'
import { moments } from '../../moments-api'
import type { PageLoad } from './$types'

export const load: PageLoad = async ({ fetch, params, parent }) => {
  await parent() // the signed-in person, read below
  if (!can(session.current, 'moments:manage')) error(403, 'Only managers and owners edit moments.')
  const [moment, forms] = await Promise.all([
    moments.get(params.id, { fetch }),
    peopleAndTouchpoints(fetch),
  ])
  return { moment, ...forms }
}
