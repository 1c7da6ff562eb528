/**
 * Whether a board socket may open from the page at `origin`. A browser always sends `Origin` on
 * a WebSocket handshake and sends the site's cookies with it whatever the page, so without this
 * check any site could open a board socket in a visitor's browser (cross-site WebSocket
 * hijacking); the ticket makes that hard, the Origin check makes it impossible. A client that
 * sends no `Origin` is not a browser and cannot borrow anyone's cookies: it still needs a ticket.
 *
 * Allowed: the configured public origin (`PUBLIC_URL`) when there is one, else the origin of the
 * host the request came to (the local server on a laptop or the meeting room's network).
 *
 * @example
 * socketOriginAllowed('https://evil.example', { publicUrl: 'https://tp.example' }) // false
 * socketOriginAllowed('http://localhost:5173', { host: 'localhost:5173' }) // true
 */
export function socketOriginAllowed(
  origin: string | undefined,
  allowed: { publicUrl?: string | undefined; host?: string | undefined },
): boolean {
  if (origin === undefined) return true
  let from: URL
  try {
    from = new URL(origin)
  } catch {
    return false // "null" (a sandboxed frame or a file) and anything else that is not an origin
  }
  if (allowed.publicUrl) return from.origin === new URL(allowed.publicUrl).origin
  return allowed.host !== undefined && from.host === allowed.host.toLowerCase()
}
