import * as recognitionApi from '$lib/api-recognition'
import { rangeDays, readRange } from '$lib/moment-ranges'
import { session } from '$lib/session.svelte'
import type { PageLoad } from './$types'

/** One person's wall: their row of the team view, and the moments that recognised them. */
export const load: PageLoad = async ({ fetch, url, params, parent }) => {
  await parent()
  const range = readRange(url.searchParams.get('range'))
  const days = rangeDays(range, session.current.practice.timeZone)
  const [wall, list, praise] = await Promise.all([
    recognitionApi.recognition.get(days, { fetch }),
    recognitionApi.moments.list({ ...days, staff: params.id }, { fetch }),
    recognitionApi.praiseThemes.list({ fetch }),
  ])
  const row = wall.items.find((r) => r.staff.kind === params.kind && r.staff.id === params.id)
  return {
    range,
    from: wall.from,
    to: wall.to,
    row,
    moments: list.items.filter((m) => m.staff.some((s) => s.kind === params.kind)),
    praise: praise.items,
  }
}
