import * as recognitionApi from '$lib/api-recognition'
import { rangeDays, readRange } from '$lib/moment-ranges'
import { session } from '$lib/session.svelte'
import type { PageLoad } from './$types'

/** The team view for the period in the address (this quarter by default). */
export const load: PageLoad = async ({ fetch, url, parent }) => {
  await parent() // signed in first: the practice's time zone decides what "this quarter" is
  const range = readRange(url.searchParams.get('range'))
  const days = rangeDays(range, session.current.practice.timeZone)
  const [wall, praise] = await Promise.all([
    recognitionApi.recognition.get(days, { fetch }),
    recognitionApi.praiseThemes.list({ fetch }),
  ])
  return { range, wall, praise: praise.items }
}
