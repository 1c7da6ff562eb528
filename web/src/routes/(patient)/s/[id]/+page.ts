import { loadSurvey } from '$lib/patient/client'
import type { Visit } from '$lib/patient/types'
import type { PageLoad } from './$types'

/** Location and provider ids are ULIDs; anything else in the link is ignored rather than sent. */
const ulid = /^[0-9A-HJKMNP-TV-Z]{26}$/

export const load: PageLoad = async ({ params, url, fetch }) => {
  const visit: Visit = {}
  const location = url.searchParams.get('location')
  const provider = url.searchParams.get('provider')
  if (location && ulid.test(location)) visit.location = location
  if (provider && ulid.test(provider)) visit.provider = provider
  // Links for a place rather than a person (a waiting-room tablet, a poster's QR code) say so.
  const kiosk = url.searchParams.get('kiosk') === '1'
  return { outcome: await loadSurvey(params.id, fetch, visit), visit, kiosk }
}
