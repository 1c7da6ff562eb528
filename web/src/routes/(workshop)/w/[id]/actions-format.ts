import type { Action, Note } from '$domain/boards/board'
import type { Language } from '$lib/api'
import { formatDate } from '$lib/dates'

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
 * A due day as the board's language writes it (the one date format of `$lib/dates`); `overdue`
 * when an open action's day has passed. The day is read at noon UTC and written in UTC: a due
 * date is a calendar day, not an instant, so it never shifts with the reader's zone.
 *
 * @example
 * formatDue('2026-11-14', '2026-11-10') // { text: 'Nov 14, 2026', overdue: false }
 * formatDue('2026-11-14', '2026-11-10', 'es') // { text: '14 nov 2026', overdue: false }
 */
export function formatDue(
  due: string,
  today: string,
  language: Language = 'en',
): { text: string; overdue: boolean } {
  return { text: formatDate(`${due}T12:00:00Z`, 'UTC', language), overdue: due < today }
}

/** Today as YYYY-MM-DD in the browser's time zone (what a date input shows and sends). */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear()
  const m = String(now.getMonth() + 1).padStart(2, '0')
  const d = String(now.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}
