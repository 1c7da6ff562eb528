import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import * as evidence from '../../store/evidence'
import type { AppEnv } from '../env'
import { problemResponses } from '../problem'
import { jsonResponse, sessionSecurity } from '../schemas'
import { boardAccess } from './boards-access'
import { EvidenceQuery, EvidenceQuote } from './boards-schemas'

const searchEvidence = createRoute({
  method: 'get',
  path: '/boards/{id}/evidence',
  tags: ['Boards'],
  summary: "Patients' comments of the last 12 months to quote on the board, newest first",
  description: `Comments of this practice matching every filter, with e-mail addresses, phone numbers and dates removed. Reads at most the ${evidence.evidenceScanLimit} newest commented responses. Quote one with the operation \`note.add\` and \`source: { kind: 'response', id }\`: the server writes the words itself.`,
  security: sessionSecurity,
  middleware: [boardAccess({ staffOnly: true })],
  request: {
    params: z.object({ id: z.string().meta({ description: 'The board id (ULID)' }) }),
    query: EvidenceQuery,
  },
  responses: {
    200: jsonResponse(z.object({ items: z.array(EvidenceQuote) }), 'Matching comments'),
    ...problemResponses(400, 401, 403, 404),
  },
})

export const boardEvidenceApi = new OpenAPIHono<AppEnv>().openapi(searchEvidence, async (c) => {
  const filter = c.req.valid('query')
  // Staff only (boardAccess), so the practice is the signed-in person's.
  const practice = c.var.boardAccess.auth!.practice
  const items = await evidence.search(c.var.db, practice, filter)
  return c.json({ items }, 200)
})
