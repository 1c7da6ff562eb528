/**
 * Real-time boards over real sockets: the local server on a free port, a board to work on, and
 * `ws` clients that keep every message and a replica of the board, as the web app does.
 */
import { ulid } from 'ulid'
import WebSocket from 'ws'
import {
  publicState,
  type Board,
  type Participant,
  type PublicBoardState,
} from '../../functions/src/domain/boards/board'
import type { OperationInput } from '../../functions/src/domain/boards/operations'
import { createLocalApp, listen, type StartedServer } from '../../functions/src/local/server'
import { outboxMessenger } from '../../functions/src/messaging/outbox'
import type { TicketGrant } from '../../functions/src/realtime/ports'
import type { ClientMessage, ServerMessage } from '../../functions/src/realtime/protocol'
import { issueTicket } from '../../functions/src/store/board-access'
import * as boards from '../../functions/src/store/boards'
import type { Db } from '../../functions/src/store/db'
import { BoardReplica } from '../../web/src/lib/board/replica'
import { freshPractice, testApp } from './api'
import { boardOf } from './board-fixtures'
import { testConfig, testDb } from './db'

export interface LocalBoards {
  db: Db
  server: StartedServer
  /** `ws://127.0.0.1:<port>/ws` */
  socketUrl: string
}

/** The local product (API, `/ws` and its board hub) on a free port, over a fresh table. */
export async function startLocalServer(): Promise<LocalBoards> {
  const db = await testDb()
  const app = createLocalApp({ config: testConfig(), db, mailer: outboxMessenger(db) })
  const server = await listen(app, 0, '127.0.0.1')
  return { db, server, socketUrl: `${server.url.replace('http', 'ws')}/ws` }
}

let people = 0

/** Someone to put on a board; names are unique so presence can be read by name. */
export function person(kind: Participant['kind'] = 'guest', name?: string): Participant {
  people += 1
  return {
    id: `${kind === 'staff' ? 'u' : 'g'}_${ulid()}`,
    name: name ?? `${kind === 'staff' ? 'Staff' : 'Guest'} ${people}`,
    kind,
  }
}

export interface TestBoard {
  db: Db
  practiceId: string
  board: Board
  /** The board's facilitator: the practice's owner. */
  facilitator: Participant
}

/**
 * A practice (made through the API) with one new empathy-map board, stored as creating a board
 * through the API would leave it.
 */
export async function freshBoard(db: Db, overrides: Partial<Board> = {}): Promise<TestBoard> {
  const practice = await freshPractice(testApp(db))
  const facilitator: Participant = {
    id: `u_${practice.ownerId}`,
    name: 'Dana Owner',
    kind: 'staff',
  }
  const board = boardOf({
    id: ulid(),
    createdBy: facilitator,
    facilitatorId: facilitator.id,
    createdAt: new Date().toISOString(),
    ...overrides,
  })
  await boards.create(db, practice.practiceId, board)
  return { db, practiceId: practice.practiceId, board, facilitator }
}

/** The board as the server holds it, as clients see it. */
export async function serverState(t: TestBoard): Promise<PublicBoardState> {
  const state = await boards.loadState(t.db, t.practiceId, t.board.id, { consistent: true })
  if (!state) throw new Error('board not found')
  return publicState(state)
}

/** A one-minute ticket for `participant` on the test board. */
export async function ticketFor(
  t: TestBoard,
  participant: Participant,
  facilitator = participant.id === t.facilitator.id,
): Promise<string> {
  const grant: TicketGrant = {
    practiceId: t.practiceId,
    boardId: t.board.id,
    participant,
    facilitator,
  }
  const { ticket } = await issueTicket(t.db, grant)
  return ticket
}

const waitLimitMs = 10_000

/**
 * One person's socket: every message it received, in order, and a replica of the board fed with
 * the entries it was sent (once `track` gave it a snapshot).
 */
export class BoardClient {
  readonly received: ServerMessage[] = []
  replica: BoardReplica | undefined
  readonly closed: Promise<{ code: number; reason: string }>
  #waiters = new Set<() => void>()

  private constructor(readonly socket: WebSocket) {
    // A failed socket also closes; `closed` reports it.
    socket.on('error', () => undefined)
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as ServerMessage
      this.received.push(message)
      if (message.type === 'entry') this.replica?.receive(message.entry)
      if (message.type === 'entries') this.replica?.receiveAll(message.entries)
      for (const wake of this.#waiters) wake()
    })
    this.closed = new Promise((done) => {
      socket.once('close', (code, reason) => {
        done({ code, reason: reason.toString() })
        for (const wake of this.#waiters) wake()
      })
    })
  }

  /** Open a socket with `ticket`; resolves once it is open (a refused one closes right after). */
  static open(socketUrl: string, ticket: string | undefined): Promise<BoardClient> {
    const url = ticket === undefined ? socketUrl : `${socketUrl}?ticket=${ticket}`
    const socket = new WebSocket(url)
    const client = new BoardClient(socket)
    return new Promise((done, fail) => {
      socket.once('open', () => done(client))
      socket.once('error', fail)
    })
  }

  /** Open a socket for `participant` on the board, starting from `snapshot`, and sync. */
  static async join(
    socketUrl: string,
    t: TestBoard,
    participant: Participant,
    snapshot?: PublicBoardState,
  ): Promise<BoardClient> {
    const client = await BoardClient.open(socketUrl, await ticketFor(t, participant))
    try {
      client.track(snapshot ?? (await serverState(t)))
      client.send({ type: 'sync', since: client.replica!.seq })
      await client.waitFor((m) => m.type === 'entries' && m.done)
      return client
    } catch (err) {
      await client.close()
      throw err
    }
  }

  track(snapshot: PublicBoardState) {
    this.replica = new BoardReplica(snapshot)
  }

  send(message: ClientMessage | { type: 'op'; opId: string; op: OperationInput }) {
    this.socket.send(JSON.stringify(message))
  }

  /** Send an operation with a fresh id; returns the id. */
  op(op: OperationInput, opId = ulid()): string {
    this.send({ type: 'op', opId, op })
    return opId
  }

  /** Messages of one type, in the order they arrived. */
  all<T extends ServerMessage['type']>(type: T): Extract<ServerMessage, { type: T }>[] {
    return this.received.filter((m): m is Extract<ServerMessage, { type: T }> => m.type === type)
  }

  /** The first message received (so far or later) that matches. */
  async waitFor<M extends ServerMessage>(
    matches: (message: ServerMessage) => message is M,
  ): Promise<M>
  async waitFor(matches: (message: ServerMessage) => boolean): Promise<ServerMessage>
  async waitFor(matches: (message: ServerMessage) => boolean): Promise<ServerMessage> {
    let found: ServerMessage | undefined
    await this.until(() => (found = this.received.find(matches)) !== undefined)
    return found!
  }

  /** Resolves once `check` holds, re-checked on every message; fails after ten seconds. */
  until(check: () => boolean, what = 'a message'): Promise<void> {
    if (check()) return Promise.resolve()
    return new Promise((done, fail) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(wake)
        fail(new Error(`Timed out waiting for ${what}; received ${JSON.stringify(this.received)}`))
      }, waitLimitMs)
      const wake = () => {
        if (!check()) return
        clearTimeout(timer)
        this.#waiters.delete(wake)
        done()
      }
      this.#waiters.add(wake)
    })
  }

  /** The entry for operation `opId`, once it arrives. */
  async entryFor(opId: string) {
    const message = await this.waitFor(
      (m): m is Extract<ServerMessage, { type: 'entry' }> =>
        m.type === 'entry' && m.entry.opId === opId,
    )
    return message.entry
  }

  /** The refusal of operation `opId`, once it arrives. */
  refusalOf(opId: string) {
    return this.waitFor(
      (m): m is Extract<ServerMessage, { type: 'refused' }> =>
        m.type === 'refused' && m.opId === opId,
    )
  }

  /** A round trip: everything the server sent before the pong has arrived. */
  async roundTrip() {
    const pongs = this.all('pong').length
    this.send({ type: 'ping' })
    await this.until(() => this.all('pong').length > pongs, 'pong')
  }

  async close() {
    if (this.socket.readyState !== WebSocket.CLOSED) this.socket.close()
    await this.closed
  }
}
