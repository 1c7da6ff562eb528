import { syncSource } from '../ingest/reviews/sync'
import * as reviewSources from '../store/review-sources'
import type { Job } from './job'

/**
 * Sync every connected review source of every practice, one after another (the sites' limits are
 * per key, and a practice has a handful of sources). A source that fails records its error and
 * the run goes on; the log gets counts and codes only, never a practice's words or secrets.
 */
export const reviewsSyncJob: Job = {
  name: 'reviews.sync',
  async run({ db, logger, secrets, connectors }) {
    if (!secrets || !connectors)
      throw new Error('The reviews sync needs a secret store and the sites’ addresses')
    const figures = {
      sources: 0,
      failed: 0,
      fetched: 0,
      created: 0,
      updated: 0,
      removed: 0,
      skipped: 0,
    }
    for (const { practiceId, source } of await reviewSources.everyConnected(db)) {
      figures.sources++
      try {
        const outcome = await syncSource({ db, secrets, context: connectors }, practiceId, source)
        figures.fetched += outcome.fetched
        figures.created += outcome.created
        figures.updated += outcome.updated
        figures.removed += outcome.removed
        figures.skipped += outcome.skipped
        if (outcome.error) {
          figures.failed++
          logger.info({ practiceId, source, code: outcome.error.code }, 'review source not synced')
        }
      } catch (err) {
        figures.failed++
        logger.error(
          { practiceId, source, errorName: err instanceof Error ? err.name : typeof err },
          'review sync failed',
        )
      }
    }
    return figures
  },
}
