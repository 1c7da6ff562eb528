/**
 * How many frames one socket may send: a token bucket per connection. A person typing and voting
 * stays far below it; a stuck loop or a hostile client does not, and without it every frame cost
 * a broadcast to the whole board (typing) or a read of the log (`sync`).
 */

export interface FrameBudgetOptions {
  /** Tokens added per second. */
  perSecond: number
  /** The bucket's size: frames that may come at once after a quiet moment. */
  burst: number
  /** Refused frames in a row (with no frame let through between) that close the socket. */
  abuseAfter: number
}

// 60 at once: a client replaying a minute of queued operations after a lost connection (or
// a test writing a board's worth of notes) fits; a flood does not.
export const frameBudgetDefaults: FrameBudgetOptions = { perSecond: 20, burst: 60, abuseAfter: 200 }

/** What a frame costs: a `sync` reads the log, so it costs as much as ten operations. */
export const frameCost = { sync: 10, other: 1 } as const

export type FrameVerdict = 'allowed' | 'refused' | 'abuse'

export interface FrameBudget {
  /** Spend `cost` tokens for one frame of `connectionId` at `now` (ms). */
  spend(connectionId: string, cost: number, now: number): FrameVerdict
  /** Forget a closed connection. */
  forget(connectionId: string): void
}

/**
 * Buckets for every connection this process hears from. In AWS each Lambda instance keeps its
 * own, so the limit holds per instance: a client spread over instances gets a few times the rate,
 * which still bounds it.
 *
 * @example
 * const budget = frameBudget()
 * if (budget.spend(connectionId, frameCost.other, Date.now()) !== 'allowed') return
 */
export function frameBudget(options: FrameBudgetOptions = frameBudgetDefaults): FrameBudget {
  const buckets = new Map<string, { tokens: number; at: number; refused: number }>()
  return {
    spend(connectionId, cost, now) {
      const bucket = buckets.get(connectionId) ?? { tokens: options.burst, at: now, refused: 0 }
      bucket.tokens = Math.min(
        options.burst,
        bucket.tokens + ((now - bucket.at) / 1000) * options.perSecond,
      )
      bucket.at = now
      buckets.set(connectionId, bucket)
      if (bucket.tokens >= cost) {
        bucket.tokens -= cost
        bucket.refused = 0
        return 'allowed'
      }
      bucket.refused += 1
      return bucket.refused >= options.abuseAfter ? 'abuse' : 'refused'
    },
    forget(connectionId) {
      buckets.delete(connectionId)
    },
  }
}
