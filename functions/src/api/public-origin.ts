import type { Context } from 'hono'
import type { AppEnv } from './env'

/**
 * The origin that links sent to people (survey, join, guest and reset links) start with.
 *
 * @example
 * const link = `${publicOrigin(c)}/join#token=${token}`
 */
export function publicOrigin(c: Context<AppEnv>): string {
  return c.var.deps.config.PUBLIC_URL ?? new URL(c.req.url).origin
}
