import * as api from '$lib/api'
import type { PageLoad } from './$types'

export const load: PageLoad = async ({ fetch, depends }) => {
  depends('app:team')
  return { team: await api.team.get({ fetch }) }
}
