import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { SiteRefused, Unavailable } from '../../domain/errors'
import { ConnectedSource } from '../../domain/reviews/review'
import { connectorContextFor } from '../../ingest/reviews/connector-context'
import { syncSource } from '../../ingest/reviews/sync'
import { SyncFigures } from '../../store/review-sources'
import type { AppEnv } from '../env'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonResponse, sessionSecurity } from '../schemas'

const runSync = createRoute({
  method: 'post',
  path: '/review-sources/{source}/sync',
  tags: ['Review sites'],
  summary: 'Sync a connected review site now',
  description: 'A site refusing answers 502 (503 when it is down), saying what to do in `detail`.',
  security: sessionSecurity,
  middleware: [requireSession(), requireAbility('practice:manage')],
  request: {
    params: z.object({ source: ConnectedSource }),
    query: z.object({
      full: z.enum(['true', 'false']).optional().meta({
        description: 'Read every page and mark removed what is gone (default: only when due)',
      }),
    }),
  },
  responses: {
    200: jsonResponse(SyncFigures, 'What the sync found'),
    ...problemResponses(400, 401, 403, 404, 502, 503),
  },
})

export const reviewSyncApi = new OpenAPIHono<AppEnv>().openapi(runSync, async (c) => {
  const { source } = c.req.valid('param')
  const { full } = c.req.valid('query')
  const { config, secrets } = c.var.deps
  if (!secrets)
    throw new Unavailable('Review sites cannot be synced here: no secret store is configured.')
  const outcome = await syncSource(
    { db: c.var.db, secrets, context: connectorContextFor(config) },
    c.var.auth.practice.id,
    source,
    { full: full === 'true' },
  )
  if (outcome.error) {
    const later = outcome.error.code === 'unavailable' || outcome.error.code === 'rate-limited'
    throw new SiteRefused(
      `review-sync-${outcome.error.code}`,
      later ? 503 : 502,
      outcome.error.message,
    )
  }
  const { fetched, created, updated, removed, skipped } = outcome
  return c.json({ fetched, created, updated, removed, skipped }, 200)
})
