import type { Note } from '$domain/boards/board'
import type { PresenceEntry } from '$contract'
import { en, type BoardStrings } from '$lib/board/strings'

/** Whole seconds left on the step's timer (0 once it ran out), or null when no timer runs. */
export function remainingSeconds(endsAt: string | null, now: number): number | null {
  if (!endsAt) return null
  const end = Date.parse(endsAt)
  if (Number.isNaN(end)) return null
  return Math.max(0, Math.ceil((end - now) / 1000))
}

/**
 * A countdown as a clock reads: `4:05`, `0:09`, `1:02:03`.
 *
 * @example
 * formatCountdown(245) // '4:05'
 */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  const hours = Math.floor(s / 3600)
  const minutes = Math.floor((s % 3600) / 60)
  const secs = String(s % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secs}` : `${minutes}:${secs}`
}

/** The countdown in words, for screen readers: "4 minutes 5 seconds left". */
export function spokenCountdown(seconds: number, text: BoardStrings = en): string {
  if (seconds <= 0) return text.timeIsUp
  const minutes = Math.floor(seconds / 60)
  const secs = seconds % 60
  const parts = []
  if (minutes > 0) parts.push(text.timer.minutes(minutes))
  if (secs > 0) parts.push(text.timer.seconds(secs))
  return text.timer.left(parts.join(' '))
}

/** The longest timer the server takes (two hours). */
export const maxTimerSeconds = 7200

/** Seconds to send with `board.timer` for "+1 min": a minute more than is left (or than nothing). */
export function plusOneMinute(remaining: number | null): number {
  return Math.min(maxTimerSeconds, Math.max(0, remaining ?? 0) + 60)
}

/** Seconds to send with `board.timer` to start a step's timer from its full length. */
export function stepSeconds(minutes: number): number {
  return Math.min(maxTimerSeconds, Math.max(1, Math.round(minutes * 60)))
}

export interface VoteProgress {
  id: string
  name: string
  used: number
  limit: number
  /** True once every dot is placed. */
  done: boolean
}

/**
 * Dots each person here has placed, so the facilitator sees who has not voted yet: those with
 * dots left first (fewest placed first), then those done, each group by name.
 */
export function voteProgress(
  presence: readonly PresenceEntry[],
  notes: Readonly<Record<string, Note>>,
  limit: number,
): VoteProgress[] {
  const used = new Map<string, number>()
  for (const note of Object.values(notes)) {
    for (const [id, dots] of Object.entries(note.votes)) used.set(id, (used.get(id) ?? 0) + dots)
  }
  const seen = new Set<string>()
  const rows: VoteProgress[] = []
  for (const person of presence) {
    if (seen.has(person.id)) continue
    seen.add(person.id)
    const placed = used.get(person.id) ?? 0
    rows.push({ id: person.id, name: person.name, used: placed, limit, done: placed >= limit })
  }
  return rows.sort(
    (a, b) =>
      Number(a.done) - Number(b.done) ||
      (a.done ? 0 : a.used - b.used) ||
      a.name.localeCompare(b.name),
  )
}
