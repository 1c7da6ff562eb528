import { ApiError } from '../api'
import type { ClientMessage, ServerMessage } from './board-types'
import type { Ticket } from '$contract'

export type BoardStatus =
  'loading' | 'connecting' | 'live' | 'reconnecting' | 'offline' | 'not-found' | 'signed-out'

/** Delays between reconnection attempts (before jitter), then the last one again and again. */
export const backoffMs = [500, 1000, 2000, 4000, 8000, 10_000]
/** How long entries may wait for a missing one before the client asks the server again. */
export const gapMs = 1000
export const pingMs = 60_000
/** At most one typing message per this many ms; the latest wish is sent when the time comes. */
export const typingMs = 2000

/** What a socket needs of `POST /api/boards/{id}/ticket`'s answer. */
export type SocketTicket = Pick<Ticket, 'ticket' | 'socketUrl'>

/** What the session needs from the board it serves. */
export interface SessionHooks {
  /** Load what the socket needs first (the board over HTTP); retried like a failed connection. */
  prepare(): Promise<void>
  /** A new single-use ticket for the next socket. */
  ticket(): Promise<SocketTicket>
  /** The last sequence number the replica applied: catch-up starts after it. */
  seq(): number
  /** Whether the replica holds a gap, or stops short of `serverSeq`. */
  behind(serverSeq: number): boolean
  /** A socket opened (after its `sync` went out): resend what is unconfirmed. */
  opened(): void
  /** The socket went away: whatever was on its way gets no answer. */
  dropped(): void
  /** Every message from the server, after the session took what it needs. */
  message(message: ServerMessage): void
  status(status: BoardStatus): void
}

/** Where the session runs; a test passes fakes. */
export interface SessionEnvironment {
  WebSocket: new (url: string) => WebSocket
  /** For `online` / `offline` events. */
  events: Pick<Window, 'addEventListener' | 'removeEventListener'> | null
  online(): boolean
  /** What relative socket URLs are resolved against. */
  baseUrl(): string
  random(): number
}

function browser(): SessionEnvironment {
  return {
    WebSocket: globalThis.WebSocket,
    events: typeof window === 'undefined' ? null : window,
    online: () => typeof navigator === 'undefined' || navigator.onLine !== false,
    baseUrl: () => location.href,
    random: Math.random,
  }
}

/**
 * The socket to one board, kept open: it connects with a fresh ticket, syncs from the replica's
 * sequence number, reconnects with jittered backoff when the socket or the network goes, notices
 * entries it missed (a gap, or a `pong` or catch-up ahead of the replica) and asks again, pings,
 * and says where this person is writing. It stops for good on a 401 or 404 (the page explains).
 *
 * @example
 * const session = new SocketSession(hooks)
 * void session.start()
 * session.post({ type: 'typing', area: 'pains' })
 * session.close()
 */
export class SocketSession {
  #status: BoardStatus = 'loading'
  #socket: WebSocket | null = null
  #open = false
  #closed = false
  #prepared = false
  #attempt = 0
  #everLive = false
  #clockOffset = 0
  /** The board's sequence number as the server last said it (a finished catch-up's `upTo`). */
  #serverSeq = 0
  #retryTimer: ReturnType<typeof setTimeout> | null = null
  #gapTimer: ReturnType<typeof setTimeout> | null = null
  #pingTimer: ReturnType<typeof setInterval> | null = null
  #typingTimer: ReturnType<typeof setTimeout> | null = null
  #typingSent: { area: string | null; anonymous: boolean; at: number } = {
    area: null,
    anonymous: false,
    at: 0,
  }
  #typingWanted: { area: string | null; anonymous: boolean } = { area: null, anonymous: false }
  readonly #hooks: SessionHooks
  readonly #env: SessionEnvironment

  constructor(hooks: SessionHooks, env: Partial<SessionEnvironment> = {}) {
    this.#hooks = hooks
    this.#env = { ...browser(), ...env }
  }

  get status(): BoardStatus {
    return this.#status
  }

  /** Server time now in ms (clock offset from `welcome.serverTime`), for timers. */
  serverNow(): number {
    return Date.now() + this.#clockOffset
  }

  /** Load and connect. Resolves once the first attempt finished (or failed). */
  async start(): Promise<void> {
    this.#env.events?.addEventListener('online', this.#onOnline)
    this.#env.events?.addEventListener('offline', this.#onOffline)
    await this.#connect()
  }

  close(): void {
    this.#closed = true
    this.#env.events?.removeEventListener('online', this.#onOnline)
    this.#env.events?.removeEventListener('offline', this.#onOffline)
    this.#disconnect()
    if (this.#typingTimer) clearTimeout(this.#typingTimer)
    this.#typingTimer = null
  }

  /** Send a message on the open socket; false when there is none (nothing is queued here). */
  post(message: ClientMessage): boolean {
    if (!this.#socket || !this.#open) return false
    this.#socket.send(JSON.stringify(message))
    return true
  }

  /**
   * Tell the others where this person is writing (an area) or that they stopped (null);
   * `anonymous`: the note may be anonymous, so the others see the area without the name.
   */
  typing(area: string | null, anonymous = false): void {
    this.#typingWanted = { area, anonymous: area !== null && anonymous }
    this.#flushTyping()
  }

  /** A 401 or 404 ends the session for good (the page explains); other errors are retried. */
  stopFor(error: unknown): boolean {
    if (!(error instanceof ApiError)) return false
    if (error.status === 401) this.#setStatus('signed-out')
    else if (error.status === 404 || error.status === 400 || error.status === 403)
      this.#setStatus('not-found')
    else return false
    this.#disconnect()
    return true
  }

  /** Drop this socket and connect again (e.g. when a reload failed). */
  restart(reason: string): void {
    this.#socket?.close(4000, reason)
  }

  /** Entries still missing (a gap, or short of the server's seq) a second later: ask again. */
  watchGap(): void {
    if (!this.#hooks.behind(this.#serverSeq) || this.#gapTimer) return
    this.#gapTimer = setTimeout(() => {
      this.#gapTimer = null
      if (this.#hooks.behind(this.#serverSeq)) {
        this.post({ type: 'sync', since: this.#hooks.seq() })
        this.watchGap()
      }
    }, gapMs)
  }

  #setStatus(status: BoardStatus): void {
    if (this.#status === status) return
    this.#status = status
    this.#hooks.status(status)
  }

  #stopped(): boolean {
    return this.#closed || this.#status === 'offline'
  }

  async #connect(): Promise<void> {
    if (this.#stopped()) return
    if (!this.#prepared) {
      try {
        await this.#hooks.prepare()
      } catch (error) {
        if (this.#closed || this.stopFor(error)) return
        this.#retry()
        return
      }
      if (this.#closed) return
      this.#prepared = true
      if (!this.#env.online()) {
        this.#setStatus('offline')
        return
      }
    }
    this.#setStatus(this.#everLive ? 'reconnecting' : 'connecting')
    let ticket: SocketTicket
    try {
      // A new ticket every time: each is single-use and lives a minute.
      ticket = await this.#hooks.ticket()
    } catch (error) {
      if (this.#closed || this.stopFor(error)) return
      this.#retry()
      return
    }
    // The page may have closed, or the browser gone offline, while the ticket was on its way.
    if (this.#stopped()) return
    const url = new URL(ticket.socketUrl, this.#env.baseUrl())
    if (url.protocol === 'http:') url.protocol = 'ws:'
    if (url.protocol === 'https:') url.protocol = 'wss:'
    url.searchParams.set('ticket', ticket.ticket)
    let socket: WebSocket
    try {
      socket = new this.#env.WebSocket(url.toString())
    } catch {
      this.#retry()
      return
    }
    this.#socket = socket
    this.#open = false
    socket.onopen = () => {
      if (this.#socket !== socket) return
      this.#open = true
      this.post({ type: 'sync', since: this.#hooks.seq() })
      this.#hooks.opened()
      // A new connection starts with nobody writing: say where this person writes now, if at all.
      if (this.#typingTimer) clearTimeout(this.#typingTimer)
      this.#typingTimer = null
      this.#typingSent = { area: null, anonymous: false, at: 0 }
      this.#flushTyping()
      this.#pingTimer = setInterval(() => this.post({ type: 'ping' }), pingMs)
    }
    socket.onmessage = (event) => {
      if (this.#socket !== socket || typeof event.data !== 'string') return
      let message: ServerMessage
      try {
        message = JSON.parse(event.data) as ServerMessage
      } catch {
        return
      }
      this.#receive(message)
    }
    socket.onclose = () => {
      if (this.#socket !== socket) return
      this.#dropSocket()
      if (this.#stopped()) return
      this.#setStatus('reconnecting')
      this.#retry()
    }
    // An error is always followed by a close, which reconnects.
    socket.onerror = () => undefined
  }

  #receive(message: ServerMessage): void {
    switch (message.type) {
      case 'welcome': {
        const serverTime = Date.parse(message.serverTime)
        if (Number.isFinite(serverTime)) this.#clockOffset = serverTime - Date.now()
        this.#setStatus('live')
        this.#everLive = true
        this.#attempt = 0
        break
      }
      case 'entries':
        if (message.done) this.#serverSeq = Math.max(this.#serverSeq, message.upTo)
        break
      case 'pong':
        // The last entry may have been lost with nothing after it to show the gap.
        this.#serverSeq = Math.max(this.#serverSeq, message.seq)
        break
    }
    this.#hooks.message(message)
    if (message.type === 'entry' || message.type === 'entries' || message.type === 'pong')
      this.watchGap()
  }

  #retry(): void {
    if (this.#closed || this.#retryTimer) return
    // The first load failing (the server unreachable) also reads as connecting, not loading.
    if (this.#status !== 'offline') this.#setStatus(this.#everLive ? 'reconnecting' : 'connecting')
    const base = backoffMs[Math.min(this.#attempt, backoffMs.length - 1)] as number
    this.#attempt++
    // Jitter keeps a room full of clients from all coming back in the same instant.
    const delay = Math.min(10_000, base * (0.75 + this.#env.random() * 0.5))
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null
      void this.#connect()
    }, delay)
  }

  #dropSocket(): void {
    this.#socket = null
    this.#open = false
    this.#hooks.dropped()
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
    if (socket && socket.readyState <= 1) socket.close(1000, 'Leaving')
  }

  #onOffline = () => {
    if (this.#closed || this.#status === 'not-found' || this.#status === 'signed-out') return
    this.#setStatus('offline')
    this.#disconnect()
  }

  #onOnline = () => {
    if (this.#closed || this.#status !== 'offline') return
    this.#attempt = 0
    this.#setStatus(this.#everLive ? 'reconnecting' : 'connecting')
    void this.#connect()
  }

  #flushTyping(): void {
    if (this.#typingTimer) return
    const wanted = this.#typingWanted
    const sent = this.#typingSent
    if (wanted.area === sent.area && wanted.anonymous === sent.anonymous) return
    const wait = this.#typingSent.at + typingMs - Date.now()
    if (wait > 0) {
      this.#typingTimer = setTimeout(() => {
        this.#typingTimer = null
        this.#flushTyping()
      }, wait)
      return
    }
    // Not sent (no socket yet): the next connection says it when it opens.
    if (this.post({ type: 'typing', ...wanted })) this.#typingSent = { ...wanted, at: Date.now() }
  }
}
