import type { Context, MiddlewareHandler } from 'hono'
import { rateLimiter, type Store } from 'hono-rate-limiter'
import { addressBucket } from '../../domain/address-bucket'
import { hashToken } from '../../domain/tokens'
import type { Db } from '../../store/db'
import * as throttle from '../../store/throttle'
import type { AppEnv } from '../env'
import { problem } from '../problem'

/** hono-rate-limiter's store, with its counts in the table: every Lambda instance shares them. */
function tableStore(db: Db, scope: string): Store<AppEnv> {
  return {
    async increment(key) {
      const { hits, resetAt } = await throttle.hit(db, scope, key, 60)
      return { totalHits: hits, resetTime: resetAt }
    },
    // Windows are short; undoing a hit is not worth a write.
    decrement: () => undefined,
    resetKey: () => undefined,
  }
}

/**
 * At most `perMinute` requests a minute from one client network (an IPv4 address, or an IPv6 /64,
 * which one household can pick any address in); past it, 429 problem+json with Retry-After.
 * `perMinute` 0 turns the limit off (load tests). `what` names the requests in the answer.
 *
 * @example
 * const limit = perAddressLimit('signup', (c) => c.var.deps.config.OPEN_DOOR_RATE_LIMIT, 'sign-ups')
 */
export function perAddressLimit(
  scope: string,
  perMinute: (c: Context<AppEnv>) => number,
  what = 'submissions',
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const limit = perMinute(c)
    if (limit === 0) return next()
    // Built per request because the store needs this app's table (tests run several apps at once).
    const limiter = rateLimiter<AppEnv>({
      windowMs: 60_000,
      limit,
      standardHeaders: 'draft-7',
      store: tableStore(c.var.db, scope),
      // Hashed: the table never holds a client address in clear.
      keyGenerator: (ctx) => hashToken(addressBucket(ctx.var.deps.clientAddress?.(ctx))),
      handler: (ctx) => {
        const info = ctx.get('rateLimit' as never) as { resetTime?: Date } | undefined
        const resetAt = info?.resetTime?.getTime() ?? Date.now() + 60_000
        const wait = Math.max(1, Math.ceil((resetAt - Date.now()) / 1000))
        ctx.header('retry-after', String(wait))
        return problem(ctx, {
          status: 429,
          code: 'too-many-requests',
          detail: `Too many ${what} from this network. Try again in ${wait} seconds.`,
        })
      },
    })
    return limiter(c, next)
  }
}
