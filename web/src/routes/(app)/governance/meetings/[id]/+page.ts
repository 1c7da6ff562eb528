import type { PageLoad } from './$types'
import { loadMeeting } from './meeting-load'

export const load: PageLoad = async ({ fetch, params, depends }) => {
  depends('app:meeting')
  return loadMeeting(params.id, { fetch })
}
