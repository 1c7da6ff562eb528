import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { z } from 'zod'
import { Invalid } from '../../domain/errors'
import * as keys from '../../store/keys'
import * as responses from '../../store/responses'
import type { AppEnv } from '../env'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonResponse, sessionSecurity } from '../schemas'
import { type ResponseItem, ResponseListQuery, ResponsePage } from './responses-schemas'
import { responseReader, type ResponseReader } from './responses-reader'

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

/** What a cursor carries: the month a page ended in and the last key read there. */
const CursorShape = z.strictObject({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  key: z.strictObject({ pk: z.string().min(1).max(200), sk: z.string().min(1).max(200) }),
})

const encodeCursor = (cursor: responses.Cursor) =>
  Buffer.from(JSON.stringify(cursor)).toString('base64url')

/** A cursor this API gave out, or 400 naming `cursor`: whatever else was sent is refused here. */
function decodeCursor(text: string): responses.Cursor {
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString())
  } catch {
    json = undefined
  }
  const parsed = CursorShape.safeParse(json)
  if (!parsed.success) throw new Invalid('The cursor is not one this API gave out.', 'cursor')
  return parsed.data
}

export const responsesApi = new OpenAPIHono<AppEnv>().openapi(listResponses, async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query')
  const practiceId = c.var.auth.practice.id
  const reader = responseReader(c, filters)
  const page: z.infer<typeof ResponseItem>[] = []
  let next: responses.Cursor | undefined = cursor ? decodeCursor(cursor) : undefined
  // A cursor from another practice's key would simply match nothing: the partition is ours.
  if (next && !keys.isUnderPractice(practiceId, String(next.key.pk)))
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

async function countMatching(c: Context<AppEnv>, reader: ResponseReader) {
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
