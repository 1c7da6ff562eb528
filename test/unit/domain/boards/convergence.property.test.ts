/**
 * Convergence of a board across clients, as a property: a model server applies operations in
 * arrival order with the write path's own pure step (`recordOperation`: the real rules, the real
 * history entry and anonymity rule, as store/board-ops.ts uses them), and remembers operation ids
 * as the store does so a resend changes nothing; clients hold the web's real `BoardReplica`,
 * `OpQueue` (one operation in flight; on a new socket, sync since the replica's seq, then resend
 * every unconfirmed operation with the same id) and optimistic `overlay`. Random interleavings of
 * sends, deliveries (in order on each connection; connections interleave freely), dropped
 * connections (whatever was in flight is lost, or reaches the server with its answers lost) and
 * reconnects must end with every replica and every view equal to the server, each operation
 * applied at most once and none lost.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Actor } from '../../../../functions/src/domain/boards/apply'
import {
  noteColours,
  publicState,
  type BoardState,
} from '../../../../functions/src/domain/boards/board'
import {
  recordOperation,
  type Entry,
  type Recorded,
} from '../../../../functions/src/domain/boards/history'
import { Operation } from '../../../../functions/src/domain/boards/operations'
import { DomainError } from '../../../../functions/src/domain/errors'
import { entriesPerBatch } from '../../../../functions/src/realtime/protocol'
import { OpQueue } from '../../../../web/src/lib/board/op-queue'
import { overlay } from '../../../../web/src/lib/board/optimistic'
import { BoardReplica } from '../../../../web/src/lib/board/replica'
import {
  actor,
  boardOf,
  facilitator,
  guest,
  noteOf,
  now,
  staff,
  stateOf,
  testId,
} from '../../../support/board-fixtures'

type Up = { type: 'sync'; since: number } | { type: 'op'; opId: string; op: Operation }
type Down =
  | { type: 'entry'; entry: Entry }
  | { type: 'entries'; entries: Entry[]; upTo: number; done: boolean }
  | { type: 'refused'; opId: string; status: number; code: string }
  | { type: 'ack'; opId: string; seq: number }

/** One socket: a queue each way, delivered in order; a dropped socket loses both. */
interface Connection {
  up: Up[]
  down: Down[]
  open: boolean
}

/** The people on the model board: the facilitator, another member of staff and a guest. */
const people: Actor[] = [actor(facilitator, true), actor(staff(2)), actor(guest(3))]

class ModelServer {
  log: Entry[] = []
  /** Operation id -> the seq it was applied as (the write path's `boardOpId` item). */
  seen = new Map<string, number>()
  connections = new Set<Connection>()
  #tick = 0

  constructor(public state: BoardState) {}

  connect(): Connection {
    const connection: Connection = { up: [], down: [], open: true }
    this.connections.add(connection)
    return connection
  }

  drop(connection: Connection) {
    connection.open = false
    connection.up.length = 0
    connection.down.length = 0
    this.connections.delete(connection)
  }

  /** Take the next message the client sent on `connection`. */
  receive(connection: Connection, who: Actor) {
    const message = connection.up.shift()
    if (!message) return
    if (message.type === 'sync') {
      const missed = this.log.slice(message.since)
      for (let i = 0; i === 0 || i < missed.length; i += entriesPerBatch) {
        const entries = missed.slice(i, i + entriesPerBatch)
        const done = i + entriesPerBatch >= missed.length
        connection.down.push({ type: 'entries', entries, upTo: this.log.length, done })
      }
      return
    }
    const { opId, op } = message
    // As commitOperation: the rules run first; a refusal, or a write whose operation-id condition
    // fails, is a duplicate when the id was seen. Either way a seen id is acked and changes nothing.
    const at = new Date(now.getTime() + ++this.#tick * 1000)
    const ack = () => {
      const seq = this.seen.get(opId)
      if (seq === undefined) return false
      connection.down.push({ type: 'ack', opId, seq })
      return true
    }
    let recorded: Recorded
    try {
      recorded = recordOperation(this.state, { opId, op, actor: who, at })
    } catch (err) {
      if (!(err instanceof DomainError)) throw err
      if (ack()) return
      connection.down.push({ type: 'refused', opId, status: err.status, code: err.code })
      return
    }
    if (ack()) return
    const { entry } = recorded
    this.state = recorded.state
    this.log.push(entry)
    this.seen.set(opId, entry.seq)
    for (const open of this.connections) open.down.push({ type: 'entry', entry })
  }
}

class ModelClient {
  replica: BoardReplica
  connection: Connection | null = null
  /** The web's own queue: one operation in flight, the unconfirmed resent on a new socket. */
  queue: OpQueue
  /** Sent (or waiting to be sent) and not yet answered, in the order made. */
  unconfirmed = new Map<string, Operation>()
  /** Every entry handed to this client, by seq. */
  received = new Map<number, string>()
  sent = new Set<string>()
  confirmed = new Set<string>()
  refused = new Set<string>()

  constructor(
    readonly who: Actor,
    private server: ModelServer,
  ) {
    this.replica = new BoardReplica(publicState(server.state))
    this.queue = new OpQueue({
      post: (message) => {
        if (!this.connection) return false
        this.connection.up.push({ type: 'op', opId: message.opId, op: Operation.parse(message.op) })
        return true
      },
      changed: () => undefined,
      now: () => now.getTime(),
    })
  }

  /** What this person sees: the replica with their pending operations on top (the real overlay). */
  get view() {
    return overlay(this.replica.state, this.queue.pending, this.who.participant).state
  }

  connect() {
    this.connection = this.server.connect()
    this.connection.up.push({ type: 'sync', since: this.replica.seq })
    this.queue.resend()
  }

  drop() {
    if (this.connection) this.server.drop(this.connection)
    this.connection = null
    this.queue.disconnected()
  }

  send(op: Operation) {
    const opId = this.queue.add(op)
    this.sent.add(opId)
    this.unconfirmed.set(opId, op)
  }

  /** Take the next message the server sent. */
  deliver() {
    const message = this.connection?.down.shift()
    if (!message) return
    switch (message.type) {
      case 'entry':
        this.take([message.entry])
        break
      case 'entries':
        this.take(message.entries)
        break
      case 'ack':
        this.queue.confirm(message.opId, message.seq)
        this.queue.prune(this.replica.seq)
        this.settle(message.opId, this.confirmed)
        break
      case 'refused':
        this.queue.refused(message.opId)
        this.settle(message.opId, this.refused)
        break
    }
  }

  private take(entries: Entry[]) {
    for (const entry of entries) {
      this.received.set(entry.seq, entry.opId)
      if (entry.seq > this.replica.seq) this.queue.confirm(entry.opId, entry.seq)
      if (this.unconfirmed.has(entry.opId)) this.settle(entry.opId, this.confirmed)
    }
    this.replica.receiveAll(entries)
    this.queue.prune(this.replica.seq)
  }

  private settle(opId: string, outcome: Set<string>) {
    this.unconfirmed.delete(opId)
    outcome.add(opId)
  }
}

/** One step of an interleaving; numbers pick a client, an operation, a note, an area. */
type Step =
  | { t: 'send'; client: number; kind: number; pick: number; area: number; flag: boolean }
  | { t: 'up'; client: number }
  | { t: 'down'; client: number }
  /** `flush`: what the client had sent reaches the server first, but the answers are lost. */
  | { t: 'drop'; client: number; flush: boolean }
  | { t: 'reconnect'; client: number }

const client = fc.nat({ max: people.length - 1 })
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('send' as const),
      client,
      kind: fc.nat({ max: 7 }),
      pick: fc.nat({ max: 50 }),
      area: fc.nat({ max: 3 }),
      flag: fc.boolean(),
    }),
  },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('up' as const), client }) },
  { weight: 5, arbitrary: fc.record({ t: fc.constant('down' as const), client }) },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('drop' as const), client, flush: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('reconnect' as const), client }) },
)

const areas = ['says', 'thinks', 'does', 'feels']

/** Turn a send step into an operation on what this client currently sees. */
function operationFor(
  s: Extract<Step, { t: 'send' }>,
  seen: string[],
  fresh: () => string,
): Operation {
  const area = areas[s.area]!
  const existing = seen.length ? seen[s.pick % seen.length]! : undefined
  // With no note in sight, aim at one that does not exist: the server refuses it (404).
  const noteId = existing ?? fresh()
  switch (s.kind) {
    case 1:
      return { type: 'note.edit', noteId, text: `edit ${s.pick}` }
    case 2:
      return { type: 'note.move', noteId, area, order: s.pick % 7 }
    case 3:
      return { type: 'note.colour', noteId, colour: noteColours[s.pick % noteColours.length]! }
    case 4:
      return { type: 'note.group', noteId, group: s.flag ? 'Waiting' : null }
    case 5:
      return { type: 'note.delete', noteId }
    case 6:
      return { type: 'vote.add', noteId }
    case 7:
      return { type: 'vote.remove', noteId }
    default:
      return {
        type: 'note.add',
        // Now and then a note id already in use: refused as a duplicate note.
        noteId: s.flag && existing ? existing : fresh(),
        area,
        text: `note ${s.pick}`,
        colour: 'yellow',
        anonymous: s.pick % 5 === 0,
      }
  }
}

function run(steps: Step[]) {
  const initial = stateOf(boardOf({ voteLimit: 2 }), [
    noteOf(people[0]!.participant, { id: testId(1), area: 'says' }),
    noteOf(people[2]!.participant, { id: testId(2), area: 'feels' }),
  ])
  const server = new ModelServer(initial)
  const clients = people.map((who) => new ModelClient(who, server))
  for (const c of clients) c.connect()
  let ids = 100
  const fresh = () => testId(ids++)

  const receive = (c: ModelClient) => {
    if (c.connection) server.receive(c.connection, c.who)
  }
  for (const s of steps) {
    const c = clients[s.client]!
    switch (s.t) {
      case 'send': {
        const seen = Object.keys(c.replica.state.notes).sort()
        c.send(operationFor(s, seen, fresh))
        break
      }
      case 'up':
        receive(c)
        break
      case 'down':
        c.deliver()
        break
      case 'drop':
        if (s.flush) while (c.connection?.up.length) receive(c)
        c.drop()
        break
      case 'reconnect':
        c.drop()
        c.connect()
        break
    }
  }

  const settle = () => {
    for (let busy = true; busy;) {
      busy = false
      for (const c of clients) {
        while (c.connection?.up.length) {
          receive(c)
          busy = true
        }
        while (c.connection?.down.length) {
          c.deliver()
          busy = true
        }
      }
    }
  }
  settle()
  for (const c of clients) c.drop()
  for (const c of clients) c.connect()
  settle()
  return { server, clients }
}

describe('board convergence', () => {
  it('brings every replica to the server’s state, each operation applied once and none lost', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 150, size: 'max' }), (steps) => {
        const { server, clients } = run(steps)
        const { log } = server
        const n = log.length

        // Sequence numbers 1..n, no gap, and the board's seq is the last one.
        expect(log.map((e) => e.seq)).toEqual(Array.from({ length: n }, (_, i) => i + 1))
        expect(server.state.board.seq).toBe(n)
        // No operation applied twice.
        const logged = new Set(log.map((e) => e.opId))
        expect(logged.size).toBe(n)
        // No entry that changes an anonymous note names anyone, whoever sent it.
        for (const e of log)
          if (e.changes.notes.some((x) => x.anonymous)) expect(e.actor).toBeNull()

        const expected = publicState(server.state)
        for (const c of clients) {
          expect(c.unconfirmed.size).toBe(0)
          expect(c.queue.pending).toEqual([])
          expect(c.view).toEqual(expected)
          expect(c.replica.hasGap).toBe(false)
          expect(c.replica.state).toEqual(expected)
          // Every applied operation reached every replica, in the server's order.
          for (const e of log) expect(c.received.get(e.seq)).toBe(e.opId)
          // Nothing the client sent was lost: applied (once) or refused, never both.
          for (const opId of c.sent) {
            expect(logged.has(opId) !== c.refused.has(opId)).toBe(true)
          }
          for (const opId of c.confirmed) expect(logged.has(opId)).toBe(true)
        }
      }),
      { numRuns: 250 },
    )
  })

  it('recognises an operation resent after its answer was lost, and applies it once', () => {
    // The client's vote reaches the server, the socket drops before the entry comes back, and the
    // client resends the same vote on its new socket: one dot, answered with an ack.
    const { server, clients } = run([
      { t: 'send', client: 2, kind: 6, pick: 0, area: 0, flag: false },
      { t: 'drop', client: 2, flush: true },
      { t: 'reconnect', client: 2 },
    ])
    expect(server.log.map((e) => e.op?.type)).toEqual(['vote.add'])
    expect(server.state.notes[testId(1)]?.votes).toEqual({ [people[2]!.participant.id]: 1 })
    expect(clients[2]!.confirmed.size).toBe(1)
    for (const c of clients) expect(c.replica.state).toEqual(publicState(server.state))
  })
})
