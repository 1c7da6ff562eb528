import type { Action, Note } from '$domain/boards/board'

/** Open actions first, then done ones; each group in the order they were added. */
export function sortActions(actions: Readonly<Record<string, Action>>): Action[] {
  return Object.values(actions).sort(
    (a, b) =>
      Number(a.status === 'done') - Number(b.status === 'done') ||
      a.createdAt.localeCompare(b.createdAt) ||
      a.id.localeCompare(b.id),
  )
}

/** Every dot on a note, from everyone. */
export function totalVotes(note: Note): number {
  let total = 0
  for (const dots of Object.values(note.votes)) total += dots
  return total
}

/** Notes with the most dots first (ties: the older note first), for "from note" pickers. */
export function notesByVotes(notes: Readonly<Record<string, Note>>): Note[] {
  return Object.values(notes).sort(
    (a, b) =>
      totalVotes(b) - totalVotes(a) ||
      a.createdAt.localeCompare(b.createdAt) ||
      a.id.localeCompare(b.id),
  )
}

/** A note's words cut to fit one line of a select: "Waited 40 minutes without any…". */
export function shorten(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}

/**
 * A due day as people say it, "Fri 14 Nov", with the year only when it is not this one; `overdue`
 * when an open action's day has passed.
 *
 * @example
 * formatDue('2026-11-14', '2026-11-10') // { text: 'Sat 14 Nov', overdue: false }
 */
export function formatDue(due: string, today: string): { text: string; overdue: boolean } {
  const date = new Date(`${due}T12:00:00Z`)
  const sameYear = due.slice(0, 4) === today.slice(0, 4)
  const text = dayText(date, 'UTC', !sameYear)
  return { text, overdue: due < today }
}

/** "Fri 14 Nov" (or "Fri 14 Nov 2027"), built from parts: engines differ on the commas between. */
export function dayText(date: Date, timeZone?: string, withYear = false): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: withYear ? 'numeric' : undefined,
    timeZone,
  }).formatToParts(date)
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? ''
  return [part('weekday'), part('day'), part('month'), withYear ? part('year') : '']
    .filter(Boolean)
    .join(' ')
}

/** Today as YYYY-MM-DD in the browser's time zone (what a date input shows and sends). */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear()
  const m = String(now.getMonth() + 1).padStart(2, '0')
  const d = String(now.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}
