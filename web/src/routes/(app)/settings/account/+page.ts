import * as api from '$lib/api'
import type { PageLoad } from './$types'

/** The team as the server knows it, for the signed-in person's aliases and "don't feature me". */
export const load: PageLoad = async ({ fetch, depends, parent }) => {
  depends('app:account')
  await parent() // signed in first: the layout redirects otherwise
  return { members: (await api.team.get({ fetch })).members }
}
