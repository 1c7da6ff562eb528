import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import {
  consumeTicket,
  createGuestLink,
  createGuestSession,
  findGuestLink,
  issueTicket,
} from '../../../functions/src/store/board-access'
import { commitOperation } from '../../../functions/src/store/board-ops'
import type { Db } from '../../../functions/src/store/db'
import { Caller, freshPractice, testApp } from '../../support/api'
import { createBoard, joinAsGuest, linkToken, staffOf } from '../../support/boards'
import { testDb } from '../../support/db'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db)
})

/** A practice with two boards, and a guest who joined the first from a link. */
async function boardWithGuest() {
  const practice = await freshPractice(app)
  const board = await createBoard(practice.owner, { title: 'Guests welcome' })
  const other = await createBoard(practice.owner, { title: 'Staff only' })
  const link = await practice.owner.post(`/api/boards/${board.id}/guest-links`, {})
  expect(link.status).toBe(201)
  const joined = await joinAsGuest(app, link.body.url, '  Pat Guest  ')
  return { ...practice, board, other, link: link.body, ...joined }
}

describe('guest links', () => {
  it('are made by the facilitator, last 12 hours unless asked otherwise, and open /guest', async () => {
    const { owner } = await freshPractice(app)
    const board = await createBoard(owner)
    const res = await owner.post(`/api/boards/${board.id}/guest-links`, {})
    expect(res.status).toBe(201)
    expect(res.body.url).toMatch(/^http:\/\/localhost:8787\/guest#[\w-]{43}$/)
    const hours = (Date.parse(res.body.expiresAt) - Date.now()) / 3600_000
    expect(hours).toBeGreaterThan(11.9)
    expect(hours).toBeLessThanOrEqual(12)
    const week = await owner.post(`/api/boards/${board.id}/guest-links`, { hours: 168 })
    expect(Date.parse(week.body.expiresAt) - Date.now()).toBeGreaterThan(167 * 3600_000)

    const publicApp = testApp(db, { PUBLIC_URL: 'https://touchpoint.example.test' })
    const viaPublic = await publicApp.request(`/api/boards/${board.id}/guest-links`, {
      method: 'POST',
      headers: {
        cookie: owner.cookie,
        'x-csrf-token': owner.csrfToken,
        'content-type': 'application/json',
      },
      body: '{}',
    })
    expect(((await viaPublic.json()) as { url: string }).url).toMatch(
      /^https:\/\/touchpoint\.example\.test\/guest#/,
    )
    // The link names its board and practice only in the table, never in the URL.
    expect(await findGuestLink(db, linkToken(res.body.url))).toMatchObject({ boardId: board.id })
    expect(res.body.url).not.toContain(board.id)
  })

  it('let a guest join with a name, and set an HttpOnly cookie that ends with the link', async () => {
    const { board, participant, setCookie, guest, link } = await boardWithGuest()
    expect(participant).toEqual({
      id: expect.stringMatching(/^g_/),
      name: 'Pat Guest',
      kind: 'guest',
    })
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Lax/)
    expect(setCookie).toMatch(/Path=\//)
    expect(setCookie).not.toMatch(/Secure/) // COOKIE_SECURE=false in tests
    const maxAge = Number(/Max-Age=(\d+)/.exec(setCookie)?.[1])
    expect(Math.abs(maxAge - (Date.parse(link.expiresAt) - Date.now()) / 1000)).toBeLessThan(5)

    const me = await guest.get(`/api/boards/${board.id}/me`)
    expect(me.status).toBe(200)
    expect(me.body).toEqual({
      participant,
      facilitator: false,
      csrfToken: guest.csrfToken,
      canSearchEvidence: false,
      canManageActions: false,
      // A guest opens no governance case from the board's actions.
      canOpenCases: false,
    })
  })

  it('set the Secure flag when the configuration says so', async () => {
    const secureApp = testApp(db, { COOKIE_SECURE: 'true' })
    const { owner } = await freshPractice(app)
    const board = await createBoard(owner)
    const link = await owner.post(`/api/boards/${board.id}/guest-links`, {})
    const res = await secureApp.request('/api/guest/join', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: linkToken(link.body.url), name: 'Sam' }),
    })
    expect(res.status).toBe(201)
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/)
  })

  it('answer 404 for an unknown token and 410 once expired or once the board is archived', async () => {
    const { owner, practiceId } = await freshPractice(app)
    const board = await createBoard(owner)
    const unknown = await new Caller(app).post('/api/guest/join', {
      token: 'x'.repeat(43),
      name: 'Pat',
    })
    expect([unknown.status, unknown.body.type]).toEqual([
      404,
      'https://touchpoint.dev/problems/not-found',
    ])

    const { token: expired } = await createGuestLink(db, {
      practiceId,
      boardId: board.id,
      expiresAt: new Date(Date.now() - 1000),
      createdBy: board.createdBy,
    })
    const late = new Caller(app)
    const res = await late.post('/api/guest/join', { token: expired, name: 'Pat' })
    expect([res.status, res.body.type]).toEqual([410, 'https://touchpoint.dev/problems/gone'])
    expect(res.headers.get('set-cookie')).toBeNull()

    const link = await owner.post(`/api/boards/${board.id}/guest-links`, {})
    expect((await owner.post(`/api/boards/${board.id}/archive`, { archived: true })).status).toBe(
      200,
    )
    const archived = await new Caller(app).post('/api/guest/join', {
      token: linkToken(link.body.url),
      name: 'Pat',
    })
    expect(archived.status).toBe(410)
  })
})

describe('a guest', () => {
  it('reads the board it joined: state, history, export, and gets socket tickets', async () => {
    const { board, guest } = await boardWithGuest()
    const state = await guest.get(`/api/boards/${board.id}/state`)
    expect(state.status).toBe(200)
    expect(state.body).toEqual({ board, notes: {}, actions: {} })
    expect((await guest.get(`/api/boards/${board.id}/history`)).body).toEqual({
      entries: [],
      next: null,
    })
    const exported = await guest.get(`/api/boards/${board.id}/export.md`)
    expect(exported.status).toBe(200)
    expect(exported.body).toContain('# Guests welcome')
    const ticket = await guest.post(`/api/boards/${board.id}/ticket`)
    expect(ticket.status).toBe(200)
    expect(ticket.body.socketUrl).toBe('ws://localhost/ws')
  })

  it('cannot read the words of face-down notes through the history or the export', async () => {
    const { board, guest, owner, ownerId, practiceId } = await boardWithGuest()
    const facilitator = { participant: staffOf(ownerId), facilitator: true }
    await commitOperation(db, {
      practiceId,
      boardId: board.id,
      opId: ulid(),
      op: { type: 'board.hide', hidden: true },
      actor: facilitator,
      at: new Date(),
    })
    for (const path of ['history', 'export.md']) {
      const refused = await guest.get(`/api/boards/${board.id}/${path}`)
      expect(refused.status, path).toBe(409)
      expect(refused.body.type).toMatch(/\/notes-hidden$/)
      expect((await owner.get(`/api/boards/${board.id}/${path}`)).status, path).toBe(200)
    }
    await commitOperation(db, {
      practiceId,
      boardId: board.id,
      opId: ulid(),
      op: { type: 'board.hide', hidden: false },
      actor: facilitator,
      at: new Date(),
    })
    expect((await guest.get(`/api/boards/${board.id}/history`)).status).toBe(200)
  })

  it('cannot open another board, nor any staff route', async () => {
    const { other, guest } = await boardWithGuest()
    const elsewhere = await freshPractice(app)
    const foreign = await createBoard(elsewhere.owner)
    for (const id of [other.id, foreign.id]) {
      for (const path of ['state', 'me', 'history', 'export.md']) {
        expect((await guest.get(`/api/boards/${id}/${path}`)).status, `${path} of ${id}`).toBe(404)
      }
      expect((await guest.post(`/api/boards/${id}/ticket`)).status).toBe(404)
    }
    for (const path of ['/api/responses', '/api/boards', '/api/canvases', '/api/me', '/api/team']) {
      expect((await guest.get(path)).status, path).toBe(401)
    }
    expect(
      (await guest.post('/api/boards', { title: 'Mine', persona: 'P', canvasId: 'empathy-map' }))
        .status,
    ).toBe(401)
  })

  it('may not facilitate, search comments, or write without its CSRF token', async () => {
    const { board, guest } = await boardWithGuest()
    expect((await guest.post(`/api/boards/${board.id}/guest-links`, {})).status).toBe(403)
    expect((await guest.post(`/api/boards/${board.id}/archive`, { archived: true })).status).toBe(
      403,
    )
    expect((await guest.get(`/api/boards/${board.id}/evidence`)).status).toBe(403)
    const noToken = guest.clone()
    noToken.cookie = guest.cookie
    noToken.csrfToken = ''
    const res = await noToken.post(`/api/boards/${board.id}/ticket`)
    expect([res.status, res.body.field]).toEqual([403, 'x-csrf-token'])
  })

  it('is let in as a guest even while signed in to another practice', async () => {
    const { board, guest } = await boardWithGuest()
    const visitor = await freshPractice(app)
    const both = visitor.owner.clone()
    both.cookie = `${visitor.owner.cookie}; ${guest.cookie}`
    both.csrfToken = guest.csrfToken
    const me = await both.get(`/api/boards/${board.id}/me`)
    expect(me.status).toBe(200)
    expect(me.body.participant.kind).toBe('guest')
    expect((await both.post(`/api/boards/${board.id}/ticket`)).status).toBe(200)
  })

  it('is signed out when its session expires', async () => {
    const { owner, practiceId } = await freshPractice(app)
    const board = await createBoard(owner)
    const { token } = await createGuestSession(db, {
      practiceId,
      boardId: board.id,
      participant: { id: 'g_01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B', name: 'Old', kind: 'guest' },
      expiresAt: new Date(Date.now() - 1000),
    })
    const stale = new Caller(app)
    stale.cookie = `tp_guest=${token}`
    expect((await stale.get(`/api/boards/${board.id}/state`)).status).toBe(401)
  })
})

describe('socket tickets', () => {
  it('grant the caller on the board once, and expire after a minute', async () => {
    const { board, guest, participant, practiceId, owner, ownerId } = await boardWithGuest()
    const { ticket } = (await guest.post(`/api/boards/${board.id}/ticket`)).body
    const grant = await consumeTicket(db, ticket)
    // With the guest's session (by its hash) and link, so the socket's rights end with them.
    expect(grant).toEqual({
      practiceId,
      boardId: board.id,
      participant,
      facilitator: false,
      credential: { kind: 'guest', sessionHash: expect.any(String), linkId: expect.any(String) },
    })
    expect(await consumeTicket(db, ticket)).toBeUndefined()

    const staffTicket = (await owner.post(`/api/boards/${board.id}/ticket`)).body.ticket
    expect(await consumeTicket(db, staffTicket)).toEqual({
      practiceId,
      boardId: board.id,
      participant: staffOf(ownerId),
      facilitator: true,
      credential: { kind: 'staff', sessionHash: expect.any(String) },
    })

    const old = await issueTicket(
      db,
      { practiceId, boardId: board.id, participant, facilitator: false },
      new Date(Date.now() - 61_000),
    )
    expect(await consumeTicket(db, old.ticket)).toBeUndefined()
    expect(await consumeTicket(db, '')).toBeUndefined()
    expect(await consumeTicket(db, 'not a ticket')).toBeUndefined()
  })
})
