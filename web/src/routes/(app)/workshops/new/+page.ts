import * as boardsApi from '$lib/api-boards'
import * as surveysApi from '$lib/api-surveys'
import { session } from '$lib/session.svelte'
import type { PageLoad } from './$types'

export const load: PageLoad = async ({ fetch, url }) => {
  // Loads run beside the layout's, so ask the (shared, cached) session for the practice's languages.
  const me = await session.ready({ fetch })
  const language = me?.practice.languages[0] ?? 'en'
  const [canvases, journey] = await Promise.all([
    boardsApi.canvases.list(language, { fetch }),
    surveysApi.journey.get({ fetch }),
  ])
  // `?canvas=` (meeting mode's "Start a new board" links) picks the canvas; an unknown one is ignored.
  const asked = url.searchParams.get('canvas')
  const preselected = canvases.items.some((canvas) => canvas.id === asked) ? asked : null
  return { language, canvases: canvases.items, touchpoints: journey.touchpoints, preselected }
}
