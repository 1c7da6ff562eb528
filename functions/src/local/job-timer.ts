import type { Config } from '../config'
import type { Job } from '../jobs/job'
import { counterCheckJobs, reminderJobs, reviewSyncJobs } from '../jobs/registry'

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

/** One local timer: which jobs it runs, and how often. */
export interface LocalSchedule {
  name: string
  intervalSeconds: number
  jobs: readonly Job[]
}

/**
 * The timers `npm start` runs, as EventBridge rules do in AWS: the governance reminders every
 * `JOBS_INTERVAL_SECONDS`, the counter check every `COUNTERS_CHECK_MINUTES`, the review-site sync
 * every `REVIEWS_SYNC_MINUTES` (0 turns any of them off).
 *
 * @example
 * for (const schedule of localSchedules(config)) startJobTimer({ intervalSeconds: schedule.intervalSeconds, ... })
 */
export function localSchedules(
  config: Pick<Config, 'JOBS_INTERVAL_SECONDS' | 'COUNTERS_CHECK_MINUTES' | 'REVIEWS_SYNC_MINUTES'>,
): LocalSchedule[] {
  return [
    { name: 'jobs', intervalSeconds: config.JOBS_INTERVAL_SECONDS, jobs: reminderJobs },
    {
      name: 'counters',
      intervalSeconds: config.COUNTERS_CHECK_MINUTES * 60,
      jobs: counterCheckJobs,
    },
    { name: 'reviews', intervalSeconds: config.REVIEWS_SYNC_MINUTES * 60, jobs: reviewSyncJobs },
  ]
}
