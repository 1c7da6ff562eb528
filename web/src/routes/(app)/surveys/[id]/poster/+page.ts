import { error } from '@sveltejs/kit'
import * as api from '$lib/api'
import * as surveysApi from '$lib/api-surveys'
import type { PageLoad } from './$types'

export const load: PageLoad = async ({ fetch, params, url }) => {
  const [survey, locations, providers] = await Promise.all([
    surveysApi.surveys.get(params.id, { fetch }).catch((caught: unknown) => {
      if (caught instanceof api.ApiError && (caught.status === 404 || caught.status === 400))
        error(404, 'There is no such survey.')
      throw caught
    }),
    api.locations.list({ fetch }),
    api.providers.list({ fetch }),
  ])
  // The poster shows what patients will actually open: the live version, not the draft.
  const live =
    survey.status === 'published' && survey.publishedVersion
      ? await surveysApi.surveys.version(survey.id, survey.publishedVersion, { fetch })
      : null
  const location = locations.items.find((item) => item.id === url.searchParams.get('location'))
  const provider = providers.items.find((item) => item.id === url.searchParams.get('provider'))
  return { survey, live, location, provider }
}
