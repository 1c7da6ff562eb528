import { z } from 'zod'
import { ConnectedSource } from '../../domain/reviews/review'
import { SourceLocation } from '../../domain/reviews/sources'
import { SyncError, SyncFigures } from '../../store/review-sources'

/**
 * A review site as `GET /api/review-sources` lists it: its settings and how its syncs went, never
 * a secret (those stay in the secret store and are only ever written).
 */
export const ReviewSourceView = z
  .object({
    source: ConnectedSource,
    connected: z.boolean(),
    locations: z.array(SourceLocation),
    /** Google only: the `accounts/…` name the locations belong to. */
    accountId: z.string().optional(),
    connectedAt: z.iso.datetime().optional(),
    updatedAt: z.iso.datetime().optional(),
    lastRun: z.iso.datetime().optional(),
    lastSuccess: z.iso.datetime().optional(),
    lastError: SyncError.optional(),
    lastFigures: SyncFigures.optional(),
    lastFullSweep: z.iso.datetime().optional(),
    /** The site refused the saved credentials: the manager must enter new ones. */
    needsReconnect: z.boolean(),
    /** The site's own documentation for the API this source uses. */
    guide: z.url(),
  })
  .meta({ id: 'ReviewSource' })
export type ReviewSourceView = z.infer<typeof ReviewSourceView>

export const ReviewSourceList = z.object({ items: z.array(ReviewSourceView) })

/** `PATCH /api/review-sources/{source}`: change which site place is which location, keeping the secrets. */
export const ReviewSourceLocations = z.object({
  locations: z.array(SourceLocation).min(1).max(100),
})

export const SourceParam = z.object({ source: ConnectedSource })
