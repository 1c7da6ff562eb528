/**
 * The analytics figures' loader: a practice (created through the API, as an owner signs up) with a
 * published visit-pulse survey, then N responses written straight into the table with the counter
 * items they move, in chunks so that a million never sit in memory at once.
 *
 * Answers come from the demo generator (generateDemo, seeded): its visit-pulse responses, with their
 * comments and the sentiment and themes read from them, recycled in order. Timestamps are spread
 * evenly from the Monday 12 weeks before this week's to now, so every response falls in the
 * summary's default range (the latest 13 ISO weeks in the practice's time zone).
 */
import { ulid } from 'ulid'
import { generateDemo } from '../../functions/src/demo/generate'
import { dayOf } from '../../functions/src/domain/calendar'
import { addDays, weekStart } from '../../functions/src/domain/analytics/periods'
import type { SurveyResponse } from '../../functions/src/domain/survey-records'
import type { SurveyDefinition } from '../../functions/src/domain/surveys'
import { batchPut } from '../../functions/src/store/batch'
import type { Db } from '../../functions/src/store/db'
import { toItem } from '../../functions/src/store/items'
import * as keys from '../../functions/src/store/keys'
import { periods, summedCounters, versionKey } from '../../functions/src/store/response-batches'
import * as surveys from '../../functions/src/store/surveys'
import { Tally } from './analytics-tally'
import { publishPulse } from './submissions'
import { signUp } from './targets'

/** One recycled answer set: what a patient answered, in which language, and what the comment said. */
type PoolEntry = Pick<SurveyResponse, 'language' | 'answers' | 'sentiment' | 'themes'>

let pool: PoolEntry[] | undefined

/** Visit-pulse answer sets of a few seeded demo practices (about 1,450 each). */
export async function answerPool(minimum = 4000): Promise<PoolEntry[]> {
  if (pool) return pool
  const entries: PoolEntry[] = []
  const now = new Date()
  for (let seed = 20240601; entries.length < minimum; seed++) {
    let id = 0
    const demo = await generateDemo({ seed, now, newId: () => String(++id).padStart(26, '0') })
    const pulse = demo.surveys.find((survey) => survey.templateId === 'visit-pulse')
    if (!pulse) throw new Error('the demo has no visit-pulse survey')
    for (const response of demo.responses) {
      if (response.surveyId !== pulse.id) continue
      const { language, answers, sentiment, themes } = response
      entries.push({ language, answers, ...(sentiment && { sentiment, themes: themes ?? [] }) })
    }
  }
  return (pool = entries)
}

export interface LoadSettings {
  /** Responses per chunk: built, summed and written before the next is built. */
  chunk: number
  /** batchPut calls at once; each keeps 4 BatchWriteItem requests of 25 in flight. */
  writers: number
}

export const defaultLoadSettings: LoadSettings = { chunk: 20_000, writers: 4 }

export interface LoadedPractice {
  practiceId: string
  surveyId: string
  timeZone: string
  /** The owner's session cookie. */
  cookie: string
  definition: SurveyDefinition
  /** What the loader wrote, counted as it wrote it (no counters involved). */
  tally: Tally
  responses: number
  /** Of which with a comment (sentiment and themes stored, counted in `text.n`). */
  withComment: number
  counterItems: number
  /** Months (practice time) holding the responses, oldest first. */
  months: string[]
  /** Wall time of writing responses and counters (not the sign-up). */
  seconds: number
  perSecond: number
}

/**
 * Create a practice through the API at `url`, publish a visit-pulse survey and write `n` responses
 * and their counters into the table with BatchWriteItem. Counters are summed across every chunk in
 * a Map and written once at the end, each item whole (the practice has none yet).
 */
export async function loadPractice(
  url: string,
  db: Db,
  n: number,
  name: string,
  settings: LoadSettings = defaultLoadSettings,
  progress: (done: number) => void = () => undefined,
): Promise<LoadedPractice> {
  const { cookie } = await signUp(url, name)
  const { surveyId, practiceId, timeZone } = await publishPulse(url, cookie)
  const live = await surveys.findPublic(db, surveyId)
  if (!live) throw new Error(`survey ${surveyId} is not published`)
  const { definition, version } = live.version
  const definitions = new Map([[versionKey(surveyId, version), definition]])
  const answers = await answerPool()
  const tally = new Tally(definition)

  if (timeZone !== 'UTC') throw new Error(`the loader spreads responses in UTC, not ${timeZone}`)
  const now = Date.now()
  const first = Date.parse(
    `${addDays(weekStart(dayOf(new Date(now), timeZone)), -7 * 12)}T00:00:00Z`,
  )
  // Evenly spaced, oldest first, the newest a little before now.
  const step = (now - 60_000 - first) / n
  const periodOf = periods(timeZone)

  const counters = new Map<string, Record<string, unknown>>()
  const months = new Set<string>()
  let withComment = 0
  const began = performance.now()
  for (let start = 0; start < n; start += settings.chunk) {
    const end = Math.min(n, start + settings.chunk)
    const responses: SurveyResponse[] = []
    const items: Record<string, unknown>[] = []
    for (let i = start; i < end; i++) {
      const time = Math.floor(first + step * (i + 0.5))
      const entry = answers[i % answers.length]!
      if (entry.sentiment) withComment++
      tally.add(entry.answers)
      const response: SurveyResponse = {
        // Math.random: ulid's default (crypto) costs ~0.2 ms an id, as much as the rest of the loader.
        id: ulid(time, Math.random),
        surveyId,
        version,
        ...entry,
        submittedAt: new Date(time).toISOString(),
      }
      const { month } = periodOf(response.submittedAt)
      months.add(month)
      responses.push(response)
      items.push(toItem(keys.response(practiceId, month, response.id), 'response', response))
    }
    for (const item of summedCounters({ practiceId, timeZone, definitions, responses })) {
      const id = `${String(item.pk)}\u0000${String(item.sk)}`
      const sum = counters.get(id)
      if (!sum) {
        counters.set(id, item)
        continue
      }
      for (const [attribute, value] of Object.entries(item)) {
        if (typeof value === 'number') sum[attribute] = Number(sum[attribute] ?? 0) + value
      }
    }
    await writeParallel(db, items, settings.writers)
    progress(end)
  }
  const counterItems = [...counters.values()]
  await batchPut(db, counterItems)
  const seconds = (performance.now() - began) / 1000
  return {
    practiceId,
    surveyId,
    timeZone,
    cookie,
    definition,
    tally,
    responses: n,
    withComment,
    counterItems: counterItems.length,
    months: [...months].sort(),
    seconds,
    perSecond: n / seconds,
  }
}

/** batchPut on `writers` interleaved slices at once (batchPut itself keeps 4 requests in flight). */
async function writeParallel(db: Db, items: Record<string, unknown>[], writers: number) {
  const size = Math.ceil(items.length / writers / 25) * 25
  const slices: Record<string, unknown>[][] = []
  for (let i = 0; i < items.length; i += size) slices.push(items.slice(i, i + size))
  await Promise.all(slices.map((slice) => batchPut(db, slice)))
}
