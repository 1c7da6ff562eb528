import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../../web/src/lib/api'
import {
  SocketSession,
  backoffMs,
  gapMs,
  pingMs,
  typingMs,
  type BoardStatus,
  type SessionHooks,
} from '../../../web/src/lib/board/socket-session'
import { FakeSocket } from '../../support/board-web'

function session(overrides: Partial<SessionHooks> = {}) {
  const statuses: BoardStatus[] = []
  const messages: unknown[] = []
  const board = { seq: 4, behind: false }
  const events = new EventTarget()
  const counts = { tickets: 0, prepared: 0, opened: 0, dropped: 0 }
  const hooks: SessionHooks = {
    prepare: async () => void counts.prepared++,
    ticket: async () => ({ ticket: `t${++counts.tickets}`, socketUrl: '/ws' }),
    seq: () => board.seq,
    behind: (serverSeq) => board.behind || board.seq < serverSeq,
    opened: () => void counts.opened++,
    dropped: () => void counts.dropped++,
    message: (message) => void messages.push(message),
    status: (status) => void statuses.push(status),
    ...overrides,
  }
  const s = new SocketSession(hooks, {
    WebSocket: FakeSocket as unknown as typeof WebSocket,
    events: events as unknown as Window,
    online: () => true,
    baseUrl: () => 'https://touchpoint.example/w/1',
    random: () => 0.5,
  })
  return { s, statuses, messages, board, events, counts }
}

beforeEach(() => {
  vi.useFakeTimers()
  FakeSocket.reset()
})
afterEach(() => vi.useRealTimers())

describe('SocketSession', () => {
  it('connects with a ticket on a wss URL, syncs from the replica, then goes live on welcome', async () => {
    const { s, statuses, counts } = session()
    await s.start()
    const socket = FakeSocket.last
    expect(socket.url).toBe('wss://touchpoint.example/ws?ticket=t1')
    expect(statuses).toEqual(['connecting'])
    socket.open()
    expect(socket.sent).toEqual([{ type: 'sync', since: 4 }])
    expect(counts.opened).toBe(1)
    socket.deliver({
      type: 'welcome',
      boardId: 'b',
      you: { id: 'u_1', name: 'Ana', kind: 'staff' },
      facilitator: false,
      serverTime: new Date(Date.now() + 5000).toISOString(),
    })
    expect(s.status).toBe('live')
    expect(s.serverNow() - Date.now()).toBeGreaterThanOrEqual(4990)
  })

  it('reconnects with a new ticket after backoff when the socket drops, and syncs again', async () => {
    const { s, statuses, board, counts } = session()
    await s.start()
    FakeSocket.last.open()
    FakeSocket.last.deliver({ type: 'welcome' } as never)
    FakeSocket.last.drop()
    expect(counts.dropped).toBe(1)
    expect(statuses.at(-1)).toBe('reconnecting')
    board.seq = 9
    await vi.advanceTimersByTimeAsync(backoffMs[0]!)
    expect(FakeSocket.made).toHaveLength(2)
    expect(FakeSocket.last.url).toContain('ticket=t2')
    FakeSocket.last.open()
    expect(FakeSocket.last.sent).toEqual([{ type: 'sync', since: 9 }])
    expect(counts.prepared).toBe(1)
  })

  it('backs off further after each failed attempt', async () => {
    const { s, counts } = session({
      ticket: async () => {
        counts.tickets++
        throw new ApiError({ status: 503, title: 'Busy' })
      },
    })
    await s.start()
    expect(counts.tickets).toBe(1)
    await vi.advanceTimersByTimeAsync(backoffMs[0]!)
    expect(counts.tickets).toBe(2)
    await vi.advanceTimersByTimeAsync(backoffMs[0]!)
    expect(counts.tickets).toBe(2)
    await vi.advanceTimersByTimeAsync(backoffMs[1]! - backoffMs[0]!)
    expect(counts.tickets).toBe(3)
  })

  it('stops for good on a 401 or a 404 from the server', async () => {
    const signedOut = session({
      prepare: async () => {
        throw new ApiError({ status: 401, title: 'Please sign in' })
      },
    })
    await signedOut.s.start()
    expect(signedOut.s.status).toBe('signed-out')
    const missing = session({
      ticket: async () => {
        throw new ApiError({ status: 404, title: 'Not found' })
      },
    })
    await missing.s.start()
    expect(missing.s.status).toBe('not-found')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(FakeSocket.made).toHaveLength(0)
  })

  it('goes offline with the browser, and connects again when it is back', async () => {
    const { s, events } = session()
    await s.start()
    const first = FakeSocket.last
    first.open()
    events.dispatchEvent(new Event('offline'))
    expect(s.status).toBe('offline')
    expect(first.closedWith).toEqual({ code: 1000, reason: 'Leaving' })
    await vi.advanceTimersByTimeAsync(30_000)
    expect(FakeSocket.made).toHaveLength(1)
    events.dispatchEvent(new Event('online'))
    await vi.advanceTimersByTimeAsync(0)
    expect(FakeSocket.made).toHaveLength(2)
  })

  it('asks again when entries are missing a second later: a gap, or a pong ahead of the replica', async () => {
    const { s, board } = session()
    await s.start()
    const socket = FakeSocket.last
    socket.open()
    socket.deliver({ type: 'pong', seq: 6 })
    await vi.advanceTimersByTimeAsync(gapMs)
    expect(socket.sentOf('sync')).toEqual([
      { type: 'sync', since: 4 },
      { type: 'sync', since: 4 },
    ])
    board.seq = 6
    await vi.advanceTimersByTimeAsync(gapMs * 3)
    expect(socket.sentOf('sync')).toHaveLength(2)
  })

  it('pings every minute, and passes every message on', async () => {
    const { s, messages } = session()
    await s.start()
    FakeSocket.last.open()
    await vi.advanceTimersByTimeAsync(pingMs)
    expect(FakeSocket.last.sentOf('ping')).toHaveLength(1)
    FakeSocket.last.deliver({ type: 'presence', participants: [] })
    expect(messages).toEqual([{ type: 'presence', participants: [] }])
  })

  it('says where this person writes at most every two seconds, and again on a new socket', async () => {
    const { s } = session()
    await s.start()
    const first = FakeSocket.last
    first.open()
    s.typing('says')
    s.typing('feels')
    expect(first.sentOf('typing')).toEqual([{ type: 'typing', area: 'says', anonymous: false }])
    await vi.advanceTimersByTimeAsync(typingMs)
    expect(first.sentOf('typing').at(-1)).toEqual({
      type: 'typing',
      area: 'feels',
      anonymous: false,
    })
    first.drop()
    await vi.advanceTimersByTimeAsync(backoffMs[0]!)
    FakeSocket.last.open()
    expect(FakeSocket.last.sentOf('typing')).toEqual([
      { type: 'typing', area: 'feels', anonymous: false },
    ])
  })

  it('closes its socket and never reconnects once closed', async () => {
    const { s } = session()
    await s.start()
    FakeSocket.last.open()
    s.close()
    expect(FakeSocket.last.closedWith?.code).toBe(1000)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(FakeSocket.made).toHaveLength(1)
  })
})
