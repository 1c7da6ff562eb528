import * as surveysApi from '$lib/api-surveys'
import { localized } from '../responses/answer-text'
import { cases } from './cases-api'
import { readCaseFilters } from './case-filters'
import type { PageLoad } from './$types'

/** The register: the cases the address's filters ask for, and the touch points to filter by. */
export const load: PageLoad = async ({ fetch, url, depends }) => {
  depends('app:cases')
  const filters = readCaseFilters(url.searchParams)
  const [list, journey] = await Promise.all([
    cases.list(
      {
        status: filters.status,
        touchpoint: filters.touchpoint,
        cursor: url.searchParams.get('cursor') ?? undefined,
      },
      { fetch },
    ),
    surveysApi.journey.get({ fetch }),
  ])
  return {
    filters,
    list,
    touchpoints: journey.touchpoints.map((t) => ({
      value: t.id,
      label: localized(t.name, 'en') || t.id,
    })),
  }
}
