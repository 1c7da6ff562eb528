import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { stringify } from 'csv-stringify/sync'
import type { Context } from 'hono'
import { z } from 'zod'
import { themes } from '../../../../workshops'
import { dayOf } from '../../domain/calendar'
import { Invalid } from '../../domain/errors'
import { ratedLow } from '../../domain/metrics/touchpoints'
import { monthsBetween, dayRange } from '../../domain/periods'
import type { SurveyResponse, SurveyVersion } from '../../domain/survey-records'
import { localize } from '../../domain/surveys'
import * as keys from '../../store/keys'
import * as locations from '../../store/locations'
import * as providers from '../../store/providers'
import * as responses from '../../store/responses'
import * as surveys from '../../store/surveys'
import type { AppEnv } from '../env'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonResponse, sessionSecurity } from '../schemas'
import {
  ResponseFilters,
  type ResponseItem,
  ResponseListQuery,
  ResponsePage,
} from './responses-schemas'

type Filters = z.infer<typeof ResponseFilters>

const read = [requireSession(), requireAbility('practice:read')]

const listResponses = createRoute({
  method: 'get',
  path: '/responses',
  tags: ['Responses'],
  summary: 'Responses matching the filters, newest first, a page at a time',
  security: sessionSecurity,
  middleware: read,
  request: { query: ResponseListQuery },
  responses: {
    200: jsonResponse(ResponsePage, 'A page of responses and how many match in all'),
    ...problemResponses(400, 401, 403),
  },
})

const exportResponses = createRoute({
  method: 'get',
  path: '/responses.csv',
  tags: ['Responses'],
  summary: 'Every response matching the filters as CSV, one column per question',
  security: sessionSecurity,
  middleware: read,
  request: { query: ResponseFilters },
  responses: {
    200: { description: 'CSV (UTF-8)', content: { 'text/csv': { schema: z.string() } } },
    ...problemResponses(400, 401, 403),
  },
})

/** Reads responses for the filters; post-filters that need each version's questions are applied here. */
function responseReader(c: Context<AppEnv>, filters: Filters) {
  const { practice } = c.var.auth
  const today = dayOf(new Date(), practice.timeZone)
  const to = filters.to ?? today
  const from =
    filters.from ??
    dayOf(new Date(Date.parse(`${to}T12:00:00Z`) - 89 * 86400_000), practice.timeZone)
  if (from > to) throw new Invalid('The first day must not be after the last.', 'from')
  if (filters.touchpointRating && !filters.touchpoint) {
    throw new Invalid('Choose the touch point whose ratings to read.', 'touchpointRating')
  }
  const { start, end } = dayRange(from, to, practice.timeZone)
  const storeFilter: responses.ResponseFilter = {
    months: monthsBetween(start, end, practice.timeZone),
    surveyId: filters.surveyId,
    location: filters.location,
    provider: filters.provider,
    from: start.toISOString(),
    to: end.toISOString(),
    // Read on the stored response, so the store filters them and `count` stays exact.
    theme: filters.theme,
    sentiment: filters.sentiment,
  }
  const versions = new Map<string, Promise<SurveyVersion | undefined>>()
  const versionOf = (r: SurveyResponse) => {
    const key = `${r.surveyId}#${r.version}`
    if (!versions.has(key))
      versions.set(key, surveys.getVersion(c.var.db, practice.id, r.surveyId, r.version))
    return versions.get(key)!
  }
  const needsQuestions =
    filters.touchpoint !== undefined ||
    filters.minScore !== undefined ||
    filters.maxScore !== undefined

  async function withScore(r: SurveyResponse) {
    const version = await versionOf(r)
    const nps = version?.definition.questions.find((q) => q.type === 'nps')
    const score = nps ? r.answers[nps.id] : undefined
    return {
      ...r,
      ...(typeof score === 'number' && { score }),
      version: r.version,
      definition: version?.definition,
    }
  }

  async function matches(item: Awaited<ReturnType<typeof withScore>>) {
    if (
      filters.minScore !== undefined &&
      (item.score === undefined || item.score < filters.minScore)
    )
      return false
    if (
      filters.maxScore !== undefined &&
      (item.score === undefined || item.score > filters.maxScore)
    )
      return false
    if (filters.touchpoint) {
      const rated = item.definition?.questions.some(
        (q) => q.touchpoint === filters.touchpoint && item.answers[q.id] !== undefined,
      )
      if (!rated) return false
      if (
        filters.touchpointRating === 'low' &&
        !ratedLow(item.definition?.questions ?? [], item.answers, filters.touchpoint)
      )
        return false
    }
    return true
  }

  return { storeFilter, needsQuestions, withScore, matches }
}

const encodeCursor = (cursor: responses.Cursor) =>
  Buffer.from(JSON.stringify(cursor)).toString('base64url')
function decodeCursor(text: string): responses.Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString()) as responses.Cursor
    if (typeof parsed.month !== 'string' || typeof parsed.key !== 'object') throw new Error('shape')
    return parsed
  } catch {
    throw new Invalid('The cursor is not one this API gave out.', 'cursor')
  }
}

export const responsesApi = new OpenAPIHono<AppEnv>()
  .openapi(listResponses, async (c) => {
    const { cursor, limit, ...filters } = c.req.valid('query')
    const practiceId = c.var.auth.practice.id
    const reader = responseReader(c, filters)
    const page: z.infer<typeof ResponseItem>[] = []
    let next: responses.Cursor | undefined = cursor ? decodeCursor(cursor) : undefined
    // A cursor from another practice's key would simply match nothing: the partition is ours.
    if (next && !keys.isUnderPractice(practiceId, String(next.key.pk ?? '')))
      throw new Invalid('Bad cursor.', 'cursor')
    do {
      // Ask only for what the page still has room for: the cursor then never skips a match.
      const batch = await responses.list(c.var.db, practiceId, reader.storeFilter, {
        limit: limit - page.length,
        cursor: next,
      })
      for (const response of batch.items) {
        const item = await reader.withScore(response)
        if (!reader.needsQuestions || (await reader.matches(item))) {
          const { definition: _d, ...shown } = item
          page.push(shown)
        }
      }
      next = batch.next
    } while (next && page.length < limit)
    const total = reader.needsQuestions
      ? await countMatching(c, reader)
      : await responses.count(c.var.db, practiceId, reader.storeFilter)
    return c.json(
      { total, items: page.slice(0, limit), nextCursor: next ? encodeCursor(next) : null },
      200,
    )
  })
  .openapi(exportResponses, async (c) => {
    const filters = c.req.valid('query')
    const { practice } = c.var.auth
    const reader = responseReader(c, filters)
    const [places, clinicians] = await Promise.all([
      locations.list(c.var.db, practice.id),
      providers.list(c.var.db, practice.id),
    ])
    const rows: Awaited<ReturnType<typeof reader.withScore>>[] = []
    let next: responses.Cursor | undefined
    do {
      const batch = await responses.list(c.var.db, practice.id, reader.storeFilter, {
        limit: 500,
        cursor: next,
      })
      for (const response of batch.items) {
        const item = await reader.withScore(response)
        if (await reader.matches(item)) rows.push(item)
      }
      next = batch.next
    } while (next)

    // One column per question id, headed by its prompt in the practice's first language.
    const language = practice.languages[0] ?? 'en'
    const columns = new Map<string, string>()
    for (const row of rows) {
      for (const q of row.definition?.questions ?? []) {
        if (!columns.has(q.id)) columns.set(q.id, localize(q.prompt, language))
      }
    }
    const nameOf = (list: { id: string; name: string }[], id?: string) =>
      list.find((x) => x.id === id)?.name ?? ''
    const themeName = (id: string) =>
      localize(themes.find((theme) => theme.id === id)?.label, language) || id
    // The comment's reading goes last, so the question columns keep the places they always had.
    const csv = stringify([
      [
        'Submitted',
        'Survey',
        'Version',
        'Language',
        'Location',
        'Provider',
        ...columns.values(),
        'Sentiment',
        'Themes',
      ],
      ...rows.map((row) => [
        row.submittedAt,
        localize(row.definition?.title, language),
        row.version,
        row.language,
        nameOf(places, row.location),
        nameOf(clinicians, row.provider),
        ...[...columns.keys()].map((id) => formatAnswer(row.answers[id])),
        row.sentiment?.label ?? '',
        (row.themes ?? []).map(themeName).join('; '),
      ]),
    ])
    const day = dayOf(new Date(), practice.timeZone)
    return c.body(`\uFEFF${csv}`, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="responses-${day}.csv"`,
    })
  })

async function countMatching(c: Context<AppEnv>, reader: ReturnType<typeof responseReader>) {
  let total = 0
  let next: responses.Cursor | undefined
  do {
    const batch = await responses.list(c.var.db, c.var.auth.practice.id, reader.storeFilter, {
      limit: 500,
      cursor: next,
    })
    for (const response of batch.items)
      if (await reader.matches(await reader.withScore(response))) total++
    next = batch.next
  } while (next)
  return total
}

function formatAnswer(answer: unknown): string {
  if (answer === undefined) return ''
  if (typeof answer === 'boolean') return answer ? 'yes' : 'no'
  if (Array.isArray(answer)) return answer.join('; ')
  return String(answer)
}
