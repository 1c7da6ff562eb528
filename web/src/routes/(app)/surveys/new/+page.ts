import * as surveysApi from '$lib/api-surveys'
import type { PageLoad } from './$types'

export const load: PageLoad = async ({ fetch }) => ({
  templates: await surveysApi.templates.list({ fetch }),
})
