import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../../functions/src/api/app'
import { outboxMessenger } from '../../../functions/src/messaging/outbox'
import { localFileSecrets } from '../../../functions/src/secrets/local-file-secrets'
import type { SecretStore } from '../../../functions/src/secrets/secret-store'
import { addMember, Caller, freshPractice } from '../../support/api'
import { testConfig, testDb } from '../../support/db'

/**
 * Two practices, each with all three review sites connected. Every review-source route (read from
 * the OpenAPI document, so a new one cannot be forgotten) is called by practice B aimed at what A
 * has; A's settings and secrets must be unchanged, and no answer to anyone, A included, may carry
 * a secret.
 */
let app: App
let secrets: SecretStore
let a: Awaited<ReturnType<typeof connectedPractice>>
let b: Awaited<ReturnType<typeof connectedPractice>>
let operations: { method: string; path: string; hasBody: boolean }[]

async function connectedPractice(name: string) {
  const practice = await freshPractice(app, name)
  const { owner } = practice
  const locationId = (await owner.post('/api/locations', { name: `${name} North` })).body
    .id as string
  const connections = {
    google: {
      clientId: `${name}-google-client-id`,
      clientSecret: `${name}-google-client-secret`,
      refreshToken: `${name}-google-refresh-token`,
      accountId: '4242',
      locations: [{ externalId: `locations/${name}-place`, locationId }],
    },
    yelp: {
      apiKey: `${name}-yelp-api-key`,
      locations: [{ externalId: `${name}-biz`, locationId }],
    },
    facebook: {
      pageAccessToken: `${name}-facebook-page-token`,
      locations: [{ externalId: `${name}-page`, locationId }],
    },
  }
  for (const [source, body] of Object.entries(connections)) {
    const res = await owner.request('PUT', `/api/review-sources/${source}`, body)
    if (res.status !== 200)
      throw new Error(`could not connect ${source}: ${JSON.stringify(res.body)}`)
  }
  const staff = await addMember(app, owner, 'staff')
  return {
    ...practice,
    staff,
    locationId,
    secretStrings: [
      connections.google.clientId,
      connections.google.clientSecret,
      connections.google.refreshToken,
      connections.yelp.apiKey,
      connections.facebook.pageAccessToken,
    ],
    // Not secret from A itself, but nothing B may see.
    privateStrings: [locationId, `${name}-biz`, `${name}-page`, `locations/${name}-place`],
  }
}

function sampleBody(key: string, other: typeof a): unknown {
  const locations = [{ externalId: 'probe-place', locationId: other.locationId }]
  const bodies: Record<string, unknown> = {
    'PUT /api/review-sources/google': {
      clientId: 'probe',
      clientSecret: 'probe',
      refreshToken: 'probe',
      accountId: '1',
      locations,
    },
    'PUT /api/review-sources/yelp': { apiKey: 'probe', locations },
    'PUT /api/review-sources/facebook': { pageAccessToken: 'probe', locations },
    'PATCH /api/review-sources/{source}': { locations },
  }
  if (!(key in bodies)) throw new Error(`no sample body for ${key}: add one`)
  return bodies[key]
}

const fill = (path: string, source: string) => path.replace('{source}', source)

async function stateOf(practice: typeof a) {
  const listed = (await practice.owner.get('/api/review-sources')).body
  const stored = await Promise.all(
    (['google', 'yelp', 'facebook'] as const).map((source) =>
      secrets.get(practice.practiceId, source),
    ),
  )
  return { listed, stored }
}

beforeAll(async () => {
  const db = await testDb()
  secrets = localFileSecrets(mkdtempSync(join(tmpdir(), 'touchpoint-secrets-')))
  // A route that reaches out to a site (a sync) meets a closed local port, never the real host.
  const nowhere = 'http://127.0.0.1:9'
  const config = testConfig({
    GOOGLE_BUSINESS_API_URL: nowhere,
    GOOGLE_OAUTH_TOKEN_URL: `${nowhere}/token`,
    YELP_API_URL: nowhere,
    FACEBOOK_GRAPH_URL: nowhere,
  })
  app = createApp({ config, db, mailer: outboxMessenger(db), secrets })
  a = await connectedPractice('Alder Clinic')
  b = await connectedPractice('Birch Clinic')
  const doc = (await (await app.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, { requestBody?: unknown }>>
  }
  operations = Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/review-sources'))
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        hasBody: op.requestBody !== undefined,
      })),
    )
})

describe('review sources tenancy', () => {
  it('reads every review-source route from the OpenAPI document', () => {
    const keys = operations.map((op) => `${op.method} ${op.path}`)
    for (const expected of [
      'GET /api/review-sources',
      'PUT /api/review-sources/google',
      'PUT /api/review-sources/yelp',
      'PUT /api/review-sources/facebook',
      'PATCH /api/review-sources/{source}',
      'DELETE /api/review-sources/{source}',
    ]) {
      expect(keys).toContain(expected)
    }
  })

  it("never lets practice B read or change A's review sites, and never answers a secret", async () => {
    const before = await stateOf(a)
    // B's disconnects go last, so every other route meets B's sites connected.
    const deletesLast = [...operations].sort(
      (x, y) => Number(x.method === 'DELETE') - Number(y.method === 'DELETE'),
    )
    for (const op of deletesLast) {
      const key = `${op.method} ${op.path}`
      for (const source of op.path.includes('{source}') ? ['google', 'yelp', 'facebook'] : ['-']) {
        for (const caller of [b.staff.member, b.owner]) {
          const body = op.hasBody ? sampleBody(key, a) : undefined
          const res = await caller.clone().request(op.method, fill(op.path, source), body)
          const text = JSON.stringify(res.body ?? '')
          for (const leaked of [...a.secretStrings, ...a.privateStrings, ...b.secretStrings]) {
            expect(text, `${key} (${source}) as B leaked ${leaked}`).not.toContain(leaked)
          }
          // B's staff may not touch settings at all; a body naming A's location is refused.
          if (caller === b.staff.member) expect(res.status, key).toBe(403)
          else if (op.hasBody) expect(res.status, `${key} (${source})`).toBe(400)
        }
      }
    }
    expect(await stateOf(a)).toEqual(before)
  })

  it("never puts a practice's own secrets in its own answers", async () => {
    for (const path of ['/api/review-sources', '/api/openapi.json']) {
      const text = JSON.stringify((await a.owner.get(path)).body)
      for (const secret of a.secretStrings) expect(text, path).not.toContain(secret)
    }
    const res = await a.owner.patch('/api/review-sources/yelp', {
      locations: [{ externalId: 'Alder Clinic-biz', locationId: a.locationId }],
    })
    expect(res.status).toBe(200)
    for (const secret of a.secretStrings) expect(JSON.stringify(res.body)).not.toContain(secret)
  })

  it('answers 401 problem+json to every review-source route without a session', async () => {
    for (const op of operations) {
      const key = `${op.method} ${op.path}`
      const res = await new Caller(app).request(
        op.method,
        fill(op.path, 'yelp'),
        op.hasBody ? sampleBody(key, a) : undefined,
      )
      expect(res.status, key).toBe(401)
      expect(res.headers.get('content-type'), key).toBe('application/problem+json')
    }
  })
})
