import { error } from '@sveltejs/kit'
import { can } from '$lib/roles'
import { session } from '$lib/session.svelte'
import { peopleAndTouchpoints } from '../load-people'
import { moments } from '../moments-api'
import { isoWeekOf, weekParam } from '../week'
import type { PageLoad } from './$types'

/** `?week=2026-W48&origin=response:2026-11.01J…`: the composer, from that candidate or empty. */
export const load: PageLoad = async ({ fetch, url, parent }) => {
  await parent() // the signed-in person, read below
  const me = session.current
  if (!can(me, 'moments:manage')) error(403, 'Only managers and owners write the moment.')
  const week = weekParam(url) ?? isoWeekOf(new Date(), me.practice.timeZone)
  const wanted = url.searchParams.get('origin')
  const [forms, candidates] = await Promise.all([
    peopleAndTouchpoints(fetch),
    wanted ? moments.candidates(week, { fetch }) : Promise.resolve(null),
  ])
  const candidate = candidates?.items.find((c) => `${c.origin.kind}:${c.origin.id}` === wanted)
  return { week, candidate, ...forms }
}
