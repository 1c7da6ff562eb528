import { timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { Forbidden } from '../../domain/errors'
import type { AppEnv } from '../env'

export const originVerifyHeader = 'x-origin-verify'

/**
 * When ORIGIN_VERIFY_SECRET is set (in AWS), only requests carrying it, i.e. those CloudFront
 * forwarded, are served. Locally it is unset and every request passes.
 */
export function originVerify(secret: string | undefined): MiddlewareHandler<AppEnv> {
  const expected = secret ? Buffer.from(secret) : undefined
  return async (c, next) => {
    if (expected) {
      const given = Buffer.from(c.req.header(originVerifyHeader) ?? '')
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new Forbidden('Use the site address: the API is only served through it.')
      }
    }
    await next()
  }
}
