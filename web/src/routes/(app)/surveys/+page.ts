import * as surveysApi from '$lib/api-surveys'
import type { PageLoad } from './$types'

export const load: PageLoad = async ({ fetch, depends }) => {
  depends('app:surveys')
  const { items } = await surveysApi.surveys.list({ fetch })
  return { surveys: items }
}
