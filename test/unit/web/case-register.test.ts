import { describe, expect, it } from 'vitest'
import { groupCases, readCaseFilters } from '../../../web/src/routes/(app)/cases/case-filters'
import { readOrigin, originParam } from '../../../web/src/routes/(app)/cases/case-origin'
import { clockText } from '../../../web/src/routes/(app)/cases/case-words'
import type { CaseListItem } from '../../../web/src/routes/(app)/cases/cases-api'

const now = new Date('2026-12-01T12:00:00Z')
const kase = (id: string, openedAt: string, status: CaseListItem['status'] = 'open') =>
  ({ id, openedAt, status, title: id }) as CaseListItem

describe('the register', () => {
  it('says the 72-hour clock in words', () => {
    const dueAt = now.toISOString()
    expect(clockText({ started: false, overdue: false, hoursLeft: 31, dueAt })).toBe(
      'Review due in 31 h',
    )
    expect(clockText({ started: false, overdue: true, hoursLeft: -6, dueAt })).toBe(
      'Review 6 h late',
    )
    expect(clockText({ started: true, overdue: false, hoursLeft: null, dueAt })).toBe(
      'Review started',
    )
  })

  it('puts cases past 72 hours first, the longest waiting first, and started ones with the rest', () => {
    const { late, others } = groupCases(
      [
        kase('fresh', '2026-12-01T10:00:00Z'),
        kase('late', '2026-11-27T12:00:00Z'),
        kase('later', '2026-11-25T12:00:00Z'),
        kase('started', '2026-11-20T12:00:00Z', 'investigating'),
      ],
      now,
    )
    expect(late.map((c) => c.id)).toEqual(['later', 'late'])
    expect(others.map((c) => c.id)).toEqual(['fresh', 'started'])
  })

  it('reads only known filters from the address', () => {
    expect(
      readCaseFilters(new URLSearchParams('status=closed&touchpoint=check-in&clock=late')),
    ).toEqual({ status: 'closed', touchpoint: 'check-in', clock: 'late' })
    expect(readCaseFilters(new URLSearchParams('status=lost&clock=soon'))).toEqual({
      status: '',
      touchpoint: '',
      clock: '',
    })
  })

  it('reads an origin from the address and writes it back, a board action with its board', () => {
    for (const param of [
      'response:2026-11.01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B',
      'review:2026-10.01JDQ6R8Z5TQ3V2W9X0Y1Z2A3C',
      'board-action:01JDQ6R8Z5TQ3V2W9X0Y1Z2A3D.01JDQ6R8Z5TQ3V2W9X0Y1Z2A3E',
    ]) {
      expect(originParam(readOrigin(param)!)).toBe(param)
    }
    expect(readOrigin('board-action:01JDQ6R8Z5TQ3V2W9X0Y1Z2A3D')).toBeUndefined()
    expect(readOrigin('visit:123')).toBeUndefined()
  })
})
