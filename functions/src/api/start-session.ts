import type { Context } from 'hono'
import type { Practice, User } from '../domain/practice'
import * as sessions from '../store/sessions'
import type { AppEnv } from './env'
import { setSessionCookie } from './middleware/session'
import { toMe, type Me } from './schemas'

/** Start a session for the person, set its cookie, and answer who they are. */
export async function startSession(
  c: Context<AppEnv>,
  practice: Practice,
  user: User,
): Promise<Me> {
  const ttlSeconds = Math.round(c.var.deps.config.SESSION_TTL_HOURS * 3600)
  const { token, session } = await sessions.create(c.var.db, {
    practiceId: practice.id,
    userId: user.id,
    ttlSeconds,
  })
  setSessionCookie(c, token, ttlSeconds)
  return toMe(practice, user, session.csrfToken)
}
