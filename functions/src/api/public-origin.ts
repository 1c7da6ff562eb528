import type { Context } from 'hono'
import type { AppEnv } from './env'

/**
 * The origin that links sent to people (survey, join, guest and reset links) start with:
 * `PUBLIC_URL`, else the address the local server listens on, else `http://localhost:<PORT>`. Never
 * the request's `Host` header, which the sender chooses: a forged one would mail a colleague an
 * invitation link to someone else's site.
 *
 * @example
 * const link = `${publicOrigin(c)}/join#token=${token}`
 */
export function publicOrigin(c: Context<AppEnv>): string {
  const { config, listeningOrigin } = c.var.deps
  return new URL(config.PUBLIC_URL ?? listeningOrigin?.() ?? `http://localhost:${config.PORT}`)
    .origin
}
