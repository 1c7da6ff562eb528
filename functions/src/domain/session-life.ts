/** How long a staff session may sit idle, and how long it may last at all. */
export interface SessionLimits {
  idleMinutes: number
  maxHours: number
}

/** What a stored session records about its life, in epoch seconds. */
export interface SessionTimes {
  createdAt: number
  lastSeenAt: number
  /** The person's session epoch when it started; ending every session bumps the person's. */
  epoch: number
}

/**
 * Whether a session still lets its person in. One rule for HTTP requests and board sockets, so a
 * socket never outlives the session its ticket came from: `ended` (signed out everywhere, password
 * changed or reset), `expired` (idle too long, or signed in too long ago) or `live`.
 *
 * @example
 * sessionStatus(session, user.sessionEpoch, { idleMinutes: 30, maxHours: 12 }, nowSeconds) // 'live'
 */
export function sessionStatus(
  session: SessionTimes,
  personEpoch: number,
  limits: SessionLimits,
  nowSeconds: number,
): 'live' | 'ended' | 'expired' {
  if (session.epoch !== personEpoch) return 'ended'
  if (nowSeconds - session.lastSeenAt > limits.idleMinutes * 60) return 'expired'
  if (nowSeconds - session.createdAt > limits.maxHours * 3600) return 'expired'
  return 'live'
}

/**
 * The limits from the configuration's `SESSION_IDLE_MINUTES` and `SESSION_MAX_HOURS`.
 *
 * @example
 * sessionLimits(config) // { idleMinutes: 30, maxHours: 12 }
 */
export function sessionLimits(config: {
  SESSION_IDLE_MINUTES: number
  SESSION_MAX_HOURS: number
}): SessionLimits {
  return { idleMinutes: config.SESSION_IDLE_MINUTES, maxHours: config.SESSION_MAX_HOURS }
}
