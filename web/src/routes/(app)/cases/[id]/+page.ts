import * as api from '$lib/api'
import * as surveysApi from '$lib/api-surveys'
import { localized } from '../../responses/answer-text'
import { cases } from '../cases-api'
import type { PageLoad } from './$types'

/** The case with its evidence, analysis, fixes and actions; its trail; and the forms' choices. */
export const load: PageLoad = async ({ fetch, params, depends }) => {
  depends('app:case')
  const [kase, history, team, journey, locations] = await Promise.all([
    cases.get(params.id, { fetch }),
    cases.history(params.id, { fetch }),
    api.team.get({ fetch }),
    surveysApi.journey.get({ fetch }),
    api.locations.list({ fetch }),
  ])
  return {
    kase,
    history: history.items,
    members: team.members.map((m) => ({ value: m.id, label: m.name })),
    touchpoints: journey.touchpoints.map((t) => ({
      value: t.id,
      label: localized(t.name, 'en') || t.id,
    })),
    locations: locations.items.map((l) => ({ value: l.id, label: l.name })),
  }
}
