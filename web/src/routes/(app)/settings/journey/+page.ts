import * as surveysApi from '$lib/api-surveys'
import type { PageLoad } from './$types'

export const load: PageLoad = async ({ fetch, depends }) => {
  depends('app:journey')
  const [journey, surveys] = await Promise.all([
    surveysApi.journey.get({ fetch }),
    surveysApi.surveys.list({ fetch }),
  ])
  return { journey, surveys: surveys.items }
}
