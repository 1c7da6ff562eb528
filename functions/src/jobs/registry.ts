import { governanceRemindersJob } from './governance-reminders'
import type { Job, JobContext } from './job'
import { rebuildCountersJob } from './rebuild-counters'
import { reviewsSyncJob } from './reviews-sync'

/**
 * The counter check recounts every response of every practice, so it runs hourly: an EventBridge
 * rule running `handlers/jobs.ts` in AWS, every `COUNTERS_CHECK_MINUTES` (60) under `npm start`.
 */
export const counterCheckJobs: readonly Job[] = [rebuildCountersJob]

/**
 * The governance committee's reminders read a few days of the due-date index, so they are cheap
 * to run often: daily in AWS (`handlers/governance-reminders.ts`), every `JOBS_INTERVAL_SECONDS`
 * (300) under `npm start`, where the laptop may be asleep at any one hour.
 */
export const reminderJobs: readonly Job[] = [governanceRemindersJob]

/** Every scheduled job but the review-site sync, in the order a run takes them. */
export const scheduledJobs: readonly Job[] = [...counterCheckJobs, ...reminderJobs]

/**
 * The review-site sync, on a schedule of its own (every 30 minutes: `REVIEWS_SYNC_MINUTES` under
 * `npm start`, an EventBridge rule running `handlers/reviews-sync.ts` in AWS).
 */
export const reviewSyncJobs: readonly Job[] = [reviewsSyncJob]

export interface JobOutcome {
  name: string
  ok: boolean
  milliseconds: number
}

/**
 * Run the jobs one after another. One job failing does not stop the others; its failure is logged
 * by job name and error class only, since an error's message may quote stored data.
 *
 * @example
 * const outcomes = await runJobs({ db, logger })
 * if (outcomes.some((outcome) => !outcome.ok)) throw new Error('a scheduled job failed')
 */
export async function runJobs(
  context: JobContext,
  jobs: readonly Job[] = scheduledJobs,
): Promise<JobOutcome[]> {
  const outcomes: JobOutcome[] = []
  for (const job of jobs) {
    const started = Date.now()
    try {
      const figures = await job.run(context)
      const milliseconds = Date.now() - started
      context.logger.info({ job: job.name, milliseconds, ...figures }, 'job done')
      outcomes.push({ name: job.name, ok: true, milliseconds })
    } catch (err) {
      const milliseconds = Date.now() - started
      const errorName = err instanceof Error ? err.name : typeof err
      context.logger.error({ job: job.name, milliseconds, errorName }, 'job failed')
      outcomes.push({ name: job.name, ok: false, milliseconds })
    }
  }
  return outcomes
}
