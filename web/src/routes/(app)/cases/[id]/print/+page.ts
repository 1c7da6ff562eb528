import * as surveysApi from '$lib/api-surveys'
import { localized } from '../../../responses/answer-text'
import { cases, fixes, type FixOutcome } from '../../cases-api'
import type { PageLoad } from './$types'

/** The case for the practice's records: everything the case page has, and each fix's verdict. */
export const load: PageLoad = async ({ fetch, params }) => {
  const [kase, journey] = await Promise.all([
    cases.get(params.id, { fetch }),
    surveysApi.journey.get({ fetch }),
  ])
  // An outcome that cannot be read is left out of the print, not guessed.
  const outcomes = await Promise.all(
    kase.fixes.map((fix) =>
      fixes.outcome(fix.id, { fetch }).then(
        (outcome): [string, FixOutcome] => [fix.id, outcome],
        () => null,
      ),
    ),
  )
  return {
    kase,
    outcomes: new Map(outcomes.filter((o) => o !== null)),
    touchpoints: new Map(journey.touchpoints.map((t) => [t.id, localized(t.name, 'en') || t.id])),
  }
}
