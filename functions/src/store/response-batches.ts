import { dayOf, monthOf, weekOf } from '../domain/calendar'
import { counterIncrements } from '../domain/counters'
import { dayRange } from '../domain/periods'
import type { SurveyResponse } from '../domain/survey-records'
import type { SurveyDefinition } from '../domain/surveys'
import { batchPut } from './batch'
import { keysMovedBy } from './counters'
import type { Db } from './db'
import { toItem } from './items'
import * as keys from './keys'
import { commentOf } from './responses'

/**
 * Many responses at once, with the counters they move summed in memory: the same items
 * `responses.accept` leaves one transaction at a time, for the demo practice, loaders and
 * `npm run counters:rebuild`.
 */
export interface ResponseBatch {
  practiceId: string
  timeZone: string
  /** The definition of each version answered, by `versionKey(surveyId, version)`. */
  definitions: ReadonlyMap<string, SurveyDefinition>
  responses: readonly SurveyResponse[]
}

export const versionKey = (surveyId: string, version: number) => `${surveyId}#${version}`

/**
 * Store many responses of a new practice at once, with their counters. The practice's counters must
 * not exist yet: each is written whole, not added to.
 */
export async function writeResponses(
  db: Db,
  batch: ResponseBatch,
): Promise<{ responses: number; counters: number }> {
  const periodOf = periods(batch.timeZone)
  const items = batch.responses.map((response) =>
    toItem(
      keys.response(batch.practiceId, periodOf(response.submittedAt).month, response.id),
      'response',
      response,
    ),
  )
  const counters = summedCounters(batch)
  await batchPut(db, [...items, ...counters])
  return { responses: items.length, counters: counters.length }
}

/**
 * Every counter item the responses move, summed: the keys and attribute names of
 * `responses.accept` (this survey and `*`, week and month in the practice's time zone, the whole
 * practice, the location and the provider), with the total each `ADD` would have reached.
 */
export function summedCounters(batch: ResponseBatch): Record<string, unknown>[] {
  const periodOf = periods(batch.timeZone)
  // First per cell (survey, week, month, location, provider), then each cell into the dozen
  // counters it moves: far fewer additions than fanning out every response.
  const cells = new Map<
    string,
    { response: SurveyResponse; week: string; month: string; sum: Sum }
  >()
  for (const response of batch.responses) {
    const definition = batch.definitions.get(versionKey(response.surveyId, response.version))
    if (!definition) throw new Error(`no definition for ${response.surveyId} v${response.version}`)
    const { week, month } = periodOf(response.submittedAt)
    const id = [response.surveyId, week, month, response.location, response.provider].join('|')
    let cell = cells.get(id)
    if (!cell) cells.set(id, (cell = { response, week, month, sum: new Map() }))
    add(
      cell.sum,
      Object.entries(counterIncrements(definition, response.answers, commentOf(response))),
    )
  }

  const counters = new Map<string, { key: keys.Key; sum: Sum }>()
  for (const { response, week, month, sum } of cells.values()) {
    for (const key of keysMovedBy(batch.practiceId, response, { week, month })) {
      const id = `${key.pk}\u0000${key.sk}`
      let counter = counters.get(id)
      if (!counter) counters.set(id, (counter = { key, sum: new Map() }))
      add(counter.sum, sum)
    }
  }
  // Counter items carry only their key and numbers, as the ADD updates of `accept` leave them.
  return [...counters.values()].map(({ key, sum }) => ({ ...key, ...Object.fromEntries(sum) }))
}

type Sum = Map<string, number>

function add(sum: Sum, increments: Iterable<[string, number]>) {
  for (const [name, by] of increments) sum.set(name, (sum.get(name) ?? 0) + by)
}

/**
 * The week and month of an instant in the time zone, remembering the last local day seen: the
 * responses come in time order, so most fall in the day before them. Time-zone arithmetic is the
 * slow part of summing two thousand responses.
 */
export function periods(timeZone: string) {
  let last: { start: number; end: number; week: string; month: string } | undefined
  return (iso: string) => {
    const time = Date.parse(iso)
    if (last && time >= last.start && time < last.end) return last
    const at = new Date(time)
    const day = dayOf(at, timeZone)
    const { start, end } = dayRange(day, day, timeZone)
    last = {
      start: start.getTime(),
      end: end.getTime(),
      week: weekOf(at, timeZone),
      month: monthOf(at, timeZone),
    }
    return last
  }
}
