import { z } from 'zod'
import { Id } from '../practice'

/**
 * The audit trail of a case: every change to it, its analysis, fixes, actions and evidence, with
 * who made it and when. `change` is a sentence for people ("Status: open → investigating"); `what`
 * names the thing changed, for filtering. Written in the same transaction as the change.
 */
export const HistoryEntry = z.object({
  at: z.iso.datetime(),
  by: Id,
  /** The person's name when written, so the trail reads the same after they leave. */
  byName: z.string().optional(),
  what: z.enum(['case', 'status', 'evidence', 'analysis', 'fix', 'action', 'decision']),
  change: z.string(),
})
export type HistoryEntry = z.infer<typeof HistoryEntry>
