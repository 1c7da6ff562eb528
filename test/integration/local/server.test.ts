import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { createLocalApp, listen, type StartedServer } from '../../../functions/src/local/server'
import { outboxMessenger } from '../../../functions/src/messaging/outbox'
import type { Db } from '../../../functions/src/store/db'
import { freshPractice, testApp } from '../../support/api'
import { BoardClient, freshBoard, ticketFor } from '../../support/board'
import { testConfig, testDb } from '../../support/db'

// The local server around the API: the web build with a single-page fallback, page security
// headers, and /ws on the same port. A small stand-in build keeps this independent of `npm run build`.
let server: StartedServer
let db: Db
let cookie: string
const wsUrl = () => `${server.url.replace('http', 'ws')}/ws`
let webBuildDir: string

beforeAll(async () => {
  db = await testDb()
  webBuildDir = mkdtempSync(join(tmpdir(), 'touchpoint-web-'))
  mkdirSync(join(webBuildDir, '_app/immutable'), { recursive: true })
  writeFileSync(join(webBuildDir, 'index.html'), '<!doctype html><title>Touchpoint shell</title>')
  writeFileSync(join(webBuildDir, '_app/immutable/app.abc123.js'), 'export {}')
  writeFileSync(
    join(webBuildDir, '_app/immutable/big.def456.js'),
    `export const words = ${JSON.stringify('patient experience '.repeat(500))}`,
  )
  const app = createLocalApp(
    { config: testConfig(), db, mailer: outboxMessenger(db) },
    { webBuildDir },
  )
  server = await listen(app, 0, '127.0.0.1')
  cookie = (await freshPractice(testApp(db))).owner.cookie
})
afterAll(() => server?.close())

describe('the local server', () => {
  it('serves the app shell for any page, with a strict content security policy', async () => {
    const res = await fetch(`${server.url}/settings/team`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Touchpoint shell')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(res.headers.get('x-frame-options')).toBe('DENY')
  })

  it('caches hashed assets for a year and answers API misses as problems, not the shell', async () => {
    const asset = await fetch(`${server.url}/_app/immutable/app.abc123.js`)
    expect(asset.headers.get('cache-control')).toContain('immutable')
    const api = await fetch(`${server.url}/api/no-such-route`)
    expect(api.status).toBe(404)
    expect(api.headers.get('content-type')).toBe('application/problem+json')
  })

  it.each([
    ['PATCH', '/api/practice/anything', 404],
    ['POST', '/api/session/x', 404],
    ['PUT', '/api/session', 405],
  ])('answers %s %s with %i problem+json, not a text 404', async (method, path, status) => {
    const res = await fetch(`${server.url}${path}`, { method })
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    if (status === 405) expect(res.headers.get('allow')).toBe('DELETE, POST')
  })

  it('sends scripts gzipped to a browser that accepts it, as CloudFront does', async () => {
    const path = `${server.url}/_app/immutable/big.def456.js`
    const zipped = await fetch(path, { headers: { 'accept-encoding': 'gzip' } })
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    // fetch unzips: the script arrives whole.
    expect(await zipped.text()).toContain('patient experience patient experience')
    const plain = await fetch(path, { headers: { 'accept-encoding': 'identity' } })
    expect(plain.headers.get('content-encoding')).toBeNull()
  })

  it('serves a rebuilt app shell without a restart', async () => {
    writeFileSync(join(webBuildDir, 'index.html'), '<!doctype html><title>Rebuilt shell</title>')
    expect(await (await fetch(`${server.url}/responses`)).text()).toContain('Rebuilt shell')
  })

  it('opens /ws with a board ticket and answers sync with a welcome', async () => {
    const t = await freshBoard(db)
    const client = await BoardClient.open(wsUrl(), await ticketFor(t, t.facilitator))
    try {
      client.send({ type: 'sync', since: 0 })
      expect(await client.waitFor((m) => m.type === 'welcome')).toMatchObject({
        boardId: t.board.id,
        you: t.facilitator,
        facilitator: true,
      })
    } finally {
      await client.close()
    }
  })

  it('closes /ws for a socket without a valid ticket, even a signed-in one (4401)', async () => {
    for (const url of [wsUrl(), `${wsUrl()}?ticket=made-up`]) {
      const closeCode = await new Promise<number>((done, fail) => {
        const socket = new WebSocket(url, { headers: { cookie } })
        socket.once('close', (code) => done(code))
        socket.once('error', fail)
      })
      expect(closeCode).toBe(4401)
    }
  })

  it('does not spend a ticket on a request that is not a socket upgrade', async () => {
    const t = await freshBoard(db)
    const ticket = await ticketFor(t, t.facilitator)
    await fetch(`${server.url}/ws?ticket=${ticket}`)
    const client = await BoardClient.open(wsUrl(), ticket)
    try {
      client.send({ type: 'ping' })
      expect(await client.waitFor((m) => m.type === 'pong')).toEqual({ type: 'pong', seq: 0 })
    } finally {
      await client.close()
    }
  })
})
