/**
 * "My actions" in the order a person works through them: what is late, what is due this week,
 * what comes later, and what was finished lately (so a tick done by mistake can be found again).
 * Pure, so the grouping is tested without a page.
 */

export type ActionGroupId = 'overdue' | 'this-week' | 'later' | 'done'

export interface Groupable {
  status: 'open' | 'doing' | 'done'
  /** YYYY-MM-DD; a board's follow-up action may have none. */
  dueOn?: string | null | undefined
  /** When it was ticked done (case actions say; board actions do not). */
  doneAt?: string | null | undefined
}

export interface ActionGroup<A> {
  id: ActionGroupId
  items: A[]
}

/** How far back "done recently" looks, in days. */
export const doneRecentlyDays = 14

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** The Sunday ending the ISO week (Monday first) that `today` is in. */
export function endOfWeek(today: string): string {
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay() // 0 = Sunday
  return addDays(today, weekday === 0 ? 0 : 7 - weekday)
}

const byDue = <A extends Groupable>(a: A, b: A) =>
  (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31')

/**
 * The non-empty groups, in the order above: overdue (due before today, not done), due this week
 * (today to Sunday), later (after Sunday, or no due date), done (ticked in the last
 * `doneRecentlyDays` days, or done without saying when). Each group is soonest due first; done is
 * the latest ticked (or, without that, due) first.
 *
 * @example
 * groupActions([{ status: 'open', dueOn: '2026-11-30' }], '2026-12-01') // [{ id: 'overdue', … }]
 */
export function groupActions<A extends Groupable>(actions: readonly A[], today: string) {
  const sunday = endOfWeek(today)
  const since = addDays(today, -doneRecentlyDays)
  const groups: Record<ActionGroupId, A[]> = { overdue: [], 'this-week': [], later: [], done: [] }
  for (const action of actions) {
    if (action.status === 'done') {
      if (!action.doneAt || action.doneAt.slice(0, 10) >= since) groups.done.push(action)
    } else if (action.dueOn && action.dueOn < today) groups.overdue.push(action)
    else if (action.dueOn && action.dueOn <= sunday) groups['this-week'].push(action)
    else groups.later.push(action)
  }
  groups.overdue.sort(byDue)
  groups['this-week'].sort(byDue)
  groups.later.sort(byDue)
  groups.done.sort((a, b) => (b.doneAt ?? b.dueOn ?? '').localeCompare(a.doneAt ?? a.dueOn ?? ''))
  return (Object.keys(groups) as ActionGroupId[])
    .filter((id) => groups[id].length > 0)
    .map((id): ActionGroup<A> => ({ id, items: groups[id] }))
}

export const groupTitles: Record<ActionGroupId, string> = {
  overdue: 'Overdue',
  'this-week': 'Due this week',
  later: 'Later',
  done: 'Done recently',
}
