import * as surveysApi from '$lib/api-surveys'
import { localized } from '../../responses/answer-text'
import { moments } from '../moments-api'
import type { PageLoad } from './$types'

/** One moment: what a recognised staffer opens from their message. */
export const load: PageLoad = async ({ fetch, params, depends }) => {
  depends('app:moment')
  const [moment, journey] = await Promise.all([
    moments.get(params.id, { fetch }),
    surveysApi.journey.get({ fetch }),
  ])
  const touchpoint = journey.touchpoints.find((t) => t.id === moment.touchpoint)
  return { moment, touchpointName: touchpoint ? localized(touchpoint.name, 'en') : undefined }
}
