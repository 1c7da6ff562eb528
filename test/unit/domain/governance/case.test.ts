import { describe, expect, it } from 'vitest'
import { reminderDue } from '../../../../functions/src/domain/governance/actions'
import { analysisChange } from '../../../../functions/src/domain/governance/analysis-diff'
import { emptyAnalysis } from '../../../../functions/src/domain/governance/analysis'
import {
  caseStatuses,
  checkTransition,
  transitionProblem,
  type Case,
  type CaseStatus,
  type TransitionFacts,
} from '../../../../functions/src/domain/governance/case'
import { caseChange } from '../../../../functions/src/domain/governance/case-change'
import { Conflict } from '../../../../functions/src/domain/errors'

/** A case with a fix in effect and a reason at hand: only the workflow's shape can refuse. */
const facts: TransitionFacts = {
  fixes: 1,
  firstFixEffectiveOn: '2026-11-02',
  today: '2026-12-01',
  reason: 'Duplicate of another case',
}

/** Every legal move, written out by hand from the workflow (RCA² steps, one at a time). */
const legal: Record<CaseStatus, CaseStatus[]> = {
  open: ['investigating', 'dismissed'],
  investigating: ['open', 'fix-planned', 'dismissed'],
  'fix-planned': ['investigating', 'fix-in-place', 'dismissed'],
  'fix-in-place': ['fix-planned', 'measuring', 'dismissed'],
  measuring: ['fix-in-place', 'closed', 'dismissed'],
  closed: ['investigating'],
  dismissed: ['investigating'],
}

describe('the case workflow', () => {
  const pairs = caseStatuses.flatMap((from) =>
    caseStatuses.filter((to) => to !== from).map((to) => [from, to] as const),
  )

  it.each(pairs)('%s → %s is legal only if the workflow says so', (from, to) => {
    const allowed = legal[from].includes(to)
    expect(transitionProblem(from, to, facts) === null).toBe(allowed)
    if (allowed) expect(() => checkTransition(from, to, facts)).not.toThrow()
    else {
      try {
        checkTransition(from, to, facts)
        expect.unreachable()
      } catch (err) {
        expect(err).toBeInstanceOf(Conflict)
        expect(err).toMatchObject({ code: 'illegal-transition', status: 409, field: 'status' })
      }
    }
  })

  it('needs a fix before fix-planned, a fix in effect before fix-in-place, and a reason to dismiss', () => {
    expect(transitionProblem('investigating', 'fix-planned', { ...facts, fixes: 0 })).toContain(
      'Add a systemic fix',
    )
    const { firstFixEffectiveOn: _none, ...noFix } = facts
    expect(transitionProblem('fix-planned', 'fix-in-place', noFix)).toContain('taken effect')
    expect(
      transitionProblem('fix-planned', 'fix-in-place', {
        ...facts,
        firstFixEffectiveOn: '2026-12-02',
      }),
    ).toContain('taken effect')
    expect(
      transitionProblem('fix-planned', 'fix-in-place', {
        ...facts,
        firstFixEffectiveOn: '2026-12-01',
      }),
    ).toBeNull()
    expect(transitionProblem('open', 'dismissed', { ...facts, reason: '  ' })).toContain('reason')
    // Going back a step needs nothing.
    expect(transitionProblem('fix-in-place', 'fix-planned', { ...facts, fixes: 0 })).toBeNull()
  })
})

describe('a case after a change', () => {
  const kase: Case = {
    id: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B',
    version: 1,
    title: 'Waits',
    description: 'Long waits',
    touchpointId: 'check-in',
    severity: 'moderate',
    status: 'open',
    openedAt: '2026-11-30T10:00:00.000Z',
    openedBy: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3C',
    updatedAt: '2026-11-30T10:00:00.000Z',
  }
  const at = '2026-12-01T09:00:00.000Z'

  it('starts the review on the first move to investigating, and keeps that start after a reopening', () => {
    const started = caseChange(kase, { status: 'investigating' }, at)
    expect(started.next.reviewStartedAt).toBe(at)
    expect(started).toMatchObject({ what: 'status', change: 'Status: open → investigating' })
    const dismissed = caseChange(started.next, { status: 'dismissed', reason: 'Dup' }, at).next
    expect(dismissed.dismissedReason).toBe('Dup')
    const reopened = caseChange(dismissed, { status: 'investigating' }, '2026-12-09T00:00:00.000Z')
    expect(reopened.next.reviewStartedAt).toBe(at)
    expect(reopened.next.dismissedReason).toBeUndefined()
  })

  it('names edited words without copying them, says values from what to what, and is empty for no change', () => {
    const edited = caseChange(
      kase,
      { description: 'Secret', severity: 'high', locationId: null },
      at,
    )
    expect(edited).toMatchObject({
      what: 'case',
      change: 'severity: moderate → high; edited description',
    })
    expect(caseChange(kase, { title: 'Waits' }, at).change).toBe('')
  })
})

describe('the analysis line of the trail', () => {
  it('counts what changed and says nothing of the words', () => {
    const before = emptyAnalysis()
    const cause = (id: string, root: boolean) => ({
      id,
      category: 'Process',
      text: `Secret ${id}`,
      whys: [],
      evidence: [],
      root,
    })
    const after = {
      ...before,
      causes: [
        cause('01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B', true),
        cause('01JDQ6R8Z5TQ3V2W9X0Y1Z2A3C', false),
      ],
    }
    expect(analysisChange(before, after)).toBe('Analysis: 2 causes added, 1 marked root cause')
    expect(analysisChange(after, after)).toBe('Analysis: saved, nothing changed')
    expect(analysisChange(after, before)).not.toContain('Secret')
  })
})

describe('reminderDue', () => {
  it.each([
    ['open', '2026-12-02', 'due-tomorrow'],
    ['doing', '2026-12-02', 'due-tomorrow'],
    ['open', '2026-11-30', 'overdue'],
    ['doing', '2026-11-30', 'overdue'],
    ['done', '2026-12-02', null],
    ['done', '2026-11-30', null],
    ['open', '2026-12-01', null],
    ['open', '2026-12-03', null],
    ['open', '2026-11-29', null],
  ] as const)('a %s action due %s is owed %s on 2026-12-01', (status, dueOn, expected) => {
    expect(reminderDue({ status, dueOn }, '2026-12-01')).toBe(expected)
  })

  it('counts days across a month and a year end', () => {
    expect(reminderDue({ status: 'open', dueOn: '2027-01-01' }, '2026-12-31')).toBe('due-tomorrow')
    expect(reminderDue({ status: 'open', dueOn: '2026-02-28' }, '2026-03-01')).toBe('overdue')
  })
})
