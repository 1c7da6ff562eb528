import { session } from '$lib/session.svelte'
import { can } from '$lib/roles'
import { peopleAndTouchpoints } from './load-people'
import { moments, praiseThemes } from './moments-api'
import { isoWeekOf, weekParam } from './week'
import type { PageLoad } from './$types'

/**
 * Managers get the week's candidates (`?week=`, else this week); everyone else the "I saw this
 * happen" form and this week's moment, if there is one.
 */
export const load: PageLoad = async ({ fetch, url, depends, parent }) => {
  depends('app:moments')
  await parent() // the signed-in person, read below
  const me = session.current
  const thisWeek = isoWeekOf(new Date(), me.practice.timeZone)
  const forms = peopleAndTouchpoints(fetch)
  if (can(me, 'moments:manage')) {
    const [candidates, themes, { touchpoints }] = await Promise.all([
      moments.candidates(weekParam(url) ?? thisWeek, { fetch }),
      praiseThemes.list({ fetch }),
      forms,
    ])
    return { view: 'manager' as const, thisWeek, candidates, themes, touchpoints }
  }
  const [current, { people, touchpoints }] = await Promise.all([
    moments.list({ from: thisWeek, to: thisWeek }, { fetch }),
    forms,
  ])
  return { view: 'staff' as const, thisWeek, moment: current.items[0], people, touchpoints }
}
