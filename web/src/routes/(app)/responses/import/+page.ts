import * as surveysApi from '$lib/api-surveys'
import type { PageLoad } from './$types'

/** The surveys past results can go into: the published ones. */
export const load: PageLoad = async ({ fetch }) => {
  const surveys = await surveysApi.surveys.list({ fetch })
  return { surveys: surveys.items.filter((survey) => survey.publishedVersion !== null) }
}
