import { createClient } from '../api-client'

export type BoardMethod = 'GET' | 'POST' | 'DELETE'

/**
 * Where a board's HTTP route lives: a path that starts with `/api/` is used as it is; any other is
 * taken under `/api/boards/{id}`.
 *
 * @example
 * boardUrl('01J…', 'state') // "/api/boards/01J…/state"
 */
export function boardUrl(boardId: string, path: string): string {
  return path.startsWith('/api/')
    ? path
    : `/api/boards/${encodeURIComponent(boardId)}/${path.replace(/^\//, '')}`
}

/**
 * HTTP for one board through the app's one client (`createClient`: cookie, problem+json, JSON or
 * text answers), with the board's own CSRF token on writes: a guest's differs from any staff
 * session's. No 401 handler: a guest's expired link must not sign a staff session out.
 *
 * @example
 * const http = boardHttp(boardId, { csrf: () => me?.csrfToken })
 * const state = await http<PublicBoardState>('GET', 'state')
 */
export function boardHttp(
  boardId: string,
  { csrf, fetch }: { csrf: () => string | undefined; fetch?: typeof globalThis.fetch },
) {
  const client = createClient({ csrf, ...(fetch && { fetch }) })
  return <T>(method: BoardMethod, path: string, body?: unknown): Promise<T> =>
    client.request<T>(method, boardUrl(boardId, path), body)
}
