// The Maps and Sets here are private bookkeeping that no template reads; what the page shows is in
// the $state fields.
/* eslint-disable svelte/prefer-svelte-reactivity */
import type { Note, PublicBoardState } from '$domain/boards/board'
import type { Entry } from '$domain/boards/history'
import type { OperationInput } from '$domain/boards/operations'
import { boardHttp, type BoardMethod } from './board-http'
import type { BoardMe, PresenceEntry, ServerMessage } from './board-types'
import { OpQueue } from './op-queue'
import { overlay, type PendingOp } from './optimistic'
import { BoardReplica } from './replica'
import { stateSeenBy } from '$domain/boards/vote-visibility'
import { SocketSession, type BoardStatus, type SessionEnvironment } from './socket-session'

export type { BoardStatus }

export type { BoardMe }

/** A refused operation as the page shows it: the socket's `refused` message without its type. */
export type Refusal = Omit<Extract<ServerMessage, { type: 'refused' }>, 'type' | 'status'>

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

export interface BoardConnectionOptions {
  fetch?: typeof fetch
  /** Where the socket runs (a test passes a fake WebSocket); the browser's by default. */
  environment?: Partial<SessionEnvironment>
}

/**
 * One live board for the page, in the `$state` the components read. It loads the board over HTTP
 * and keeps a `BoardReplica` in step through a `SocketSession` (connect, catch-up, reconnect);
 * operations go through an `OpQueue` (one in flight, resent after a lost connection) and show at
 * once in `view`, the confirmed board with the pending ones applied by the board's own rules.
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
  /** Areas someone is writing in without their name (a note that may be anonymous). */
  anonymousTyping = $state<string[]>([])
  /** Where this tab writes anonymously: one of `anonymousTyping` is this person's own. */
  typingAnonymouslyIn = $state<string | null>(null)
  status = $state<BoardStatus>('loading')
  refusal = $state<Refusal | null>(null)
  /** Ids of notes this browser wrote anonymously (its own, though the board shows no name). */
  ownNoteIds = $state<string[]>([])

  #confirmed = $state.raw<PublicBoardState | null>(null)
  #pending = $state.raw<readonly PendingOp[]>([])
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
  #closed = false
  /** Entries received but not yet applied, kept to tell listeners once they are. */
  #received = new Map<number, Entry>()
  #listeners = new Set<(entry: Entry) => void>()
  /** Every opId sent from this tab, to tell one's own entries from the others'. */
  #sent = new Set<string>()
  readonly #http: ReturnType<typeof boardHttp>
  readonly #session: SocketSession
  readonly #queue: OpQueue

  constructor(boardId: string, options: BoardConnectionOptions = {}) {
    this.boardId = boardId
    this.ownNoteIds = readList(ownNotesKey(boardId))
    const fetch = options.fetch
    this.#http = boardHttp(boardId, {
      csrf: () => this.me?.csrfToken,
      ...(fetch && { fetch: (...args: Parameters<typeof fetch>) => fetch(...args) }),
    })
    this.#session = new SocketSession(
      {
        prepare: () => this.#load(),
        ticket: () => this.request('POST', 'ticket', {}),
        seq: () => this.#replica?.seq ?? 0,
        behind: (serverSeq) =>
          !!this.#replica && (this.#replica.hasGap || this.#replica.seq < serverSeq),
        opened: () => this.#queue.resend(),
        dropped: () => this.#queue.disconnected(),
        message: (message) => void this.#handle(message),
        status: (status) => (this.status = status),
      },
      options.environment,
    )
    this.#queue = new OpQueue({
      post: (message) => this.#session.post(message),
      changed: (pending) => (this.#pending = pending),
      now: () => this.#session.serverNow(),
    })
  }

  /** Load the board and connect. Resolves once the first load finished (or failed). */
  async start(): Promise<void> {
    await this.#session.start()
  }

  /** Server time now in ms (clock offset from `welcome.serverTime`), for timers. */
  serverNow(): number {
    return this.#session.serverNow()
  }

  /** Send an operation; returns its opId. Shown optimistically until its entry arrives. */
  send(op: OperationInput): string {
    this.refusal = null
    if (op.type === 'note.add' && op.anonymous) {
      this.ownNoteIds = [...this.ownNoteIds, op.noteId]
      writeValue(ownNotesKey(this.boardId), this.ownNoteIds)
    }
    const opId = this.#queue.add(op)
    this.#sent.add(opId)
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

  /**
   * Tell the others where this person is writing (an area) or that they stopped (null); with
   * `anonymous` they see "someone" instead of the name.
   */
  typing(area: string | null, anonymous = false): void {
    this.typingAnonymouslyIn = anonymous ? area : null
    this.#session.typing(area, anonymous)
  }

  /** Be told of every entry once the board has applied it (for announcements). */
  onEntry(listener: (entry: Entry) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /**
   * HTTP for the board's own routes with the right CSRF token (staff or guest). A path that
   * starts with `/api/` is used as it is; any other is taken under `/api/boards/{id}`. JSON
   * answers are parsed; other answers (the Markdown export) come back as text.
   *
   * @example
   * const { url } = await connection.request<{ url: string }>('POST', '/guest-links', { hours: 12 })
   */
  request<T>(method: BoardMethod, path: string, body?: unknown): Promise<T> {
    return this.#http<T>(method, path, body)
  }

  close(): void {
    this.#closed = true
    this.#session.close()
    this.#queue.close()
    this.#listeners.clear()
  }

  async #load(): Promise<void> {
    const me = await this.request<BoardMe>('GET', 'me')
    const state = await this.request<PublicBoardState>('GET', 'state')
    if (this.#closed) return
    this.me = me
    if (me.participant.kind === 'guest') writeValue(guestKey(this.boardId), true)
    this.#replica = new BoardReplica(state)
    this.#confirmed = this.#replica.state
  }

  async #handle(message: ServerMessage): Promise<void> {
    switch (message.type) {
      case 'presence':
        this.presence = message.participants
        this.anonymousTyping = message.anonymousTyping ?? []
        break
      case 'entry':
        this.#receive([message.entry])
        break
      case 'entries':
        this.#receive(message.entries)
        break
      case 'refused':
        if (message.status >= 500) {
          // The server could not write it: it goes again shortly, and the words are kept.
          this.#queue.retryLater(message.opId)
          break
        }
        this.#queue.refused(message.opId)
        this.refusal = {
          opId: message.opId,
          code: message.code,
          detail: message.detail,
          ...(message.field === undefined ? {} : { field: message.field }),
        }
        break
      case 'ack':
        this.#queue.confirm(message.opId, message.seq)
        this.#queue.prune(this.#replica?.seq ?? 0)
        break
      case 'reload':
        await this.#reload()
        break
      default:
        // welcome, pong, error: the session's.
        break
    }
  }

  #receive(entries: readonly Entry[]): void {
    const replica = this.#replica
    if (!replica) return
    const before = replica.seq
    for (const entry of entries) {
      if (entry.seq <= before) continue
      this.#received.set(entry.seq, entry)
      this.#queue.confirm(entry.opId, entry.seq)
    }
    const hiddenBefore = replica.state.board.votesHidden
    if (replica.receiveAll(entries)) this.#confirmed = replica.state
    this.#queue.prune(replica.seq)
    this.#tell(before, replica.seq)
    this.#followVoteVisibility(hiddenBefore)
  }

  /**
   * Hidden votes (domain/boards/vote-visibility.ts): once hidden, drop the others' dots this copy
   * still holds; on the reveal, which carries no notes, load the board to see everyone's.
   */
  #followVoteVisibility(hiddenBefore: boolean): void {
    const replica = this.#replica
    const me = this.me?.participant.id
    if (!replica || !me) return
    const hiddenNow = replica.state.board.votesHidden
    if (!hiddenBefore && hiddenNow) {
      replica.reset(stateSeenBy(replica.state, me))
      this.#confirmed = replica.state
    } else if (hiddenBefore && !hiddenNow) void this.#reload()
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

  async #reload(): Promise<void> {
    try {
      const state = await this.request<PublicBoardState>('GET', 'state')
      if (this.#closed || !this.#replica) return
      this.#replica.reset(state)
      this.#confirmed = this.#replica.state
      this.#received.clear()
      this.#queue.prune(this.#replica.seq)
    } catch (error) {
      if (this.#session.stopFor(error)) return
      // Try the whole connection again: the next sync may be answered with entries instead.
      this.#session.restart('Reload failed')
    }
  }
}
