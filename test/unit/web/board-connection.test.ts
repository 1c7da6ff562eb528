import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { publicNote, publicState } from '../../../functions/src/domain/boards/board'
import type { Entry } from '../../../functions/src/domain/boards/history'
import { BoardConnection } from '../../../web/src/lib/board/connection.svelte'
import { boardOf, guest, noteOf, now, staff, stateOf, testId } from '../../support/board-fixtures'
import { FakeSocket, fakeFetch, json } from '../../support/board-web'

const boardId = testId(900)
const base = `/api/boards/${boardId}`
const me = guest(5, 'Ana')
const other = staff(6, 'Ben')
const existing = noteOf(other, { id: testId(1), area: 'says', order: 1 })

function server(seq = 4) {
  return publicState(stateOf(boardOf({ seq }), [existing]))
}

function connect(routes: Record<string, unknown> = {}) {
  const http = fakeFetch({
    [`GET ${base}/me`]: {
      participant: me,
      facilitator: false,
      csrfToken: 'guest-csrf',
      canSearchEvidence: false,
      canManageActions: false,
    },
    [`GET ${base}/state`]: server(),
    [`POST ${base}/ticket`]: { ticket: 'tk', socketUrl: 'ws://localhost/ws' },
    ...routes,
  })
  const connection = new BoardConnection(boardId, {
    fetch: http.fetch,
    environment: {
      WebSocket: FakeSocket as unknown as typeof WebSocket,
      events: null,
      online: () => true,
      baseUrl: () => 'http://localhost/',
    },
  })
  return { connection, http }
}

async function live(routes?: Record<string, unknown>) {
  const made = connect(routes)
  await made.connection.start()
  const socket = FakeSocket.last
  socket.open()
  socket.deliver({
    type: 'welcome',
    boardId,
    you: me,
    facilitator: false,
    serverTime: now.toISOString(),
  })
  return { ...made, socket }
}

function entryFor(opId: string, seq: number, note = existing): Entry {
  return {
    seq,
    opId,
    op: { type: 'note.colour', noteId: note.id, colour: 'blue' },
    actor: me,
    at: now.toISOString(),
    changes: {
      board: null,
      notes: [publicNote({ ...note, colour: 'blue', version: note.version + 1 })],
      removedNotes: [],
      actions: [],
      removedActions: [],
    },
  }
}

beforeEach(() => {
  vi.useFakeTimers()
  FakeSocket.reset()
})
afterEach(() => vi.useRealTimers())

describe('BoardConnection', () => {
  it('loads who I am and the board over HTTP, then goes live on the socket', async () => {
    const { connection, socket, http } = await live()
    expect(http.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `GET ${base}/me`,
      `GET ${base}/state`,
      `POST ${base}/ticket`,
    ])
    expect(http.calls[2]?.headers['x-csrf-token']).toBe('guest-csrf')
    expect(socket.url).toBe('ws://localhost/ws?ticket=tk')
    expect(connection.status).toBe('live')
    expect(connection.me?.participant).toEqual(me)
    expect(connection.view).toEqual(server())
  })

  it('shows an operation at once, sends it, and settles when its entry arrives', async () => {
    const { connection, socket } = await live()
    const told: Entry[] = []
    connection.onEntry((entry) => told.push(entry))
    const opId = connection.send({ type: 'note.colour', noteId: existing.id, colour: 'blue' })
    expect(connection.view?.notes[existing.id]?.colour).toBe('blue')
    expect(connection.pendingCount).toBe(1)
    expect(connection.pendingNoteIds.has(existing.id)).toBe(true)
    expect(socket.sentOf('op')).toEqual([
      { type: 'op', opId, op: { type: 'note.colour', noteId: existing.id, colour: 'blue' } },
    ])
    socket.deliver({ type: 'entry', entry: entryFor(opId, 5) })
    expect(connection.pendingCount).toBe(0)
    expect(connection.pendingNoteIds.size).toBe(0)
    expect(connection.view?.board.seq).toBe(5)
    expect(connection.view?.notes[existing.id]?.colour).toBe('blue')
    expect(told.map((e) => e.opId)).toEqual([opId])
    expect(connection.sentHere(opId)).toBe(true)
  })

  it('takes back a refused operation and says why', async () => {
    const { connection, socket } = await live()
    const opId = connection.send({ type: 'note.edit', noteId: existing.id, text: 'Mine now' })
    expect(connection.view?.notes[existing.id]?.text).toBe('Mine now')
    socket.deliver({
      type: 'refused',
      opId,
      status: 403,
      code: 'forbidden',
      detail: 'Only its author or the facilitator can edit this note.',
    })
    expect(connection.view?.notes[existing.id]?.text).toBe(existing.text)
    expect(connection.refusal).toMatchObject({ opId, code: 'forbidden' })
    expect(connection.pendingCount).toBe(0)
  })

  it('keeps what was sent through a lost connection and sends it again on the next', async () => {
    const { connection, socket } = await live()
    const opId = connection.send({ type: 'vote.add', noteId: existing.id })
    socket.drop()
    expect(connection.status).toBe('reconnecting')
    expect(connection.pendingCount).toBe(1)
    await vi.advanceTimersByTimeAsync(1000)
    const next = FakeSocket.last
    expect(next).not.toBe(socket)
    next.open()
    expect(next.sent).toEqual([
      { type: 'sync', since: 4 },
      { type: 'op', opId, op: { type: 'vote.add', noteId: existing.id } },
    ])
    next.deliver({ type: 'ack', opId, seq: 3 })
    expect(connection.pendingCount).toBe(0)
  })

  it('loads the board again when told to reload', async () => {
    const later = publicState(stateOf(boardOf({ seq: 40 }), []))
    let reads = 0
    const { connection, socket } = await live({
      [`GET ${base}/state`]: () => (++reads === 1 ? server() : later),
    })
    socket.deliver({ type: 'reload' })
    await vi.advanceTimersByTimeAsync(0)
    expect(connection.view?.board.seq).toBe(40)
    expect(connection.view?.notes).toEqual({})
  })

  it('remembers notes written anonymously here as mine', async () => {
    const { connection } = await live()
    const noteId = testId(30)
    connection.send({ type: 'note.add', noteId, area: 'feels', text: 'Scared', anonymous: true })
    expect(connection.ownNoteIds).toEqual([noteId])
    expect(connection.isMine({ id: noteId, author: null })).toBe(true)
    expect(connection.isMine({ id: existing.id, author: other })).toBe(false)
  })

  it('ends for good on a 404, and reads a Markdown export as text with the board’s token', async () => {
    const gone = connect({ [`GET ${base}/me`]: json({ title: 'Not found' }, 404) })
    await gone.connection.start()
    expect(gone.connection.status).toBe('not-found')

    const { connection, http } = await live({
      [`GET ${base}/export.md`]: new Response('# Board', {
        headers: { 'content-type': 'text/markdown' },
      }),
      'POST /api/boards/x/guest-links': { url: 'https://x' },
    })
    expect(await connection.request<string>('GET', 'export.md')).toBe('# Board')
    await connection.request('POST', '/api/boards/x/guest-links', { hours: 12 })
    expect(http.calls.at(-1)).toMatchObject({
      body: { hours: 12 },
      headers: { 'x-csrf-token': 'guest-csrf' },
    })
  })
})
