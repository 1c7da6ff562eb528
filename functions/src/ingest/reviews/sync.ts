import { NotFound } from '../../domain/errors'
import type { ConnectedSource } from '../../domain/reviews/review'
import type { SecretStore } from '../../secrets/secret-store'
import type { Db } from '../../store/db'
import * as practices from '../../store/practices'
import * as reviewSources from '../../store/review-sources'
import type { SyncError, SyncFigures, SyncState } from '../../store/review-sources'
import { ConnectorError, type ConnectorContext, type RateLimit } from './connector'
import { connectorFor } from './connectors'
import { newerOf } from './site-call'
import { markRemoved, upsertReviews, type ReviewPractice } from './upsert'

/** What a sync is handed: the table, the secret store, where the sites are, and the clock. */
export interface SyncDeps {
  db: Db
  secrets: SecretStore
  context: ConnectorContext
  now?: () => Date
}

/** A run's figures, and the first error in words when a location could not be read. */
export interface SyncOutcome extends SyncFigures {
  error?: SyncError
  /** Whether this run was a full sweep (every page, removals marked). */
  full: boolean
}

/** A full sweep at least this often: an incremental run never sees a review deleted on the site. */
export const fullSweepEveryMs = 24 * 3600 * 1000

/** Which error a source shows when several locations fail: the one the manager must act on. */
const severity: Record<string, number> = {
  reconnect: 6,
  deprecated: 5,
  quota: 4,
  'not-found': 3,
  'rate-limited': 2,
  unavailable: 1,
  failed: 0,
}

/**
 * Sync one connected source of a practice: per mapped location, read the site (incremental from
 * where the last run stopped, or every page for a full sweep), store what changed, and after a
 * complete full sweep mark removed what the site no longer has. A full sweep happens when asked or
 * when the last one is over 24 hours old. One location failing keeps the others' reviews; the
 * source records the run (last run, last success or the error in words, figures, where to stop
 * next, "reconnect" when the site refused the credentials).
 *
 * @example
 * const outcome = await syncSource({ db, secrets, context }, practiceId, 'google', { full: false })
 * // { fetched: 12, created: 3, updated: 1, removed: 0, skipped: 0, full: false }
 */
export async function syncSource(
  { db, secrets, context, now = () => new Date() }: SyncDeps,
  practiceId: string,
  source: ConnectedSource,
  options: { full?: boolean } = {},
): Promise<SyncOutcome> {
  const record = await reviewSources.get(db, practiceId, source)
  const practice = record && (await practices.get(db, practiceId))
  if (!record || !practice) throw new NotFound('review source', source)
  const started = now()
  const lastSweep = record.sync.lastFullSweep ? Date.parse(record.sync.lastFullSweep) : undefined
  const full =
    options.full === true ||
    lastSweep === undefined ||
    started.getTime() - lastSweep > fullSweepEveryMs
  const reviewPractice: ReviewPractice = {
    id: practiceId,
    timeZone: practice.timeZone,
    languages: practice.languages,
  }
  const figures: SyncFigures = { fetched: 0, created: 0, updated: 0, removed: 0, skipped: 0 }
  const errors: SyncError[] = []
  const newestUpdate = { ...record.sync.newestUpdate }
  let rateLimit: RateLimit | undefined
  /** Per practice location: what the sweep saw, and whether every site place mapped to it was read whole. */
  const swept = new Map<string, { seen: Set<string>; complete: boolean }>()

  const connector = connectorFor(source)
  const credentials = await secrets.get(practiceId, source)
  if (!connector || !credentials) {
    errors.push(
      errorOf(
        new ConnectorError(
          'reconnect',
          'The saved credentials are missing. Connect the site again in Settings → Review sites.',
        ),
        started,
      ),
    )
  } else {
    for (const place of record.locations) {
      const sweep = swept.get(place.locationId) ?? { seen: new Set<string>(), complete: true }
      swept.set(place.locationId, sweep)
      try {
        const result = await connector.fetchReviews(
          credentials,
          {
            accountId: record.accountId,
            externalLocationId: place.externalId,
            locationId: place.locationId,
            since: full ? undefined : newestUpdate[place.externalId],
            full,
          },
          context,
        )
        rateLimit = result.rateLimit ?? rateLimit
        const counts = await upsertReviews(db, reviewPractice, result.reviews)
        figures.fetched += result.reviews.length
        figures.created += counts.created
        figures.updated += counts.updated
        figures.skipped += result.skipped
        for (const review of result.reviews) sweep.seen.add(review.externalId)
        if (!result.complete) sweep.complete = false
        const newest = newerOf(newestUpdate[place.externalId], result.newestUpdate)
        if (newest) newestUpdate[place.externalId] = newest
      } catch (err) {
        // This place's reviews wait for the next run; the other places' are kept.
        sweep.complete = false
        errors.push(errorOf(err, started))
      }
    }
  }

  if (full) {
    for (const [locationId, sweep] of swept) {
      if (!sweep.complete) continue
      figures.removed += await markRemoved(db, reviewPractice, source, sweep.seen, [locationId])
    }
  }

  const error = errors.sort((a, b) => (severity[b.code] ?? 0) - (severity[a.code] ?? 0))[0]
  const at = now().toISOString()
  const changes: Partial<SyncState> = {
    lastRun: at,
    lastFigures: figures,
    newestUpdate,
    lastError: error,
    needsReconnect: error?.code === 'reconnect',
    ...(error ? {} : { lastSuccess: at }),
    // Yelp's three excerpts are all a sweep of Yelp can read; Google's and Facebook's are whole.
    ...(full && !error ? { lastFullSweep: at } : {}),
    ...(rateLimit ? { rateLimit } : {}),
  }
  await reviewSources.recordSync(db, practiceId, source, changes)
  return { ...figures, full, ...(error ? { error } : {}) }
}

/** An error as the source records it: a connector's words, or a generic line for anything else. */
function errorOf(err: unknown, at: Date): SyncError {
  if (err instanceof ConnectorError)
    return { code: err.code, message: err.message, at: at.toISOString() }
  // Anything else is our bug or the table's; its message may quote data, so it is not shown.
  return {
    code: 'failed',
    message: 'The sync failed unexpectedly. The next sync tries again.',
    at: at.toISOString(),
  }
}
