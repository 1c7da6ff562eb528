import type { Case, CaseChanges } from './case'
import type { HistoryEntry } from './history'

/** Fields whose words are the committee's free text: the trail names them, never copies them. */
const wordFields = ['title', 'description'] as const
/** Fields whose values are ids or choices: the trail says from what to what. */
const valueFields = ['touchpointId', 'locationId', 'severity', 'themeId'] as const

const labels: Record<string, string> = {
  title: 'title',
  description: 'description',
  touchpointId: 'touch point',
  locationId: 'location',
  severity: 'severity',
  themeId: 'theme',
}

/**
 * A case after a PATCH (already checked by the workflow), and its line in the trail. The first move
 * to investigating starts the review (RCA²'s 72 hours); closing stamps `closedAt`; dismissing keeps
 * the reason (on the case, not in the trail); reopening clears both. `change` is empty when the
 * PATCH changes nothing.
 *
 * @example
 * caseChange(kase, { status: 'investigating', severity: 'high' }, now).change
 * // 'Status: open → investigating; severity: moderate → high'
 */
export function caseChange(
  existing: Case,
  changes: CaseChanges,
  at: string,
): { next: Case; what: HistoryEntry['what']; change: string } {
  const next: Case = { ...existing, updatedAt: at }
  const said: string[] = []
  const status = changes.status && changes.status !== existing.status ? changes.status : undefined
  if (status) {
    next.status = status
    if (status === 'investigating' && !existing.reviewStartedAt) next.reviewStartedAt = at
    if (status === 'closed') next.closedAt = at
    if (status === 'dismissed') next.dismissedReason = changes.reason!
    if (existing.status === 'closed' || existing.status === 'dismissed') {
      delete next.closedAt
      delete next.dismissedReason
    }
    said.push(
      `Status: ${existing.status} → ${status}${status === 'dismissed' ? ' (reason recorded)' : ''}`,
    )
  }
  const edited: string[] = []
  for (const field of wordFields) {
    const value = changes[field]
    if (value !== undefined && value !== existing[field]) {
      next[field] = value
      edited.push(labels[field]!)
    }
  }
  for (const field of valueFields) {
    if (!(field in changes)) continue
    const value = changes[field] ?? undefined
    if (value === existing[field]) continue
    if (value === undefined) delete next[field]
    else (next as Record<string, unknown>)[field] = value
    said.push(`${labels[field]}: ${existing[field] ?? 'none'} → ${value ?? 'none'}`)
  }
  if (edited.length > 0) said.push(`edited ${edited.join(', ')}`)
  return { next, what: status ? 'status' : 'case', change: said.join('; ') }
}
