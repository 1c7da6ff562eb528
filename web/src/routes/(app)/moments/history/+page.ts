import * as recognitionApi from '$lib/api-recognition'
import { rangeDays, readRange } from '$lib/moment-ranges'
import { session } from '$lib/session.svelte'
import type { PageLoad } from './$types'

/** Moments of the period in the address, searched with `q`; and the praise themes' labels. */
export const load: PageLoad = async ({ fetch, url, parent }) => {
  await parent()
  const range = readRange(url.searchParams.get('range'))
  const q = url.searchParams.get('q')?.trim().slice(0, 100) ?? ''
  const days = rangeDays(range, session.current.practice.timeZone)
  const [list, praise] = await Promise.all([
    recognitionApi.moments.list({ ...days, ...(q ? { q } : {}) }, { fetch }),
    recognitionApi.praiseThemes.list({ fetch }),
  ])
  return { range, q, ...days, list, praise: praise.items }
}
