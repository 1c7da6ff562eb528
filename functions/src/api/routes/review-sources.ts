import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { Invalid, NotFound, Unavailable } from '../../domain/errors'
import { type ConnectedSource, connectedSources } from '../../domain/reviews/review'
import {
  connectionSchemas,
  type Connection,
  type SourceLocation,
  splitConnection,
} from '../../domain/reviews/sources'
import type { SecretStore } from '../../secrets/secret-store'
import type { Db } from '../../store/db'
import * as locations from '../../store/locations'
import * as reviewSources from '../../store/review-sources'
import type { AppEnv } from '../env'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonBody, jsonResponse, sessionSecurity } from '../schemas'
import {
  ReviewSourceList,
  ReviewSourceLocations,
  ReviewSourceView,
  SourceParam,
} from './review-sources-schemas'

/** Where a manager reads how each site's API is set up (the page's guides say it in steps). */
const guides: Record<ConnectedSource, string> = {
  google: 'https://developers.google.com/my-business/content/prereqs',
  yelp: 'https://docs.developer.yelp.com/reference/v3_business_reviews',
  facebook: 'https://developers.facebook.com/docs/graph-api/reference/page/ratings/',
}

const tags = ['Review sites']
const guarded = {
  security: sessionSecurity,
  middleware: [requireSession(), requireAbility('practice:manage')],
}

const listSources = createRoute({
  method: 'get',
  path: '/review-sources',
  tags,
  summary: 'Every review site, connected or not, with how its last syncs went (never a secret)',
  ...guarded,
  responses: {
    200: jsonResponse(ReviewSourceList, 'One item per site'),
    ...problemResponses(401, 403),
  },
})

const putSource = (source: ConnectedSource) =>
  createRoute({
    method: 'put',
    path: `/review-sources/${source}`,
    tags,
    summary: `Connect ${source} (or replace its credentials); the secrets are stored, never answered`,
    ...guarded,
    request: jsonBody(connectionSchemas[source]),
    responses: {
      200: jsonResponse(ReviewSourceView, 'The source as saved, without its secrets'),
      ...problemResponses(400, 401, 403, 503),
    },
  })

const patchSource = createRoute({
  method: 'patch',
  path: '/review-sources/{source}',
  tags,
  summary: 'Change which site place is which location, keeping the saved secrets',
  ...guarded,
  request: { params: SourceParam, ...jsonBody(ReviewSourceLocations) },
  responses: {
    200: jsonResponse(ReviewSourceView, 'The source as saved'),
    ...problemResponses(400, 401, 403, 404),
  },
})

const deleteSource = createRoute({
  method: 'delete',
  path: '/review-sources/{source}',
  tags,
  summary: 'Disconnect a site: its secrets are deleted, the reviews already stored stay',
  ...guarded,
  request: { params: SourceParam },
  responses: {
    204: { description: 'Disconnected' },
    ...problemResponses(401, 403, 404, 503),
  },
})

function connectRoute(source: ConnectedSource) {
  return async (c: Context<AppEnv>) => {
    const secrets = secretStoreOf(c)
    const practiceId = c.var.auth.practice.id
    // One handler for three routes: each route's own schema has already validated this body.
    const body = (c.req.valid as (target: 'json') => Connection<typeof source>)('json')
    const { settings, secrets: secret } = splitConnection(source, body)
    await checkLocations(c.var.db, practiceId, settings.locations)
    // The secret first: a source that shows as connected always has credentials to sync with.
    await secrets.put(practiceId, source, secret)
    const record = await reviewSources.connect(c.var.db, practiceId, source, settings)
    return c.json(viewOf(source, record), 200)
  }
}

export const reviewSourcesApi = new OpenAPIHono<AppEnv>()
  .openapi(listSources, async (c) => {
    const stored = await reviewSources.list(c.var.db, c.var.auth.practice.id)
    const items = connectedSources.map((source) =>
      viewOf(
        source,
        stored.find((record) => record.source === source),
      ),
    )
    return c.json({ items }, 200)
  })
  .openapi(putSource('google'), connectRoute('google'))
  .openapi(putSource('yelp'), connectRoute('yelp'))
  .openapi(putSource('facebook'), connectRoute('facebook'))
  .openapi(patchSource, async (c) => {
    const { source } = c.req.valid('param')
    const { locations: mapping } = c.req.valid('json')
    const practiceId = c.var.auth.practice.id
    const current = await reviewSources.get(c.var.db, practiceId, source)
    if (!current) throw new NotFound('connected review site')
    await checkLocations(c.var.db, practiceId, mapping)
    const record = await reviewSources.connect(c.var.db, practiceId, source, {
      accountId: current.accountId,
      locations: mapping,
    })
    // New places, same credentials: a site that refused them still needs reconnecting.
    if (current.sync.needsReconnect) {
      await reviewSources.recordSync(c.var.db, practiceId, source, { needsReconnect: true })
    }
    return c.json(viewOf(source, { ...record, sync: current.sync }), 200)
  })
  .openapi(deleteSource, async (c) => {
    const { source } = c.req.valid('param')
    const secrets = secretStoreOf(c)
    const practiceId = c.var.auth.practice.id
    if (!(await reviewSources.get(c.var.db, practiceId, source))) {
      throw new NotFound('connected review site')
    }
    // The record first: once it is gone no sync starts, so none can read a half-deleted secret.
    await reviewSources.disconnect(c.var.db, practiceId, source)
    await secrets.delete(practiceId, source)
    return c.body(null, 204)
  })

function secretStoreOf(c: Context<AppEnv>): SecretStore {
  const { secrets } = c.var.deps
  if (!secrets) {
    throw new Unavailable('Review sites cannot be connected here: no secret store is configured.')
  }
  return secrets
}

/**
 * Every mapped location must be one of the practice's own, and each site place may be mapped once
 * (two locations cannot both own a place's reviews). Every wrong entry is named, not just the first.
 */
async function checkLocations(db: Db, practiceId: string, mapping: SourceLocation[]) {
  const known = new Set((await locations.list(db, practiceId)).map((location) => location.id))
  const seen = new Set<string>()
  const errors: { field: string; message: string }[] = []
  mapping.forEach(({ externalId, locationId }, i) => {
    if (!known.has(locationId)) {
      errors.push({
        field: `locations.${i}.locationId`,
        message: 'No such location in this practice.',
      })
    }
    if (seen.has(externalId)) {
      errors.push({
        field: `locations.${i}.externalId`,
        message: 'This place is already mapped above.',
      })
    }
    seen.add(externalId)
  })
  if (errors.length) throw new Invalid(errors[0]!.message, errors[0]!.field, errors)
}

function viewOf(
  source: ConnectedSource,
  record: reviewSources.ReviewSourceRecord | undefined,
): ReviewSourceView {
  const guide = guides[source]
  if (!record) return { source, connected: false, locations: [], needsReconnect: false, guide }
  const { sync } = record
  return {
    source,
    connected: true,
    locations: record.locations,
    ...(record.accountId ? { accountId: record.accountId } : {}),
    connectedAt: record.connectedAt,
    updatedAt: record.updatedAt,
    ...(sync.lastRun ? { lastRun: sync.lastRun } : {}),
    ...(sync.lastSuccess ? { lastSuccess: sync.lastSuccess } : {}),
    ...(sync.lastError ? { lastError: sync.lastError } : {}),
    ...(sync.lastFigures ? { lastFigures: sync.lastFigures } : {}),
    ...(sync.lastFullSweep ? { lastFullSweep: sync.lastFullSweep } : {}),
    needsReconnect: sync.needsReconnect,
    guide,
  }
}
