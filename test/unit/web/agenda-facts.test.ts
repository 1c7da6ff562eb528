import { describe, expect, it } from 'vitest'
import {
  agendaFacts,
  type FactAction,
  type FactCase,
  type FactOutcome,
} from '../../../web/src/routes/(app)/governance/meetings/[id]/agenda-facts'

const today = '2026-12-01'

const kase = (id: string, openedAt: string, over: Partial<FactCase> = {}): FactCase => ({
  id,
  title: `Case ${id}`,
  status: 'open',
  openedAt,
  clock: { overdue: false, hoursLeft: 10, started: false },
  ...over,
})

const action = (id: string, dueOn: string | null, over: Partial<FactAction> = {}): FactAction => ({
  id,
  source: 'case',
  title: `Action ${id}`,
  status: 'open',
  dueOn,
  overdue: dueOn !== null && dueOn < today,
  owner: { id: 'u', name: 'Sam' },
  ...over,
})

const outcome = (fixId: string, verdict: FactOutcome['verdict']): FactOutcome => ({
  caseId: 'c',
  caseTitle: 'Case c',
  fixId,
  fixTitle: `Fix ${fixId}`,
  effectiveOn: '2026-09-01',
  verdict,
})

describe("the committee agenda's live data", () => {
  const late = { overdue: true, hoursLeft: -6, started: false }
  const facts = agendaFacts({
    cases: [
      kase('late-new', '2026-11-27T08:00:00Z', { clock: late }),
      kase('late-old', '2026-11-02T08:00:00Z', { clock: late }),
      kase('late-closed', '2026-11-01T08:00:00Z', { clock: late, status: 'dismissed' }),
      kase('started', '2026-11-20T08:00:00Z', {
        status: 'investigating',
        clock: { overdue: false, hoursLeft: null, started: true },
      }),
    ],
    actions: [
      action('next-week', '2026-12-08'),
      action('in-two-weeks', '2026-12-15'),
      action('yesterday', '2026-11-30'),
      action('no-date', null),
      action('done-late', '2026-11-20', { status: 'done', overdue: false }),
      action('tomorrow', '2026-12-02', { source: 'board' }),
    ],
    outcomes: [
      outcome('up', 'improved'),
      outcome('flat', 'no-change'),
      outcome('down', 'worse'),
      outcome('young', 'not-enough-data'),
    ],
    today,
    meetingDate: today,
    previousMeetingDate: '2026-11-20',
  })

  it('lists the open cases past their 72 hours, the oldest first, leaving out dismissed ones', () => {
    expect(facts.pastReview.map((c) => c.id)).toEqual(['late-old', 'late-new'])
  })

  it('lists actions overdue, then due within a week, soonest first; done and far ones left out', () => {
    expect(facts.actionsDue.map((a) => a.id)).toEqual(['yesterday', 'tomorrow', 'next-week'])
  })

  it('counts as new the cases opened since the day of the last meeting', () => {
    expect(facts.newCases.map((c) => c.id)).toEqual(['late-new', 'started'])
  })

  it('tells the fixes that moved, for better or worse, from those still measuring', () => {
    expect(facts.outcomesChanged.map((o) => o.fixId)).toEqual(['up', 'down'])
    expect(facts.outcomesWaiting).toBe(2)
  })

  it('without an earlier meeting, new means opened in the 30 days before this one', () => {
    const first = agendaFacts({
      cases: [kase('recent', '2026-11-05T08:00:00Z'), kase('old', '2026-10-20T08:00:00Z')],
      actions: [],
      outcomes: [],
      today,
      meetingDate: today,
    })
    expect(first.newCases.map((c) => c.id)).toEqual(['recent'])
  })
})
