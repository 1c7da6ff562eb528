/**
 * At most one run of a task per key per window: the first call runs at once, calls within the
 * window after it are folded into one run at the window's end (which reads the latest state, so
 * nothing is lost, only the steps in between). Presence uses it: a burst of typing frames becomes
 * one presence message per board per window instead of one per frame.
 *
 * Every call resolves when the run that covers it has finished, so a Lambda that awaits its event
 * does not freeze with the trailing run still pending.
 *
 * @example
 * const presence = coalesce(250)
 * await presence.run(boardKey, () => broadcastPresence(practiceId, boardId))
 */
export function coalesce(windowMs: number, now: () => number = Date.now) {
  const keys = new Map<string, { lastRun: number; trailing: Promise<void> | null }>()
  return {
    run(key: string, task: () => Promise<void>): Promise<void> {
      const at = now()
      const state = keys.get(key)
      if (state?.trailing) return state.trailing
      if (!state || at - state.lastRun >= windowMs) {
        const fresh = { lastRun: at, trailing: null }
        keys.set(key, fresh)
        return task().finally(() => forgetLater(key, fresh))
      }
      const wait = state.lastRun + windowMs - at
      state.trailing = new Promise<void>((done) => setTimeout(done, wait)).then(() => {
        state.lastRun = now()
        state.trailing = null
        return task().finally(() => forgetLater(key, state))
      })
      return state.trailing
    },
  }

  /** Idle keys are dropped once their window has passed, so the map holds only busy boards. */
  function forgetLater(key: string, state: { lastRun: number; trailing: Promise<void> | null }) {
    setTimeout(() => {
      if (keys.get(key) === state && !state.trailing) keys.delete(key)
    }, windowMs).unref?.()
  }
}
