import type { PageLoad } from './$types'
import { loadMeeting } from '../meeting-load'

export const load: PageLoad = async ({ fetch, params }) => loadMeeting(params.id, { fetch })
