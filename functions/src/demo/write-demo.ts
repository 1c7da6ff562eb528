import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb'
import { dayOf, monthOf, weekOf } from '../domain/calendar'
import { counterIncrements } from '../domain/counters'
import { dayRange } from '../domain/periods'
import type { SurveyResponse } from '../domain/survey-records'
import type { SurveyDefinition } from '../domain/surveys'
import type { Db } from '../store/db'
import { toItem } from '../store/items'
import * as keys from '../store/keys'
import * as locations from '../store/locations'
import * as practices from '../store/practices'
import * as providers from '../store/providers'
import * as surveys from '../store/surveys'
import type { Demo } from './generate'

/**
 * Write a generated demo practice. The practice, its people, places and surveys go through the
 * store like any other; the ~2,000 responses do not go through `responses.accept` (one transaction
 * each, some 15 s on DynamoDB Local) but in batches, with every counter summed in memory and written
 * once: the same items `accept` would have left, in a fraction of the time.
 *
 * @example
 * await writeDemo(db, generateDemo({ seed: 1, now: new Date() }), { passwordHash })
 */
export async function writeDemo(
  db: Db,
  demo: Demo,
  { passwordHash }: { passwordHash: string },
): Promise<void> {
  const { practice, owner } = demo
  await practices.create(db, { practice, owner, passwordHash })
  await Promise.all([
    ...demo.locations.map((location) => locations.create(db, practice.id, location)),
    ...demo.providers.map((provider) => providers.create(db, practice.id, provider)),
  ])
  const definitions = new Map<string, SurveyDefinition>()
  await Promise.all(
    demo.surveys.map(async (survey) => {
      await surveys.create(db, practice.id, survey)
      const published = await surveys.publish(db, practice.id, survey.id)
      // Generated responses answer version 1; a survey that somehow had one would break that.
      if (published.version !== 1) throw new Error(`demo survey published as v${published.version}`)
      definitions.set(versionKey(survey.id, 1), published.definition)
    }),
  )
  await writeResponses(db, {
    practiceId: practice.id,
    timeZone: practice.timeZone,
    definitions,
    responses: demo.responses,
  })
}

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
    add(cell.sum, Object.entries(counterIncrements(definition, response.answers)))
  }

  const counters = new Map<string, { key: keys.Key; sum: Sum }>()
  for (const { response, week, month, sum } of cells.values()) {
    const scopes: keys.CounterScope[] = ['all']
    if (response.location) scopes.push(`L#${response.location}`)
    if (response.provider) scopes.push(`V#${response.provider}`)
    for (const survey of [response.surveyId, '*'] as const) {
      for (const [period, start] of [
        ['W', week],
        ['M', month],
      ] as const) {
        for (const scope of scopes) {
          const key = keys.counter(batch.practiceId, survey, period, scope, start)
          const id = `${key.pk}\u0000${key.sk}`
          let counter = counters.get(id)
          if (!counter) counters.set(id, (counter = { key, sum: new Map() }))
          add(counter.sum, sum)
        }
      }
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
function periods(timeZone: string) {
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

/** BatchWriteItem takes at most 25 puts; a few batches run at once, retrying what is throttled. */
const batchSize = 25
const parallelBatches = 4
const maxAttempts = 10

async function batchPut(db: Db, items: Record<string, unknown>[]): Promise<void> {
  const batches: Record<string, unknown>[][] = []
  for (let i = 0; i < items.length; i += batchSize) batches.push(items.slice(i, i + batchSize))
  let next = 0
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!
      await putBatch(db, batch)
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallelBatches, batches.length) }, worker))
}

async function putBatch(db: Db, items: Record<string, unknown>[]): Promise<void> {
  let requests = items.map((Item) => ({ PutRequest: { Item } }))
  for (let attempt = 0; requests.length > 0; attempt++) {
    if (attempt === maxAttempts) throw new Error(`${requests.length} items still unwritten`)
    if (attempt > 0) await sleep(Math.random() * Math.min(2000, 50 * 2 ** attempt))
    const { UnprocessedItems } = await db.client.send(
      new BatchWriteCommand({ RequestItems: { [db.table]: requests } }),
    )
    requests = (UnprocessedItems?.[db.table] ?? []) as typeof requests
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))
