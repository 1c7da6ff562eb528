import * as api from '$lib/api'
import type { PageLoad } from './$types'

export const load: PageLoad = async ({ fetch, depends }) => {
  depends('app:locations')
  const { items } = await api.locations.list({ fetch })
  return { locations: items }
}
