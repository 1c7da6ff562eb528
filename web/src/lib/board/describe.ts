import type { Board, NoteSource } from '$domain/boards/board'
import type { Entry, PresenceEntry } from './board-types'
import { en, type BoardStrings } from './strings'

/**
 * Words for what happens on a board: the area names people see, the step line in the header, what
 * an entry did (for the replay's caption and the live announcements). Pure: the page, the replay
 * and the tests share them.
 */

/** An area's name as people read it; a journey cell also names its touch point. */
export function areaLabel(board: Pick<Board, 'areas' | 'journey'>, areaId: string): string {
  const area = board.areas.find((a) => a.id === areaId)
  if (!area) return 'an area that was removed'
  if (!area.touchpointId) return area.title
  const column = board.journey.find((c) => c.touchpointId === area.touchpointId)
  if (!column || area.title.includes(column.title)) return area.title
  return `${area.title} · ${column.title}`
}

/** What the entry did, after the actor's name: "added a note to Pains". */
export function describeEntry(entry: Pick<Entry, 'op'>, board: Board): string {
  const op = entry.op
  // Someone else's dot while votes are hidden: the server sends no more than that it happened.
  if (!op) return 'changed a hidden vote'
  switch (op.type) {
    case 'note.add':
      return op.source
        ? `added a patient comment to ${areaLabel(board, op.area)}`
        : `added a note to ${areaLabel(board, op.area)}`
    case 'note.edit':
      return 'edited a note'
    case 'note.move':
      return `moved a note to ${areaLabel(board, op.area)}`
    case 'note.colour':
      return `made a note ${op.colour}`
    case 'note.group':
      return op.group ? `grouped a note under “${op.group}”` : 'took a note out of its group'
    case 'note.delete':
      return 'removed a note'
    case 'vote.add':
      return 'voted for a note'
    case 'vote.remove':
      return 'took back a vote'
    case 'board.step': {
      const step = board.steps[op.index]
      return step
        ? `moved on to step ${op.index + 1}: ${step.title}`
        : `moved on to step ${op.index + 1}`
    }
    case 'board.timer':
      return op.seconds === null ? 'stopped the timer' : `set the timer to ${duration(op.seconds)}`
    case 'board.hide':
      return op.hidden ? 'turned the notes face down' : 'revealed the notes'
    case 'board.lock':
      return op.locked ? 'locked the board' : 'unlocked the board'
    case 'board.archive':
      return op.archived ? 'archived the board' : 'restored the board'
    case 'board.anonymous':
      return op.allowed ? 'allowed anonymous notes' : 'turned off anonymous notes'
    case 'board.votes':
      return `gave everyone ${op.limit} ${op.limit === 1 ? 'dot' : 'dots'}`
    case 'board.hideVotes':
      return op.hidden ? 'hid the votes until the reveal' : 'revealed the votes'
    case 'board.rename':
      return 'renamed the board'
    case 'emotion.set': {
      const column = board.journey.find((c) => c.touchpointId === op.touchpointId)
      const where = column?.title ?? 'a touch point'
      return op.value === null
        ? `cleared the emotion at ${where}`
        : `set the emotion at ${where} to ${emotionLabels[op.value] ?? op.value}`
    }
    case 'action.add':
      return 'added a follow-up action'
    case 'action.edit':
      return op.status === 'done'
        ? 'marked a follow-up action done'
        : op.status === 'open'
          ? 'reopened a follow-up action'
          : 'changed a follow-up action'
    case 'action.delete':
      return 'removed a follow-up action'
  }
}

export const emotionLabels: Record<number, string> = en.emotionLevels

/** "8 minutes", "1 minute 30 seconds", "45 seconds". */
export function duration(seconds: number): string {
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  const parts: string[] = []
  if (minutes) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`)
  if (rest || !minutes) parts.push(`${rest} ${rest === 1 ? 'second' : 'seconds'}`)
  return parts.join(' ')
}

/** A countdown as the header shows it: "6:42", or "1:02:05" past an hour. Never negative. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = String(total % 60).padStart(2, '0')
  return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}

/** The header's step line: "Step 2 of 5 · Silent writing · 6:42 left". */
export function stepLine(
  board: Pick<Board, 'steps' | 'step'>,
  now: number,
  text: BoardStrings = en,
): string {
  const step = board.steps[board.step.index]
  if (!step) return ''
  const parts = [text.stepOf(board.step.index + 1, board.steps.length), step.title]
  if (board.step.endsAt) {
    const left = Date.parse(board.step.endsAt) - now
    parts.push(left > 0 ? text.timeLeft(clock(left)) : text.timeIsUp)
  }
  return parts.join(' · ')
}

/** "AN" for Ana Núñez, "P" for "Pat (patient advisor)": one rule for the board and the header. */
export { initials } from '$domain/person-name'

/** A list in words: "Ana", "Ana and Ben", "Ana, Ben and Cy". */
export function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? ''
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

/** The people on the board, once each (a person may have the board open twice). */
export function uniquePeople(presence: readonly PresenceEntry[]): PresenceEntry[] {
  const byId = new Map<string, PresenceEntry>()
  for (const person of presence) {
    const seen = byId.get(person.id)
    // Keep whichever of their tabs is writing somewhere.
    if (!seen || (!seen.typing && person.typing)) byId.set(person.id, person)
  }
  return [...byId.values()]
}

/** "Patient comment · 3 Nov 2026": a quote's origin, naming nobody. */
export function sourceLine(source: Pick<NoteSource, 'kind' | 'date'>): string {
  const what = source.kind === 'review' ? 'Review' : 'Patient comment'
  const day = /^\d{4}-\d{2}-\d{2}/.test(source.date) ? source.date.slice(0, 10) : null
  if (!day) return what
  const date = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`))
  return `${what} · ${date}`
}
