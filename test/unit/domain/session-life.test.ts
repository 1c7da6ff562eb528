import { describe, expect, it } from 'vitest'
import { sessionLimits, sessionStatus } from '../../../functions/src/domain/session-life'

const limits = sessionLimits({ SESSION_IDLE_MINUTES: 30, SESSION_MAX_HOURS: 12 })
const start = 1_800_000_000
const session = { createdAt: start, lastSeenAt: start, epoch: 3 }

describe('sessionStatus', () => {
  it.each([
    ['just signed in', session, 3, start, 'live'],
    ['idle 30 minutes exactly', session, 3, start + 30 * 60, 'live'],
    ['idle a second past 30 minutes', session, 3, start + 30 * 60 + 1, 'expired'],
    [
      'busy, but 12 hours and a second after sign-in',
      { ...session, lastSeenAt: start + 12 * 3600 },
      3,
      start + 12 * 3600 + 1,
      'expired',
    ],
    ['from before the person ended every session', session, 4, start, 'ended'],
  ] as const)('%s: %s', (_name, times, personEpoch, now, expected) => {
    expect(sessionStatus(times, personEpoch, limits, now)).toBe(expected)
  })
})
