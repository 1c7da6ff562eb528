import type { Context } from 'hono'
import type { AppEnv } from './env'
import { problem } from './problem'

interface RouteLike {
  method: string
  path: string
}

/**
 * The answer for a request no route took: 405 with `Allow` when the path exists under other
 * methods, else 404, both problem+json. `routes` is the app's own route table (`app.routes`), so a
 * new route is known here the moment it is mounted.
 *
 * @example
 * app.notFound(unmatchedRoute(() => app.routes))
 */
export function unmatchedRoute(routes: () => readonly RouteLike[]) {
  let table: { pattern: RegExp; method: string }[] | undefined
  return (c: Context<AppEnv>) => {
    table ??= routes()
      // Middleware is registered as ALL; only real handlers say which methods a path has.
      .filter((route) => route.method !== 'ALL')
      .map((route) => ({ pattern: patternOf(route.path), method: route.method }))
    const path = c.req.path.replace(/\/+$/, '') || '/'
    const allowed = [...new Set(table.filter((r) => r.pattern.test(path)).map((r) => r.method))]
    if (allowed.length > 0) {
      if (allowed.includes('GET') && !allowed.includes('HEAD')) allowed.push('HEAD')
      c.header('allow', allowed.sort().join(', '))
      return problem(c, {
        status: 405,
        code: 'method-not-allowed',
        detail: `${c.req.method} is not supported here; use ${allowed.join(', ')}.`,
      })
    }
    return problem(c, {
      status: 404,
      code: 'not-found',
      detail: `No route for ${c.req.method} ${c.req.path}.`,
    })
  }
}

/** Hono's `/api/boards/:id/notes` (and `*`) as a regular expression over a whole path. */
export function patternOf(path: string): RegExp {
  const source = path
    .replace(/\/+$/, '')
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.*'
      if (segment.startsWith(':')) return '[^/]+'
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    })
    .join('/')
  return new RegExp(`^${source || '/'}$`)
}
