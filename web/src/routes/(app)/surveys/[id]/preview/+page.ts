import { error } from '@sveltejs/kit'
import * as api from '$lib/api'
import * as surveysApi from '$lib/api-surveys'
import type { PageLoad } from './$types'

export const load: PageLoad = async ({ fetch, params }) => {
  const [survey, providers] = await Promise.all([
    surveysApi.surveys.get(params.id, { fetch }).catch((caught: unknown) => {
      // An unknown id (or a malformed one) is a missing page, not a failure.
      if (caught instanceof api.ApiError && (caught.status === 404 || caught.status === 400))
        error(404, 'There is no such survey.')
      throw caught
    }),
    // The choices of a "Who did you see today?" question, as patients will get them.
    api.providers.list({ fetch }),
  ])
  return { survey, providers: providers.items }
}
