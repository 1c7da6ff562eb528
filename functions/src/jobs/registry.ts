import type { Job, JobContext } from './job'
import { rebuildCountersJob } from './rebuild-counters'
import { reviewsSyncJob } from './reviews-sync'

/** Every scheduled job, in the order a run takes them. Reviews sync, reminders and more join here. */
export const scheduledJobs: readonly Job[] = [rebuildCountersJob]

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
