/**
 * Fakes for the board's browser code in unit tests: a WebSocket the test opens, feeds and closes
 * by hand, and a `fetch` that answers the board's HTTP routes from a table.
 */
import type { ServerMessage } from '../../functions/src/realtime/protocol'

export class FakeSocket {
  static made: FakeSocket[] = []
  readyState = 0
  /** Every message the client sent, parsed. */
  sent: any[] = []
  closedWith: { code?: number; reason?: string } | null = null
  onopen: (() => void) | null = null
  onmessage: ((event: { data: unknown }) => void) | null = null
  onclose: (() => void) | null = null
  onerror: (() => void) | null = null

  constructor(readonly url: string) {
    FakeSocket.made.push(this)
  }

  static get last(): FakeSocket {
    const socket = FakeSocket.made.at(-1)
    if (!socket) throw new Error('No socket was opened')
    return socket
  }

  static reset(): void {
    FakeSocket.made = []
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data))
  }

  close(code?: number, reason?: string): void {
    this.closedWith = { code, reason }
    this.readyState = 3
    this.onclose?.()
  }

  /** The server accepted the socket. */
  open(): void {
    this.readyState = 1
    this.onopen?.()
  }

  /** One message from the server. */
  deliver(message: ServerMessage): void {
    this.onmessage?.({ data: JSON.stringify(message) })
  }

  /** The network dropped the socket (no close frame from the client). */
  drop(): void {
    this.readyState = 3
    this.onclose?.()
  }

  /** What the client sent of one type. */
  sentOf(type: string): any[] {
    return this.sent.filter((m) => m.type === type)
  }
}

export interface FakeCall {
  method: string
  url: string
  headers: Record<string, string>
  body: unknown
}

/** A `fetch` answering `METHOD path` from `routes` (a function may answer differently each call). */
export function fakeFetch(
  routes: Record<string, unknown | ((call: FakeCall) => Response | unknown)>,
) {
  const calls: FakeCall[] = []
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call: FakeCall = {
      method: init.method ?? 'GET',
      url: String(input),
      headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    }
    calls.push(call)
    const route = routes[`${call.method} ${call.url}`]
    if (route === undefined) return json({ title: 'Not found' }, 404)
    const answer = typeof route === 'function' ? route(call) : route
    return answer instanceof Response ? answer : json(answer)
  }
  return { fetch: fetch as typeof globalThis.fetch, calls }
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
  })
}
