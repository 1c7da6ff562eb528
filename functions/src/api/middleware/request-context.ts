import type { MiddlewareHandler } from 'hono'
import { ulid } from 'ulid'
import type { AppEnv } from '../env'

/**
 * Gives each request an id (echoed in `x-request-id` and in problem bodies) and writes one JSON log
 * line when it ends. The line names the route pattern, never the raw URL, and never a body, so no
 * token, name or answer reaches the logs.
 */
export function requestContext(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = ulid()
    const started = performance.now()
    const log = c.var.deps.logger!.child({ requestId })
    c.set('requestId', requestId)
    c.set('log', log)
    c.set('db', c.var.deps.db)
    await next()
    c.header('x-request-id', requestId)
    c.header('cache-control', c.res.headers.get('cache-control') ?? 'no-store')
    const status = c.res.status
    log[status >= 500 ? 'error' : 'info']({
      method: c.req.method,
      route: c.req.routePath,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    })
  }
}
