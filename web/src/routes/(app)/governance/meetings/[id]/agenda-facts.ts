/**
 * The live data beside each item of the committee's agenda: the cases whose review is past its
 * 72 hours, the actions due this week or overdue, the new cases since the last meeting, and the
 * fixes whose outcome moved. Pure, over what the meeting page loaded, so it is tested alone.
 */

export interface FactCase {
  id: string
  title: string
  status: string
  openedAt: string
  clock: { overdue: boolean; hoursLeft: number | null; started: boolean }
}

export interface FactAction {
  id: string
  source: 'case' | 'board'
  title: string
  status: 'open' | 'doing' | 'done'
  dueOn: string | null
  overdue: boolean
  owner: { id: string | null; name: string } | null
  case?: { id: string; title: string } | undefined
  board?: { id: string; title: string } | undefined
}

export interface FactOutcome {
  caseId: string
  caseTitle: string
  fixId: string
  fixTitle: string
  effectiveOn: string
  verdict: 'improved' | 'no-change' | 'worse' | 'not-enough-data'
}

export interface AgendaFacts {
  pastReview: FactCase[]
  actionsDue: FactAction[]
  newCases: FactCase[]
  /** Fixes whose verdict is improved or worse: what the committee should hear about. */
  outcomesChanged: FactOutcome[]
  /** The other fixes being measured (no change yet, not enough data yet), counted. */
  outcomesWaiting: number
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** How far ahead "due" looks: a week, so what falls due before the next check is seen. */
export const dueWithinDays = 7
/**
 * New cases are those opened since the day of the meeting before (that day included: a case may
 * be opened after the meeting ends); without one, in the 30 days before this meeting.
 */
export const newCaseDays = 30

/**
 * @param meetingDate the meeting's day (YYYY-MM-DD); facts are read as of `today`
 * @param previousMeetingDate the committee's meeting before this one, if any
 * @example
 * agendaFacts({ cases, actions, outcomes, today: '2026-12-01', meetingDate: '2026-12-01' })
 */
export function agendaFacts(input: {
  cases: readonly FactCase[]
  actions: readonly FactAction[]
  outcomes: readonly FactOutcome[]
  today: string
  meetingDate: string
  previousMeetingDate?: string | undefined
}): AgendaFacts {
  const horizon = addDays(input.today, dueWithinDays)
  const since = input.previousMeetingDate ?? addDays(input.meetingDate, -newCaseDays)
  const open = (c: FactCase) => c.status !== 'closed' && c.status !== 'dismissed'
  return {
    pastReview: input.cases
      .filter((c) => open(c) && c.clock.overdue)
      .toSorted((a, b) => a.openedAt.localeCompare(b.openedAt)),
    actionsDue: input.actions
      .filter((a) => a.status !== 'done' && (a.overdue || (a.dueOn !== null && a.dueOn <= horizon)))
      .toSorted(
        (a, b) =>
          Number(b.overdue) - Number(a.overdue) || (a.dueOn ?? '').localeCompare(b.dueOn ?? ''),
      ),
    newCases: input.cases
      .filter((c) => c.openedAt.slice(0, 10) >= since)
      .toSorted((a, b) => b.openedAt.localeCompare(a.openedAt)),
    outcomesChanged: input.outcomes.filter(
      (o) => o.verdict === 'improved' || o.verdict === 'worse',
    ),
    outcomesWaiting: input.outcomes.filter(
      (o) => o.verdict === 'no-change' || o.verdict === 'not-enough-data',
    ).length,
  }
}

export const caseStatusWords: Record<string, string> = {
  open: 'Open',
  investigating: 'Investigating',
  'fix-planned': 'Fix planned',
  'fix-in-place': 'Fix in place',
  measuring: 'Measuring',
  closed: 'Closed',
  dismissed: 'Dismissed',
}

export const verdictWords: Record<FactOutcome['verdict'], string> = {
  improved: 'Improved',
  'no-change': 'No change yet',
  worse: 'Worse',
  'not-enough-data': 'Not enough data yet',
}
