import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { OperationInput } from '../../../functions/src/domain/boards/operations'
import { OpQueue, retryRefusedMs } from '../../../web/src/lib/board/op-queue'
import type { PendingOp } from '../../../web/src/lib/board/optimistic'
import { testId } from '../../support/board-fixtures'

const vote = (n: number): OperationInput => ({ type: 'vote.add', noteId: testId(n) })

function queue({ online = true } = {}) {
  const posted: { opId: string; op: OperationInput }[] = []
  let pending: readonly PendingOp[] = []
  const socket = { online }
  const q = new OpQueue({
    post: (message) => {
      if (!socket.online) return false
      posted.push({ opId: message.opId, op: message.op })
      return true
    },
    changed: (next) => (pending = next),
    now: () => Date.parse('2026-03-02T15:00:00.000Z'),
  })
  return { q, posted, socket, pending: () => pending }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('OpQueue', () => {
  it('sends one operation at a time, the next once the first is answered', () => {
    const { q, posted, pending } = queue()
    const a = q.add(vote(1))
    const b = q.add(vote(2))
    expect(posted.map((p) => p.opId)).toEqual([a])
    expect(q.inFlight).toBe(a)
    expect(pending().map((p) => p.opId)).toEqual([a, b])
    expect(pending()[0]).toMatchObject({ at: '2026-03-02T15:00:00.000Z', confirmedSeq: null })
    q.confirm(a, 7)
    expect(posted.map((p) => p.opId)).toEqual([a, b])
    expect(pending()[0]?.confirmedSeq).toBe(7)
  })

  it('keeps a confirmed operation until the replica has applied its entry', () => {
    const { q, pending } = queue()
    const a = q.add(vote(1))
    q.confirm(a, 7)
    q.prune(6)
    expect(pending().map((p) => p.opId)).toEqual([a])
    q.prune(7)
    expect(pending()).toEqual([])
  })

  it('queues operations while offline and sends them in order, same ids, on the next socket', () => {
    const { q, posted, socket } = queue({ online: false })
    const a = q.add(vote(1))
    const b = q.add(vote(2))
    expect(posted).toEqual([])
    socket.online = true
    q.resend()
    expect(posted.map((p) => p.opId)).toEqual([a])
    q.confirm(a, 3)
    expect(posted.map((p) => p.opId)).toEqual([a, b])
  })

  it('sends the operation lost with a dropped socket again, and not one already confirmed', () => {
    const { q, posted } = queue()
    const a = q.add(vote(1))
    const b = q.add(vote(2))
    q.confirm(a, 3)
    q.disconnected()
    q.resend()
    expect(posted.map((p) => p.opId)).toEqual([a, b, b])
  })

  it('drops a refused operation and sends the next', () => {
    const { q, posted, pending } = queue()
    const a = q.add(vote(1))
    const b = q.add(vote(2))
    q.refused(a)
    expect(pending().map((p) => p.opId)).toEqual([b])
    expect(posted.map((p) => p.opId)).toEqual([a, b])
  })

  it('keeps an operation the server failed to write and sends it again after a pause', () => {
    const { q, posted, pending } = queue()
    const a = q.add(vote(1))
    q.retryLater(a)
    expect(pending()[0]?.waiting).toBe(true)
    q.resend()
    expect(posted.map((p) => p.opId)).toEqual([a])
    vi.advanceTimersByTime(retryRefusedMs)
    expect(pending()[0]?.waiting).toBe(false)
    expect(posted.map((p) => p.opId)).toEqual([a, a])
  })

  it('sends nothing more once closed', () => {
    const { q, posted } = queue()
    const a = q.add(vote(1))
    q.retryLater(a)
    q.close()
    vi.advanceTimersByTime(retryRefusedMs * 2)
    expect(posted.map((p) => p.opId)).toEqual([a])
  })
})
