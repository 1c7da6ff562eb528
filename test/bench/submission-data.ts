/**
 * What the submission figures send, shared by the bench process (API side) and target.ts `submit`
 * (raw side), so both store the same kind of response and move the same counters.
 */

/** Connections (API) and async workers (raw) submitting at once: see report.ts, figure 4. */
export const submitConcurrency = 10

/**
 * A complete, valid visit-pulse answer set that varies with `n`: every score of each question
 * occurs, a comment on one in four, so the counter updates touch many attributes as real ones do.
 */
export function pulseAnswersFor(n: number): Record<string, number | string | boolean> {
  const rating = (k: number) => 1 + ((n * k + Math.floor(n / 5)) % 5)
  return {
    recommend: n % 11,
    booking: rating(1),
    'check-in': rating(2),
    visit: rating(3),
    records: rating(4),
    billing: rating(7),
    'follow-up': rating(9),
    'may-contact': n % 3 === 0,
    ...(n % 4 === 0 ? { improve: `The wait at check-in was long (visit ${n}).` } : {}),
  }
}

/** A prefix no other run shares, so keys never collide with an earlier run's. */
export const runId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

/** An idempotency key, as a patient's phone makes one per filled-in survey (8-100 of [A-Za-z0-9_-]). */
export const benchKey = (run: string, side: string, n: number) => `bench-${side}-${run}-${n}`
