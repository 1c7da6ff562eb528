import { ulid } from 'ulid'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import { createLocalApp, listen, type StartedServer } from '../../../functions/src/local/server'
import { outboxMessenger } from '../../../functions/src/messaging/outbox'
import type { Db } from '../../../functions/src/store/db'
import * as sessions from '../../../functions/src/store/sessions'
import * as users from '../../../functions/src/store/users'
import { addMember, Caller, freshPractice } from '../../support/api'
import { BoardClient } from '../../support/board'
import { createBoard, joinAsGuest } from '../../support/boards'
import { testConfig, testDb } from '../../support/db'

// A board socket keeps only the rights its session still gives: signing out, being removed or
// demoted, a revoked guest link or a session that simply ended all end them. Everything goes
// through the local server over HTTP and /ws, as a browser would.
let db: Db
let server: StartedServer
let app: App
const open: BoardClient[] = []

beforeAll(async () => {
  db = await testDb()
  server = await listen(
    createLocalApp({ config: testConfig(), db, mailer: outboxMessenger(db) }),
    0,
    '127.0.0.1',
  )
  // Callers speak to the running server, so its hub hears what the routes tell it.
  app = {
    request: (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init),
  } as unknown as App
})
afterEach(async () => {
  vi.useRealTimers()
  await Promise.all(open.splice(0).map((c) => c.close()))
})
afterAll(() => server?.close())

/** Open the board's socket with a ticket from `caller`'s session, as the page does. */
async function socketOf(caller: Caller, boardId: string) {
  const ticket = await caller.post(`/api/boards/${boardId}/ticket`)
  expect(ticket.status, JSON.stringify(ticket.body)).toBe(200)
  const state = await caller.get(`/api/boards/${boardId}/state`)
  const client = await BoardClient.open(ticket.body.socketUrl, ticket.body.ticket)
  open.push(client)
  client.track(state.body)
  client.send({ type: 'sync', since: state.body.board.seq })
  await client.waitFor((m) => m.type === 'entries' && m.done)
  return client
}

// An area of the empathy map.
const note = () => ({ type: 'note.add' as const, noteId: ulid(), area: 'see', text: 'Long wait' })

describe('board socket rights', () => {
  it('end when the person signs out: their socket is closed at once (4403)', async () => {
    const { owner } = await freshPractice(app)
    const board = await createBoard(owner)
    const socket = await socketOf(owner, board.id)
    expect((await owner.delete('/api/session')).status).toBe(204)
    expect(await socket.closed).toEqual({ code: 4403, reason: 'Your access to this board ended' })
  })

  it('end when the person is removed, and change when their role does', async () => {
    const { owner } = await freshPractice(app)
    const board = await createBoard(owner)
    const staff = await addMember(app, owner, 'staff')
    const committee = await addMember(app, owner, 'committee')
    const staffSocket = await socketOf(staff.member, board.id)
    const committeeSocket = await socketOf(committee.member, board.id)
    expect(committeeSocket.all('welcome')[0]?.facilitator).toBe(false)

    // Promoted to manager: facilitates now, so the old socket (a participant's) is closed and
    // the page reconnects with a manager's ticket.
    expect((await owner.patch(`/api/team/${committee.userId}`, { role: 'manager' })).status).toBe(
      200,
    )
    expect((await committeeSocket.closed).code).toBe(4403)
    const again = await socketOf(committee.member, board.id)
    expect(again.all('welcome')[0]?.facilitator).toBe(true)

    expect((await owner.delete(`/api/team/${staff.userId}`)).status).toBe(204)
    expect((await staffSocket.closed).code).toBe(4403)
    expect((await staff.member.post(`/api/boards/${board.id}/ticket`)).status).toBe(401)
  })

  it('end with a session that ended without telling the hub, on the next write', async () => {
    const { owner } = await freshPractice(app)
    const board = await createBoard(owner)
    const socket = await socketOf(owner, board.id)
    await socket.entryFor(socket.op(note()))
    // The session is gone from the table (expired, or ended by another instance).
    await sessions.remove(db, decodeURIComponent(owner.cookie.split('=')[1]!))
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 11_000) // past the hub's 10-second trust in checked rights
    socket.op(note())
    expect((await socket.closed).code).toBe(4403)
    vi.useRealTimers()
    const state = await new Caller(app).get(`/api/boards/${board.id}/state`)
    expect(state.status).toBe(401)
  })

  it('end on the next write when every session of the person was ended elsewhere', async () => {
    const { owner, practiceId, ownerId } = await freshPractice(app)
    const board = await createBoard(owner)
    const socket = await socketOf(owner, board.id)
    await socket.entryFor(socket.op(note()))
    // Another instance signed them out everywhere (the session item stays; its epoch is old).
    await users.endSessions(db, practiceId, ownerId)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 11_000)
    socket.op(note())
    expect((await socket.closed).code).toBe(4403)
  })

  it('end on the next write after the session sat idle past its limit', async () => {
    const { owner } = await freshPractice(app)
    const board = await createBoard(owner)
    const socket = await socketOf(owner, board.id)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 31 * 60_000) // past the default 30 idle minutes
    socket.op(note())
    expect((await socket.closed).code).toBe(4403)
  })

  it('stay while the person writes on the board, and the writes keep their session alive', async () => {
    const { owner } = await freshPractice(app)
    const board = await createBoard(owner)
    const socket = await socketOf(owner, board.id)
    vi.useFakeTimers({ toFake: ['Date'] })
    // 40 minutes of a meeting with a note every 10 minutes and no page load in between.
    for (let minute = 10; minute <= 40; minute += 10) {
      vi.setSystemTime(Date.now() + 10 * 60_000)
      const entry = await socket.entryFor(socket.op(note()))
      expect(entry.op?.type).toBe('note.add')
    }
    expect((await owner.get('/api/me')).status).toBe(200)
  })
})

describe('guest links', () => {
  it('are listed to the facilitator with who made them, when, and how many joined; never a token', async () => {
    const { owner } = await freshPractice(app)
    const board = await createBoard(owner)
    const made = await owner.post(`/api/boards/${board.id}/guest-links`, { hours: 2 })
    await joinAsGuest(app, made.body.url, 'Pat')
    await joinAsGuest(app, made.body.url, 'Lee')
    const listed = await owner.get(`/api/boards/${board.id}/guest-links`)
    expect(listed.status).toBe(200)
    expect(listed.body.items).toEqual([
      {
        id: made.body.id,
        createdAt: expect.any(String),
        expiresAt: made.body.expiresAt,
        createdBy: board.createdBy,
        joined: 2,
        revokedAt: null,
      },
    ])
    expect(JSON.stringify(listed.body)).not.toContain(new URL(made.body.url).hash.slice(1))
  })

  it('revoked: later joins refused (410), its guests signed out and their sockets closed', async () => {
    const { owner } = await freshPractice(app)
    const board = await createBoard(owner)
    const revokedLink = await owner.post(`/api/boards/${board.id}/guest-links`, {})
    const keptLink = await owner.post(`/api/boards/${board.id}/guest-links`, {})
    const { guest } = await joinAsGuest(app, revokedLink.body.url, 'Pat')
    const { guest: stays } = await joinAsGuest(app, keptLink.body.url, 'Lee')
    const guestSocket = await socketOf(guest, board.id)
    const staysSocket = await socketOf(stays, board.id)

    const revoked = await owner.delete(`/api/boards/${board.id}/guest-links/${revokedLink.body.id}`)
    expect(revoked.status).toBe(204)
    expect(await guestSocket.closed).toEqual({ code: 4403, reason: 'This guest link was revoked' })
    expect((await guest.post(`/api/boards/${board.id}/ticket`)).status).toBe(401)
    const late = await new Caller(app).post('/api/guest/join', {
      token: new URL(revokedLink.body.url).hash.slice(1),
      name: 'Sam',
    })
    expect(late.status).toBe(410)
    // The other link's guest is still there and still writes.
    await staysSocket.entryFor(staysSocket.op(note()))
    const listed = await owner.get(`/api/boards/${board.id}/guest-links`)
    expect(listed.body.items.map((l: { revokedAt: string | null }) => !!l.revokedAt)).toEqual([
      true,
      false,
    ])
  })

  it('are listed and revoked by the facilitator only, naming a wrong id', async () => {
    const { owner } = await freshPractice(app)
    const board = await createBoard(owner)
    const staff = await addMember(app, owner, 'staff')
    const link = await owner.post(`/api/boards/${board.id}/guest-links`, {})
    const { guest } = await joinAsGuest(app, link.body.url, 'Pat')
    for (const caller of [staff.member, guest]) {
      expect((await caller.get(`/api/boards/${board.id}/guest-links`)).status).toBe(403)
      const del = await caller.delete(`/api/boards/${board.id}/guest-links/${link.body.id}`)
      expect(del.status).toBe(403)
    }
    const bad = await owner.delete(`/api/boards/${board.id}/guest-links/not-an-id`)
    expect([bad.status, bad.body.errors?.[0]?.field ?? bad.body.field]).toEqual([400, 'linkId'])
    const unknown = await owner.delete(`/api/boards/${board.id}/guest-links/${ulid()}`)
    expect(unknown.status).toBe(404)
  })
})
