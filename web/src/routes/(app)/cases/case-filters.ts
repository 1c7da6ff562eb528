import { caseStatuses, reviewClock, type ReviewClock } from '$domain/governance/case'
import type { CaseListItem } from './cases-api'

/** The register's filters as the address holds them (`/cases?status=open&touchpoint=check-in`). */
export interface CaseFilters {
  status: string
  touchpoint: string
  /** `late`: only cases whose review has not started within 72 hours. */
  clock: string
}

export function readCaseFilters(params: URLSearchParams): CaseFilters {
  const status = params.get('status') ?? ''
  return {
    status: (caseStatuses as readonly string[]).includes(status) ? status : '',
    touchpoint: params.get('touchpoint') ?? '',
    clock: params.get('clock') === 'late' ? 'late' : '',
  }
}

export function caseFilterSearch(filters: CaseFilters): string {
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value)
  const text = query.toString()
  return text ? `?${text}` : ''
}

/**
 * The case's 72-hour clock, worked out here from the same facts as the server's: a page left open
 * for hours still tells the truth.
 */
export const clockOf = (kase: CaseListItem, now: Date): ReviewClock => reviewClock(kase, now)

/**
 * The register's groups: cases past the 72 hours first (the most overdue first), then the rest as
 * the server ordered them.
 */
export function groupCases(items: readonly CaseListItem[], now: Date) {
  const late: CaseListItem[] = []
  const others: CaseListItem[] = []
  for (const item of items) (clockOf(item, now).overdue ? late : others).push(item)
  late.sort((a, b) => a.openedAt.localeCompare(b.openedAt))
  return { late, others }
}
