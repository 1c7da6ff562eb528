/**
 * The board simulator (`npm run board:sim`): many people on one board of a RUNNING server, each with
 * a socket, a client-side `BoardReplica` and a list of unconfirmed operations, some of them losing
 * their socket now and then. It checks what the design promises (every replica ends equal to the
 * server, no operation lost or applied twice) and measures how fast an operation reaches everyone.
 *
 * Only the HTTP API and the socket are used, as a browser would: the practice is created through
 * sign-up, the board by its facilitator, and each simulated participant joins through one guest
 * link with a cookie jar of its own. Names and texts are synthetic.
 */
import { isDeepStrictEqual, parseArgs } from 'node:util'
import { ulid } from 'ulid'
import WebSocket from 'ws'
import {
  noteColours,
  type Board,
  type Participant,
  type PublicBoardState,
} from '../../functions/src/domain/boards/board'
import type { Operation } from '../../functions/src/domain/boards/operations'
import type { Entry, ServerMessage } from '../../functions/src/realtime/protocol'
import { BoardReplica } from '../../web/src/lib/board/replica'

export interface SimOptions {
  /** The running server, e.g. http://localhost:3000. */
  url: string
  clients: number
  /** Operations each participant sends. */
  ops: number
  /** Chance, per operation, that the participant's socket drops abruptly right after sending it. */
  dropRate: number
  /** Mean pause between one participant's operations (each is uniform in 0..2T ms). */
  thinkMs: number
  /** Give up waiting for answers after this long (the checks still run). */
  timeoutMs?: number
  /** Progress lines (stderr by default). */
  log?: (line: string) => void
}

export interface SimResult {
  converged: boolean
  lost: number
  duplicated: number
  /** Propagation latency: from sending an operation to every connected participant applying it. */
  p50Ms: number
  p95Ms: number
  opsPerSecond: number
  /** Operations the server applied during the run (entries in its history). */
  applied: number
  /** Operations refused, by problem code (vote-limit, not-found… are expected). */
  refused: Record<string, number>
  sent: number
  reconnects: number
  /** Operations whose latency was measured (neither resent nor seen only after a reconnect). */
  samples: number
  /** Replicas that differed from the server's state at the end. */
  divergent: number
  /** The history's sequence numbers were 1..n without a gap, n = the board's seq. */
  historyComplete: boolean
  /** Seconds from the first operation to the last answer. */
  seconds: number
  /** Server `error` messages, unexpected socket closes and failed reconnects. */
  errors: number
  /** Operations still unanswered when the run gave up waiting (`timeoutMs`). */
  unanswered: number
  /** Syncs sent because an entry waited over a second for a missing one. */
  gapSyncs: number
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

/** True when `work` finished within `ms`. */
const within = (work: Promise<unknown>, ms: number) =>
  Promise.race([work.then(() => true), sleep(ms).then(() => false)])

/** fetch with a cookie jar kept by hand, and the CSRF token once known. */
class Http {
  readonly #cookies = new Map<string, string>()
  csrfToken: string | undefined

  constructor(readonly base: string) {}

  async call<T>(method: string, path: string, body?: unknown, ok = [200, 201]): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (this.#cookies.size) {
      headers.cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (method !== 'GET' && this.csrfToken) headers['x-csrf-token'] = this.csrfToken
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    })
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';')[0] ?? ''
      const at = pair.indexOf('=')
      if (at < 1) continue
      const [name, value] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()]
      if (!value || /max-age=0\b/i.test(line)) this.#cookies.delete(name)
      else this.#cookies.set(name, value)
    }
    const text = await res.text()
    if (!ok.includes(res.status)) {
      // The problem's title and code only: a detail could echo something sent.
      let problem = ''
      try {
        const { title, code } = JSON.parse(text) as { title?: string; code?: string }
        problem = `: ${title ?? ''} ${code ?? ''}`.trimEnd()
      } catch {
        // Not JSON.
      }
      throw new Error(`${method} ${path.split('?')[0]} answered ${res.status}${problem}`)
    }
    return (text ? JSON.parse(text) : undefined) as T
  }
}

/** What every participant shares: the board, clocks and who has seen what when. */
class Run {
  readonly sentAt = new Map<string, number>()
  /** Operation id -> participant index -> when its replica got the entry. */
  readonly receivedAt = new Map<string, Map<number, number>>()
  /** Operations sent again after a reconnect: their latency would measure the reconnect. */
  readonly resent = new Set<string>()
  readonly refused = new Map<string, number>()
  reconnects = 0
  errors = 0
  sent = 0

  /** Syncs because an entry arrived ahead of a missing one for over a second. */
  gapSyncs = 0

  constructor(
    readonly base: string,
    readonly board: Board,
    readonly log: (line: string) => void,
  ) {}
}

type Answered = 'confirmed' | 'refused'

class SimParticipant {
  readonly http: Http
  replica!: BoardReplica
  me!: Participant
  #socket: WebSocket | undefined
  /** Sent (or about to be) and not yet answered, in the order made. */
  readonly unconfirmed = new Map<string, Operation>()
  readonly outcome = new Map<string, Answered>()
  /** Notes this participant wrote (ids), for edits, recolours and deletes of its own. */
  readonly mine = new Set<string>()
  /** performance.now() of each drop, to tell which receipts were live. */
  readonly drops: number[] = []
  #syncWaiters: (() => void)[] = []
  #gapSince: number | undefined
  #noteCount = 0

  constructor(
    readonly index: number,
    readonly run: Run,
  ) {
    this.http = new Http(run.base)
  }

  get boardPath() {
    return `/api/boards/${this.run.board.id}`
  }

  async join(token: string) {
    const joined = await this.http.call<{ participant: Participant; csrfToken: string }>(
      'POST',
      '/api/guest/join',
      { token, name: `Sim guest ${this.index + 1}` },
    )
    this.me = joined.participant
    this.http.csrfToken = joined.csrfToken
    this.replica = new BoardReplica(await this.state())
  }

  state() {
    return this.http.call<PublicBoardState>('GET', `${this.boardPath}/state`)
  }

  /** A new ticket and socket; sync since the replica's seq, then resend what is unconfirmed. */
  async connect(): Promise<void> {
    const { ticket, socketUrl } = await this.http.call<{ ticket: string; socketUrl: string }>(
      'POST',
      `${this.boardPath}/ticket`,
      {},
    )
    const socket = new WebSocket(`${socketUrl}?ticket=${encodeURIComponent(ticket)}`, {
      origin: new URL(this.run.base).origin,
    })
    await new Promise<void>((done, fail) => {
      socket.once('open', () => done())
      socket.once('error', fail)
      socket.once('close', (code) => fail(new Error(`socket closed before opening (${code})`)))
    })
    socket.removeAllListeners()
    this.#socket = socket
    socket.on('message', (data) => this.#receive(JSON.parse(String(data)) as ServerMessage))
    socket.on('error', () => undefined)
    socket.on('close', (code) => {
      if (this.#socket !== socket) return
      // Closed by the server or the network, not by us: note it and come back.
      this.#socket = undefined
      this.run.errors++
      this.run.log(`participant ${this.index + 1}: socket closed (${code}); reconnecting`)
      this.drops.push(performance.now())
      void this.#reconnectSoon()
    })
    const synced = this.#whenSynced()
    this.#send({ type: 'sync', since: this.replica.seq })
    for (const [opId, op] of this.unconfirmed) {
      this.run.resent.add(opId)
      this.#send({ type: 'op', opId, op })
    }
    if (!(await within(synced, 15_000))) {
      this.run.errors++
      this.run.log(`participant ${this.index + 1}: no answer to sync within 15 s`)
    }
  }

  async #reconnectSoon() {
    for (let attempt = 1; attempt <= 5 && !this.#socket; attempt++) {
      try {
        await sleep(100 * attempt)
        await this.connect()
        return
      } catch (err) {
        this.run.log(`participant ${this.index + 1}: reconnect failed: ${String(err)}`)
      }
    }
  }

  /** Drop the socket abruptly (no close handshake), as a phone losing its network would. */
  async dropAndReconnect() {
    const socket = this.#socket
    this.#socket = undefined
    this.drops.push(performance.now())
    socket?.terminate()
    await this.connect()
  }

  close() {
    const socket = this.#socket
    this.#socket = undefined
    socket?.close()
  }

  /** Resolves once the answer to the next `sync` (its last `entries` batch, or a reload) is in. */
  #whenSynced(): Promise<void> {
    return new Promise((done) => this.#syncWaiters.push(done))
  }

  async sync(): Promise<void> {
    const synced = this.#whenSynced()
    this.#send({ type: 'sync', since: this.replica.seq })
    await synced
  }

  #send(message: unknown) {
    if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(JSON.stringify(message))
  }

  sendOp(op: Operation) {
    const opId = ulid()
    this.run.sentAt.set(opId, performance.now())
    this.run.sent++
    this.unconfirmed.set(opId, op)
    if (op.type === 'note.add') this.mine.add(op.noteId)
    this.#send({ type: 'op', opId, op })
  }

  #receive(message: ServerMessage) {
    switch (message.type) {
      case 'entry':
        this.#take([message.entry])
        break
      case 'entries':
        this.#take(message.entries)
        if (message.done) this.#synced()
        break
      case 'ack':
        this.#answer(message.opId, 'confirmed')
        break
      case 'refused':
        this.run.refused.set(message.code, (this.run.refused.get(message.code) ?? 0) + 1)
        this.#answer(message.opId, 'refused')
        break
      case 'reload':
        void this.state().then(
          (snapshot) => {
            this.replica.reset(snapshot)
            this.#synced()
          },
          (err: unknown) => {
            this.run.errors++
            this.run.log(`participant ${this.index + 1}: reload failed: ${String(err)}`)
          },
        )
        break
      case 'error':
        this.run.errors++
        this.run.log(`participant ${this.index + 1}: server error message: ${message.detail}`)
        break
      default:
        break
    }
  }

  #synced() {
    const waiters = this.#syncWaiters
    this.#syncWaiters = []
    for (const done of waiters) done()
  }

  #take(entries: Entry[]) {
    const at = performance.now()
    for (const entry of entries) {
      if (entry.seq > this.replica.seq) {
        const seen = this.run.receivedAt.get(entry.opId) ?? new Map<number, number>()
        if (!seen.has(this.index)) seen.set(this.index, at)
        this.run.receivedAt.set(entry.opId, seen)
      }
      if (this.unconfirmed.has(entry.opId)) this.#answer(entry.opId, 'confirmed')
    }
    this.replica.receiveAll(entries)
    this.checkGap()
  }

  /** An entry ahead of one still missing: give the missing one a second to arrive, then sync. */
  checkGap() {
    const at = performance.now()
    if (!this.replica.hasGap) this.#gapSince = undefined
    else if (this.#gapSince === undefined) this.#gapSince = at
    else if (at - this.#gapSince > 1000) {
      this.#gapSince = at
      this.run.gapSyncs++
      this.#send({ type: 'sync', since: this.replica.seq })
    }
  }

  #answer(opId: string, outcome: Answered) {
    this.unconfirmed.delete(opId)
    // An operation once confirmed stays confirmed (a later ack or entry only repeats it).
    if (this.outcome.get(opId) !== 'confirmed') this.outcome.set(opId, outcome)
  }

  /**
   * Mostly new notes (30%), moves (20%), dots (20%) and edits of its own notes (15%); some dots
   * taken back, recolours and deletes of its own notes (5% each). When the chosen kind has nothing
   * to act on (no own note yet, no dot placed), a move, or with no note at all a new note.
   */
  nextOperation(): Operation {
    const notes = Object.values(this.replica.state.notes)
    const own = notes.filter((n) => this.mine.has(n.id))
    const voted = notes.filter((n) => (n.votes[this.me.id] ?? 0) > 0)
    const areas = this.run.board.areas
    const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!
    const roll = Math.random() * 100
    if (roll >= 30 && roll < 45 && own.length) {
      const text = `Sim note ${this.#noteCount}, edited`
      return { type: 'note.edit', noteId: pick(own).id, text }
    }
    if (roll >= 65 && roll < 85 && notes.length) return { type: 'vote.add', noteId: pick(notes).id }
    if (roll >= 85 && roll < 90 && voted.length) {
      return { type: 'vote.remove', noteId: pick(voted).id }
    }
    if (roll >= 90 && roll < 95 && own.length) {
      return { type: 'note.colour', noteId: pick(own).id, colour: pick(noteColours) }
    }
    if (roll >= 95 && own.length) return { type: 'note.delete', noteId: pick(own).id }
    if (roll >= 30 && notes.length) {
      const order = Math.round(Math.random() * 2000) / 100
      return { type: 'note.move', noteId: pick(notes).id, area: pick(areas).id, order }
    }
    this.#noteCount++
    return {
      type: 'note.add',
      noteId: ulid(),
      area: pick(areas).id,
      text: `Sim note ${this.#noteCount} from guest ${this.index + 1}`,
      colour: 'yellow',
      anonymous: false,
    }
  }

  /**
   * Wait until every operation sent has been answered, or `deadline` passes. A socket delivers in
   * order and the server answers each operation, so a slow answer means a busy board, not a lost
   * message: nothing is resent until the socket is lost.
   */
  async settled(deadline: number) {
    while (this.unconfirmed.size > 0 && performance.now() < deadline) await sleep(20)
  }
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}

const round = (n: number) => Math.round(n * 10) / 10

/** Run the simulation against the server at `options.url`; never throws for a failed check. */
export async function runBoardSim(options: SimOptions): Promise<SimResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[board-sim] ${line}\n`))
  const base = options.url.replace(/\/+$/, '')
  const timeoutMs = options.timeoutMs ?? 180_000

  // The facilitator: a practice of its own, a board, one guest link for everyone.
  const owner = new Http(base)
  const suffix = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
  const me = await owner.call<{ csrfToken: string }>('POST', '/api/practices', {
    practiceName: `Board Sim ${suffix}`,
    specialty: 'dermatology',
    timeZone: 'UTC',
    ownerName: 'Sim Facilitator',
    email: `board-sim-${suffix}@example.test`,
    password: 'a long enough password',
  })
  owner.csrfToken = me.csrfToken
  const { board } = await owner.call<{ board: Board }>('POST', '/api/boards', {
    title: 'Board simulation',
    persona: 'A simulated patient',
    canvasId: 'empathy-map',
  })
  const link = await owner.call<{ url: string }>('POST', `/api/boards/${board.id}/guest-links`, {
    hours: 2,
  })
  const token = decodeURIComponent(new URL(link.url).hash.slice(1))
  log(`board ${board.id}: ${board.areas.length} areas, ${board.voteLimit} dots each`)

  const run = new Run(base, board, log)
  const people = Array.from({ length: options.clients }, (_, i) => new SimParticipant(i, run))
  // Join a few at a time, as people arriving at a meeting do.
  for (let i = 0; i < people.length; i += 10) {
    await Promise.all(people.slice(i, i + 10).map((p) => p.join(token)))
  }
  for (let i = 0; i < people.length; i += 10) {
    await Promise.all(people.slice(i, i + 10).map((p) => p.connect()))
  }
  log(`${people.length} participants joined and connected; sending ${options.ops} operations each`)

  const began = performance.now()
  const deadline = began + timeoutMs
  const gaps = setInterval(() => {
    for (const p of people) p.checkGap()
  }, 250)
  const progress = setInterval(() => {
    const answered = people.reduce((sum, p) => sum + p.outcome.size, 0)
    log(
      `${((performance.now() - began) / 1000).toFixed(1)} s: ${run.sent} sent, ${answered} answered, ` +
        `${run.reconnects} reconnects`,
    )
  }, 2_000)
  try {
    await Promise.all(
      people.map(async (p) => {
        for (let i = 0; i < options.ops && performance.now() < deadline; i++) {
          await sleep(Math.random() * 2 * options.thinkMs)
          p.sendOp(p.nextOperation())
          if (Math.random() < options.dropRate) {
            // Drop a moment later, so the operation is sometimes already on its way, sometimes not.
            await sleep(Math.random() * 20)
            run.reconnects++
            await p.dropAndReconnect().catch((err: unknown) => {
              run.errors++
              log(`participant ${p.index + 1}: reconnect failed: ${String(err)}`)
            })
          }
        }
        await p.settled(deadline)
      }),
    )
  } finally {
    clearInterval(progress)
    clearInterval(gaps)
  }
  const seconds = (performance.now() - began) / 1000
  const unanswered = people.reduce((sum, p) => sum + p.unconfirmed.size, 0)
  if (unanswered) log(`${unanswered} operations still unanswered after ${timeoutMs / 1000} s`)

  // Everyone catches up, then each replica is compared with the server's state and history.
  await Promise.all(people.map((p) => within(p.sync(), 10_000)))
  const server = await people[0]!.state()
  let divergent = 0
  for (const p of people) {
    if (!isDeepStrictEqual(p.replica.state, server)) divergent++
  }
  const history: Entry[] = []
  for (let after: number | null = 0; after !== null;) {
    const page: { entries: Entry[]; next: number | null } = await people[0]!.http.call(
      'GET',
      `/api/boards/${board.id}/history?after=${after}&limit=1000`,
    )
    history.push(...page.entries)
    after = page.next
  }
  for (const p of people) p.close()

  const historyComplete =
    history.every((entry, i) => entry.seq === i + 1) && history.length === server.board.seq
  const counts = new Map<string, number>()
  for (const entry of history) counts.set(entry.opId, (counts.get(entry.opId) ?? 0) + 1)
  const duplicated = [...counts.values()].filter((n) => n > 1).length
  let lost = 0
  for (const p of people) {
    for (const opId of [...p.outcome.keys(), ...p.unconfirmed.keys()]) {
      // Confirmed, or sent and never refused: it must be in the history.
      if (p.outcome.get(opId) !== 'refused' && !counts.has(opId)) lost++
    }
  }

  const latencies: number[] = []
  for (const [opId, sentAt] of run.sentAt) {
    if (run.resent.has(opId) || !counts.has(opId)) continue
    const receipts = run.receivedAt.get(opId) ?? new Map<number, number>()
    let latest = -Infinity
    let complete = true
    for (const p of people) {
      const at = receipts.get(p.index)
      const until = at ?? Infinity
      // Only people connected from the send until they had it count.
      if (p.drops.some((t) => t >= sentAt && t <= until)) continue
      if (at === undefined) complete = false
      else latest = Math.max(latest, at)
    }
    if (complete && latest > -Infinity) latencies.push(latest - sentAt)
  }
  latencies.sort((a, b) => a - b)
  const result: SimResult = {
    converged: divergent === 0 && historyComplete,
    lost,
    duplicated,
    p50Ms: round(percentile(latencies, 0.5)),
    p95Ms: round(percentile(latencies, 0.95)),
    opsPerSecond: round(history.length / seconds),
    applied: history.length,
    refused: Object.fromEntries(run.refused),
    sent: run.sent,
    reconnects: run.reconnects,
    samples: latencies.length,
    divergent,
    historyComplete,
    seconds: round(seconds),
    errors: run.errors,
    unanswered,
    gapSyncs: run.gapSyncs,
  }
  log(
    `${result.applied} applied, ${[...run.refused.values()].reduce((a, b) => a + b, 0)} refused, ` +
      `${divergent} of ${people.length} replicas differ, history ${historyComplete ? 'complete' : 'has gaps'}`,
  )
  return result
}

/** `board:sim --url URL --clients N --ops M --drop-rate R [--think-ms T] [--timeout-s S]`. */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string' },
      clients: { type: 'string', default: '10' },
      ops: { type: 'string', default: '20' },
      'drop-rate': { type: 'string', default: '0' },
      'think-ms': { type: 'string', default: '100' },
      'timeout-s': { type: 'string', default: '180' },
    },
  })
  const number = (name: keyof typeof values, min: number, max: number) => {
    const value = Number(values[name])
    if (!Number.isFinite(value) || value < min || value > max) {
      throw new Error(`--${name} must be a number from ${min} to ${max}`)
    }
    return value
  }
  if (!values.url)
    throw new Error('--url is required (the running server, e.g. http://localhost:3000)')
  const result = await runBoardSim({
    url: values.url,
    clients: Math.round(number('clients', 1, 1000)),
    ops: Math.round(number('ops', 1, 100_000)),
    dropRate: number('drop-rate', 0, 1),
    thinkMs: number('think-ms', 0, 600_000),
    timeoutMs: number('timeout-s', 1, 86_400) * 1000,
  })
  const { converged, lost, duplicated, p50Ms, p95Ms, opsPerSecond, ...more } = result
  process.stdout.write(
    `${JSON.stringify({ converged, lost, duplicated, p50Ms, p95Ms, opsPerSecond, ...more })}\n`,
  )
  return converged && lost === 0 && duplicated === 0 ? 0 : 1
}
