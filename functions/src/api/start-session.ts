import type { Context } from 'hono'
import type { Practice, User } from '../domain/practice'
import * as sessions from '../store/sessions'
import type { AppEnv } from './env'
import { setSessionCookie } from './middleware/session'
import { toMe, type Me } from './schemas'

/**
 * Start a session for the person, set its cookie, and answer who they are. `sessionEpoch` is the
 * person's current one (0 for someone just created), so "sign out everywhere" can end it later.
 */
export async function startSession(
  c: Context<AppEnv>,
  practice: Practice,
  user: User,
  sessionEpoch = 0,
): Promise<Me> {
  const { SESSION_MAX_HOURS, SESSION_IDLE_MINUTES } = c.var.deps.config
  // The middleware ends the session at SESSION_MAX_HOURS; the item and cookie live a little
  // longer, so the browser is told "timed out" rather than a bare "not signed in".
  const ttlSeconds = Math.round(SESSION_MAX_HOURS * 3600 + SESSION_IDLE_MINUTES * 60)
  const { token, session } = await sessions.create(c.var.db, {
    practiceId: practice.id,
    userId: user.id,
    ttlSeconds,
    epoch: sessionEpoch,
  })
  setSessionCookie(c, token, ttlSeconds)
  return toMe(practice, user, session.csrfToken)
}
