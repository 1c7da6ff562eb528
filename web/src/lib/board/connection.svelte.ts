// The Maps, Sets, Dates and URLs here are private bookkeeping that no template reads; what the
// page shows is in the $state fields.
/* eslint-disable svelte/prefer-svelte-reactivity */
import type {
  Note,
  Participant,
  PublicBoardState,
} from '../../../../functions/src/domain/boards/board'
import type { OperationInput } from '../../../../functions/src/domain/boards/operations'
import type {
  ClientMessage,
  Entry,
  PresenceEntry,
  ServerMessage,
} from '../../../../functions/src/realtime/protocol'
import { ApiError } from '../api'
import { overlay, stillPending, type PendingOp } from './optimistic'
import { BoardReplica } from './replica'
import { ulid } from './ulid'

export interface BoardMe {
  participant: Participant
  facilitator: boolean
  csrfToken: string
  canSearchEvidence: boolean
  canManageActions: boolean
}

export type BoardStatus =
  'loading' | 'connecting' | 'live' | 'reconnecting' | 'offline' | 'not-found' | 'signed-out'

export interface Refusal {
  opId: string
  code: string
  detail: string
  field?: string
}

/** Delays between reconnection attempts (before jitter), then the last one again and again. */
const backoffMs = [500, 1000, 2000, 4000, 8000, 10_000]
/** How long entries may wait for a missing one before the client asks the server again. */
const gapMs = 1000
/** Pause before an operation the server failed to write goes again. */
const retryRefusedMs = 2000
const pingMs = 60_000
const typingMs = 2000

/** Notes this browser wrote anonymously, by board: the server never says who wrote them. */
const ownNotesKey = (boardId: string) => `touchpoint:board:${boardId}:own-notes`
/** Set once this browser has been on the board as a guest (a 401 then means the link expired). */
const guestKey = (boardId: string) => `touchpoint:board:${boardId}:guest`

function readList(key: string): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? '[]')
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
  } catch {
    return []
  }
}

function writeValue(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value))
  } catch {
    // Storage blocked: the note is still the writer's until this tab closes.
  }
}

/** Whether this browser was on the board as a guest before (for the page's signed-out text). */
export function wasGuest(boardId: string): boolean {
  try {
    return localStorage.getItem(guestKey(boardId)) !== null
  } catch {
    return false
  }
}

/**
 * One live board for the page: it loads the board over HTTP, keeps a `BoardReplica` in step
 * through the socket, sends operations and shows them at once (`view`), and reconnects by itself.
 * Operations survive a lost connection: they stay pending and are sent again with the same opId
 * on the next socket, which the server recognises.
 *
 * @example
 * const connection = new BoardConnection(boardId)
 * void connection.start()
 * connection.send({ type: 'note.add', noteId: ulid(), area: 'pains', text: 'Long wait' })
 * // later
 * connection.close()
 */
export class BoardConnection {
  readonly boardId: string
  me = $state<BoardMe | null>(null)
  presence = $state<PresenceEntry[]>([])
  status = $state<BoardStatus>('loading')
  refusal = $state<Refusal | null>(null)
  /** Ids of notes this browser wrote anonymously (its own, though the board shows no name). */
  ownNoteIds = $state<string[]>([])

  #confirmed = $state.raw<PublicBoardState | null>(null)
  #pending = $state.raw<PendingOp[]>([])
  #optimistic = $derived(
    this.#confirmed && this.me
      ? overlay(this.#confirmed, this.#pending, this.me.participant)
      : null,
  )

  /** The confirmed board with this client's pending operations applied on top. */
  view = $derived(this.#optimistic?.state ?? null)
  /** Notes with a change not yet confirmed (shown as "Saving…"). */
  pendingNoteIds = $derived(this.#optimistic?.pendingNotes ?? new Set<string>())
  /** Operations sent but not yet confirmed (kept through reconnects). */
  pendingCount = $derived(this.#pending.length)

  #replica: BoardReplica | null = null
  #socket: WebSocket | null = null
  #open = false
  #closed = false
  #attempt = 0
  #everLive = false
  #clockOffset = 0
  /** The board's sequence number as the server last said it (a finished catch-up's `upTo`). */
  #serverSeq = 0
  #retryTimer: ReturnType<typeof setTimeout> | null = null
  #gapTimer: ReturnType<typeof setTimeout> | null = null
  /** The operation sent and not yet answered (entry, ack or refusal). */
  #inFlight: string | null = null
  #pingTimer: ReturnType<typeof setInterval> | null = null
  #typingTimer: ReturnType<typeof setTimeout> | null = null
  #typingSent: { area: string | null; at: number } = { area: null, at: 0 }
  #typingWanted: string | null = null
  /** Entries received but not yet applied, kept to tell listeners once they are. */
  #received = new Map<number, Entry>()
  #listeners = new Set<(entry: Entry) => void>()
  /** Every opId sent from this tab, to tell one's own entries from the others'. */
  #sent = new Set<string>()
  #fetch: typeof fetch

  constructor(boardId: string, options: { fetch?: typeof fetch } = {}) {
    this.boardId = boardId
    this.#fetch = options.fetch ?? ((...args) => fetch(...args))
    this.ownNoteIds = readList(ownNotesKey(boardId))
  }

  /** Load the board and connect. Resolves once the first load finished (or failed). */
  async start(): Promise<void> {
    window.addEventListener('online', this.#onOnline)
    window.addEventListener('offline', this.#onOffline)
    await this.#load()
  }

  /** Server time now in ms (clock offset from `welcome.serverTime`), for timers. */
  serverNow(): number {
    return Date.now() + this.#clockOffset
  }

  /** Send an operation; returns its opId. Shown optimistically until its entry arrives. */
  send(op: OperationInput): string {
    const opId = ulid()
    this.refusal = null
    this.#sent.add(opId)
    this.#pending = [
      ...this.#pending,
      { opId, op, at: new Date(this.serverNow()).toISOString(), confirmedSeq: null },
    ]
    if (op.type === 'note.add' && op.anonymous) {
      this.ownNoteIds = [...this.ownNoteIds, op.noteId]
      writeValue(ownNotesKey(this.boardId), this.ownNoteIds)
    }
    this.#pump()
    return opId
  }

  /** Whether the note is this person's: theirs by name, or written anonymously in this browser. */
  isMine(note: Pick<Note, 'id' | 'author'>): boolean {
    const me = this.me?.participant.id
    return (
      (me !== undefined && note.author?.id === me) ||
      this.ownNoteIds.includes(note.id) ||
      this.#pending.some((p) => p.op.type === 'note.add' && p.op.noteId === note.id)
    )
  }

  /** Whether this tab sent the operation (its entry needs no announcement here). */
  sentHere(opId: string): boolean {
    return this.#sent.has(opId)
  }

  /** Tell the others where this person is writing (an area) or that they stopped (null). */
  typing(area: string | null): void {
    this.#typingWanted = area
    this.#flushTyping()
  }

  /** Be told of every entry once the board has applied it (for announcements). */
  onEntry(listener: (entry: Entry) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /**
   * HTTP helper for the board's own routes with the right CSRF token (staff or guest). A path
   * that starts with `/api/` is used as it is; any other is taken under `/api/boards/{id}`.
   * JSON answers are parsed; other answers (the Markdown export) come back as text.
   *
   * @example
   * const { url } = await connection.request<{ url: string }>('POST', '/guest-links', { hours: 12 })
   */
  async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const url = path.startsWith('/api/')
      ? path
      : `/api/boards/${encodeURIComponent(this.boardId)}/${path.replace(/^\//, '')}`
    const headers: Record<string, string> = { accept: 'application/json' }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (method !== 'GET' && this.me) headers['x-csrf-token'] = this.me.csrfToken
    let response: Response
    try {
      response = await this.#fetch(url, {
        method,
        credentials: 'same-origin',
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    } catch {
      throw new ApiError({
        status: 0,
        title: 'Touchpoint cannot be reached',
        detail: 'Check your connection and try again.',
      })
    }
    const type = response.headers.get('content-type') ?? ''
    if (!response.ok) {
      let problem: Partial<{ title: string; detail: string; field: string }> = {}
      if (type.includes('json')) problem = await response.json().catch(() => ({}))
      throw new ApiError({
        status: response.status,
        title: typeof problem.title === 'string' ? problem.title : response.statusText,
        detail: typeof problem.detail === 'string' ? problem.detail : undefined,
        field: typeof problem.field === 'string' ? problem.field : undefined,
      })
    }
    if (response.status === 204) return undefined as T
    return (type.includes('json') ? await response.json() : await response.text()) as T
  }

  close(): void {
    this.#closed = true
    window.removeEventListener('online', this.#onOnline)
    window.removeEventListener('offline', this.#onOffline)
    this.#disconnect()
    if (this.#typingTimer) clearTimeout(this.#typingTimer)
    this.#listeners.clear()
  }

  // ---- Loading and connecting ----

  async #load(): Promise<void> {
    try {
      const me = await this.request<BoardMe>('GET', 'me')
      const state = await this.request<PublicBoardState>('GET', 'state')
      if (this.#closed) return
      this.me = me
      if (me.participant.kind === 'guest') writeValue(guestKey(this.boardId), true)
      this.#replica = new BoardReplica(state)
      this.#confirmed = this.#replica.state
    } catch (error) {
      if (this.#closed) return
      if (this.#stopFor(error)) return
      this.#retry()
      return
    }
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      this.status = 'offline'
      return
    }
    await this.#connect()
  }

  /** A 401 or 404 ends the connection for good (the page explains); other errors are retried. */
  #stopFor(error: unknown): boolean {
    if (!(error instanceof ApiError)) return false
    if (error.status === 401) this.status = 'signed-out'
    else if (error.status === 404 || error.status === 400 || error.status === 403)
      this.status = 'not-found'
    else return false
    this.#disconnect()
    return true
  }

  async #connect(): Promise<void> {
    if (this.#closed || this.status === 'offline') return
    if (!this.#replica) return this.#load()
    this.status = this.#everLive ? 'reconnecting' : 'connecting'
    let ticket: { ticket: string; socketUrl: string }
    try {
      // A new ticket every time: each is single-use and lives a minute.
      ticket = await this.request('POST', 'ticket', {})
    } catch (error) {
      if (this.#closed || this.#stopFor(error)) return
      this.#retry()
      return
    }
    // The page may have closed, or the browser gone offline, while the ticket was on its way.
    if (this.#stopped()) return
    const base = new URL(ticket.socketUrl, location.href)
    if (base.protocol === 'http:') base.protocol = 'ws:'
    if (base.protocol === 'https:') base.protocol = 'wss:'
    base.searchParams.set('ticket', ticket.ticket)
    let socket: WebSocket
    try {
      socket = new WebSocket(base.toString())
    } catch {
      this.#retry()
      return
    }
    this.#socket = socket
    this.#open = false
    socket.onopen = () => {
      if (this.#socket !== socket) return
      this.#open = true
      this.#post({ type: 'sync', since: this.#replica?.seq ?? 0 })
      // Everything not yet confirmed goes again, in order and with the same opId, one at a time:
      // the server applies the ones it never saw and acknowledges the others.
      this.#inFlight = null
      this.#pump()
      // A new connection starts with nobody writing: say where this person writes now, if at all.
      if (this.#typingTimer) clearTimeout(this.#typingTimer)
      this.#typingTimer = null
      this.#typingSent = { area: null, at: 0 }
      this.#flushTyping()
      this.#pingTimer = setInterval(() => this.#post({ type: 'ping' }), pingMs)
    }
    socket.onmessage = (event) => {
      if (this.#socket !== socket || typeof event.data !== 'string') return
      let message: ServerMessage
      try {
        message = JSON.parse(event.data) as ServerMessage
      } catch {
        return
      }
      void this.#handle(message)
    }
    socket.onclose = () => {
      if (this.#socket !== socket) return
      this.#dropSocket()
      if (this.#closed || this.status === 'offline') return
      this.status = 'reconnecting'
      this.#retry()
    }
    // An error is always followed by a close, which reconnects.
    socket.onerror = () => undefined
  }

  #stopped(): boolean {
    return this.#closed || this.status === 'offline'
  }

  #retry(): void {
    if (this.#closed || this.#retryTimer) return
    // The first load failing (the server unreachable) also reads as connecting, not loading.
    if (this.status !== 'offline') this.status = this.#everLive ? 'reconnecting' : 'connecting'
    const base = backoffMs[Math.min(this.#attempt, backoffMs.length - 1)] as number
    this.#attempt++
    // Jitter keeps a room full of clients from all coming back in the same instant.
    const delay = Math.min(10_000, base * (0.75 + Math.random() * 0.5))
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null
      void this.#connect()
    }, delay)
  }

  #dropSocket(): void {
    this.#socket = null
    this.#open = false
    this.#inFlight = null
    if (this.#pingTimer) clearInterval(this.#pingTimer)
    this.#pingTimer = null
    if (this.#gapTimer) clearTimeout(this.#gapTimer)
    this.#gapTimer = null
  }

  #disconnect(): void {
    const socket = this.#socket
    this.#dropSocket()
    if (this.#retryTimer) clearTimeout(this.#retryTimer)
    this.#retryTimer = null
    if (socket && socket.readyState <= WebSocket.OPEN) socket.close(1000, 'Leaving')
  }

  #onOffline = () => {
    if (this.#closed || this.status === 'not-found' || this.status === 'signed-out') return
    this.status = 'offline'
    this.#disconnect()
  }

  #onOnline = () => {
    if (this.#closed || this.status !== 'offline') return
    this.#attempt = 0
    this.status = this.#everLive ? 'reconnecting' : 'connecting'
    void this.#connect()
  }

  // ---- Messages ----

  #post(message: ClientMessage): boolean {
    if (!this.#socket || !this.#open) return false
    this.#socket.send(JSON.stringify(message))
    return true
  }

  /**
   * Send the oldest unconfirmed operation when none is on its way. One at a time, because in AWS
   * each message may reach a different Lambda: a note's move must not overtake its creation.
   * Answers come in tens of milliseconds and the view shows pending operations meanwhile.
   */
  #pump(): void {
    if (this.#inFlight !== null) return
    const next = this.#pending.find((p) => p.confirmedSeq === null && !p.waiting)
    if (!next) return
    if (this.#post({ type: 'op', opId: next.opId, op: next.op })) this.#inFlight = next.opId
  }

  /** The operation on its way was answered: send the next one. */
  #answered(opId: string): void {
    if (this.#inFlight !== opId) return
    this.#inFlight = null
    this.#pump()
  }

  async #handle(message: ServerMessage): Promise<void> {
    switch (message.type) {
      case 'welcome': {
        const serverTime = Date.parse(message.serverTime)
        if (Number.isFinite(serverTime)) this.#clockOffset = serverTime - Date.now()
        this.status = 'live'
        this.#everLive = true
        this.#attempt = 0
        break
      }
      case 'presence':
        this.presence = message.participants
        break
      case 'entry':
        this.#receive([message.entry])
        break
      case 'entries':
        if (message.done) this.#serverSeq = Math.max(this.#serverSeq, message.upTo)
        this.#receive(message.entries)
        break
      case 'refused':
        if (message.status >= 500) {
          // The server could not write it (busy, or failing): nothing changed, so it goes again
          // shortly with the same id, and the person's words are kept meanwhile.
          this.#retryLater(message.opId)
          break
        }
        this.#pending = this.#pending.filter((p) => p.opId !== message.opId)
        this.#answered(message.opId)
        this.refusal = {
          opId: message.opId,
          code: message.code,
          detail: message.detail,
          ...(message.field === undefined ? {} : { field: message.field }),
        }
        break
      case 'ack':
        this.#confirm(message.opId, message.seq)
        this.#prune()
        this.#answered(message.opId)
        break
      case 'reload':
        await this.#reload()
        break
      case 'pong':
        // The last entry may have been lost with nothing after it to show the gap.
        this.#serverSeq = Math.max(this.#serverSeq, message.seq)
        this.#watchGap()
        break
      case 'error':
        break
    }
  }

  #confirm(opId: string, seq: number): void {
    if (!this.#pending.some((p) => p.opId === opId)) return
    this.#pending = this.#pending.map((p) => (p.opId === opId ? { ...p, confirmedSeq: seq } : p))
    this.#answered(opId)
  }

  #retryLater(opId: string): void {
    this.#pending = this.#pending.map((p) => (p.opId === opId ? { ...p, waiting: true } : p))
    this.#answered(opId)
    setTimeout(() => {
      if (this.#closed) return
      this.#pending = this.#pending.map((p) => (p.opId === opId ? { ...p, waiting: false } : p))
      this.#pump()
    }, retryRefusedMs)
  }

  #prune(): void {
    const seq = this.#replica?.seq ?? 0
    const kept = stillPending(this.#pending, seq)
    if (kept.length !== this.#pending.length) this.#pending = kept
  }

  #receive(entries: readonly Entry[]): void {
    const replica = this.#replica
    if (!replica) return
    const before = replica.seq
    for (const entry of entries) {
      if (entry.seq <= before) continue
      this.#received.set(entry.seq, entry)
      this.#confirm(entry.opId, entry.seq)
    }
    if (replica.receiveAll(entries)) this.#confirmed = replica.state
    this.#prune()
    this.#tell(before, replica.seq)
    this.#watchGap()
  }

  #tell(from: number, to: number): void {
    for (let seq = from + 1; seq <= to; seq++) {
      const entry = this.#received.get(seq)
      this.#received.delete(seq)
      if (!entry) continue
      for (const listener of this.#listeners) listener(entry)
    }
    for (const seq of this.#received.keys()) if (seq <= to) this.#received.delete(seq)
  }

  /** Entries still missing (a gap, or short of the server's seq) a second later: ask again. */
  #watchGap(): void {
    if (!this.#behind() || this.#gapTimer) return
    this.#gapTimer = setTimeout(() => {
      this.#gapTimer = null
      if (this.#replica && this.#behind()) {
        this.#post({ type: 'sync', since: this.#replica.seq })
        this.#watchGap()
      }
    }, gapMs)
  }

  #behind(): boolean {
    const replica = this.#replica
    return !!replica && (replica.hasGap || replica.seq < this.#serverSeq)
  }

  async #reload(): Promise<void> {
    try {
      const state = await this.request<PublicBoardState>('GET', 'state')
      if (this.#closed || !this.#replica) return
      this.#replica.reset(state)
      this.#confirmed = this.#replica.state
      this.#received.clear()
      this.#prune()
    } catch (error) {
      if (this.#stopFor(error)) return
      // Try the whole connection again: the next sync may be answered with entries instead.
      this.#socket?.close(4000, 'Reload failed')
    }
  }

  #flushTyping(): void {
    if (this.#typingTimer) return
    const wanted = this.#typingWanted
    if (wanted === this.#typingSent.area) return
    const wait = this.#typingSent.at + typingMs - Date.now()
    if (wait > 0) {
      // At most one message per two seconds; the latest wish is sent when the time comes.
      this.#typingTimer = setTimeout(() => {
        this.#typingTimer = null
        this.#flushTyping()
      }, wait)
      return
    }
    // Not sent (no socket yet): the next connection says it when it opens.
    if (this.#post({ type: 'typing', area: wanted }))
      this.#typingSent = { area: wanted, at: Date.now() }
  }
}
