import { error } from '@sveltejs/kit'
import * as api from '$lib/api'
import * as responsesApi from '$lib/api-responses'
import * as surveysApi from '$lib/api-surveys'
import { can } from '$lib/roles'
import { session } from '$lib/session.svelte'
import { localized } from '../../responses/answer-text'
import { readOrigin } from '../case-origin'
import { lookup } from '../cases-api'
import type { PageLoad } from './$types'

/**
 * `?origin=response:2026-11.01J…` (or `review:`, `board-action:<board>.<action>`) with what the
 * origin's card knows (`touchpoint`, `location`, `theme`, `title`): the form, pre-filled.
 */
export const load: PageLoad = async ({ fetch, url, parent }) => {
  await parent() // the signed-in person, read below
  if (!can(session.current, 'governance:write'))
    error(403, 'Owners, managers and the governance committee open cases.')
  const origin = readOrigin(url.searchParams.get('origin'))
  const [journey, locations, themes, found] = await Promise.all([
    surveysApi.journey.get({ fetch }),
    api.locations.list({ fetch }),
    responsesApi.themes.list({ fetch }),
    // What the origin says, redacted, and its case if it has one; the form works without it.
    origin ? lookup.origin(origin, { fetch }).catch(() => null) : null,
  ])
  const param = (name: string) => url.searchParams.get(name) ?? ''
  return {
    origin,
    originQuote: found?.quote,
    existingCaseId: found?.caseId,
    prefill: {
      title: param('title'),
      touchpointId: param('touchpoint'),
      locationId: param('location'),
      themeId: param('theme'),
    },
    touchpoints: journey.touchpoints.map((t) => ({
      value: t.id,
      label: localized(t.name, 'en') || t.id,
    })),
    locations: locations.items.map((l) => ({ value: l.id, label: l.name })),
    themes: themes.map((t) => ({ value: t.id, label: localized(t.label, 'en') || t.id })),
  }
}
