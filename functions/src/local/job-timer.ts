/**
 * Runs `run` every `intervalSeconds` under `npm start`, as EventBridge runs the jobs in AWS. A tick
 * that comes while the previous run is still going is skipped, so two runs never overlap (a
 * recount racing itself would count twice). A failing run is logged and never stops the server:
 * the next tick simply tries again. `intervalSeconds` 0 turns the timer off.
 *
 * @example
 * const timer = startJobTimer({ intervalSeconds: 3600, run: () => runJobs({ db, logger }), onError })
 * await timer.stop() // waits for a run in progress
 */
export function startJobTimer({
  intervalSeconds,
  run,
  onError,
}: {
  intervalSeconds: number
  run: () => Promise<unknown>
  /** Told the error class only: a job's error message may quote stored data. */
  onError: (errorName: string) => void
}): { stop(): Promise<void> } {
  if (intervalSeconds <= 0) return { stop: async () => {} }
  let running: Promise<void> | undefined
  const tick = () => {
    if (running) return
    running = run()
      .then(
        () => undefined,
        (err: unknown) => onError(err instanceof Error ? err.name : typeof err),
      )
      .finally(() => (running = undefined))
  }
  const timer = setInterval(tick, intervalSeconds * 1000)
  // The server keeps the process alive; the timer alone must not.
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
