import * as api from '$lib/api'
import * as surveysApi from '$lib/api-surveys'
import { localized } from '../responses/answer-text'
import { recognisablePeople } from './people'

/** What every moments form offers: the people to recognise and the practice's touch points. */
export async function peopleAndTouchpoints(fetch: typeof globalThis.fetch) {
  const [team, providers, journey] = await Promise.all([
    api.team.get({ fetch }),
    api.providers.list({ fetch }),
    surveysApi.journey.get({ fetch }),
  ])
  return {
    people: recognisablePeople(team.members, providers.items),
    touchpoints: journey.touchpoints.map((t) => ({
      value: t.id,
      label: localized(t.name, 'en') || t.id,
    })),
  }
}
