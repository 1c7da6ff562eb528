import * as analytics from '$lib/api-analytics'
import * as boardsApi from '$lib/api-boards'
import * as meetingApi from '$lib/api-meeting'
import * as surveysApi from '$lib/api-surveys'
import { isoDateIn } from '$lib/dates'
import { session } from '$lib/session.svelte'
import type { Language } from '$lib/api'
import type { PageLoad } from './$types'

/** A calendar day (YYYY-MM-DD) `days` before or after, whatever the browser's zone. */
function shiftDay(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days, 12)).toISOString().slice(0, 10)
}

/**
 * Everything every item shows, asked for at once, so moving between items in front of the room
 * never waits. Each part may fail on its own (`null`): its item says so, the rest still runs.
 */
export const load: PageLoad = async ({ fetch, url }) => {
  const me = (await session.ready({ fetch }))!
  const asked = url.searchParams.get('lang')
  const language: Language =
    asked === 'en' || asked === 'es' ? asked : (me.practice.languages[0] ?? 'en')
  const today = isoDateIn(new Date(), me.practice.timeZone)
  const fourWeeksAgo = shiftDay(today, -21)
  const orNull = <T>(promise: Promise<T>) => promise.catch(() => null)
  const [
    agendas,
    journey,
    moments,
    week,
    month,
    weekReviews,
    monthReviews,
    actions,
    boards,
    canvases,
  ] = await Promise.all([
    meetingApi.agendas.list(language, { fetch }),
    orNull(surveysApi.journey.get({ fetch })),
    orNull(meetingApi.moments.ofWeek(today, { fetch })),
    orNull(analytics.summary({ from: today, to: today }, { fetch })),
    orNull(analytics.summary({ from: fourWeeksAgo, to: today }, { fetch })),
    orNull(analytics.reviews({ from: today, to: today }, { fetch })),
    orNull(analytics.reviews({ from: fourWeeksAgo, to: today }, { fetch })),
    orNull(meetingApi.boardActions.list({ fetch })),
    orNull(boardsApi.boards.list(false, { fetch })),
    orNull(boardsApi.canvases.list(language, { fetch })),
  ])
  return {
    language,
    today,
    agendas: agendas.items,
    touchpoints: journey?.touchpoints ?? [],
    moment: moments ? (moments.items[0] ?? null) : undefined,
    numbers: {
      week: week && { summary: week, reviews: weekReviews },
      fourWeeks: month && { summary: month, reviews: monthReviews },
    },
    actions: actions?.items ?? null,
    boards: boards?.items ?? null,
    canvases: canvases?.items ?? [],
  }
}
