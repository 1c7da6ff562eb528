import type { Board, NoteSource } from '$domain/boards/board'
import type { Entry, PresenceEntry } from './board-types'
import { formatDate } from '$lib/dates'
import { en, type BoardStrings } from './strings'

/**
 * Words for what happens on a board: the area names people see, the step line in the header, what
 * an entry did (for the replay's caption and the live announcements). Pure: the page, the replay
 * and the tests share them.
 */

/** An area's name as people read it; a journey cell also names its touch point. */
export function areaLabel(
  board: Pick<Board, 'areas' | 'journey'>,
  areaId: string,
  text: BoardStrings = en,
): string {
  const area = board.areas.find((a) => a.id === areaId)
  if (!area) return text.history.removedArea
  if (!area.touchpointId) return area.title
  const column = board.journey.find((c) => c.touchpointId === area.touchpointId)
  if (!column || area.title.includes(column.title)) return area.title
  return `${area.title} · ${column.title}`
}

/**
 * What the entry did, after the actor's name, in the board's language.
 *
 * @example
 * describeEntry(entry, board, es) // 'añadió una nota a Dolores'
 */
export function describeEntry(
  entry: Pick<Entry, 'op'>,
  board: Board,
  text: BoardStrings = en,
): string {
  const op = entry.op
  const said = text.history
  // Someone else's dot while votes are hidden: the server sends no more than that it happened.
  if (!op) return said.hiddenVote
  const area = (id: string) => areaLabel(board, id, text)
  switch (op.type) {
    case 'note.add':
      return op.source ? said.addedQuote(area(op.area)) : said.addedNote(area(op.area))
    case 'note.edit':
      return said.editedNote
    case 'note.move':
      return said.movedNote(area(op.area))
    case 'note.colour':
      return said.colouredNote(text.note.colours[op.colour])
    case 'note.group':
      return op.group ? said.grouped(op.group) : said.ungrouped
    case 'note.delete':
      return said.removedNote
    case 'vote.add':
      return said.voted
    case 'vote.remove':
      return said.unvoted
    case 'board.step':
      return said.steppedTo(op.index + 1, board.steps[op.index]?.title ?? '')
    case 'board.timer':
      return op.seconds === null ? said.timerStopped : said.timerSet(duration(op.seconds, text))
    case 'board.hide':
      return op.hidden ? said.notesHidden : said.notesRevealed
    case 'board.lock':
      return op.locked ? said.locked : said.unlocked
    case 'board.archive':
      return op.archived ? said.archived : said.restored
    case 'board.anonymous':
      return op.allowed ? said.anonymousOn : said.anonymousOff
    case 'board.votes':
      return said.gaveDots(op.limit)
    case 'board.hideVotes':
      return op.hidden ? said.votesHidden : said.votesRevealed
    case 'board.rename':
      return said.renamed
    case 'emotion.set': {
      const column = board.journey.find((c) => c.touchpointId === op.touchpointId)
      const where = column?.title ?? said.aTouchPoint
      return op.value === null
        ? said.emotionCleared(where)
        : said.emotionSet(where, text.emotionLevels[op.value] ?? String(op.value))
    }
    case 'action.add':
      return said.actionAdded
    case 'action.edit':
      return op.status === 'done'
        ? said.actionDone
        : op.status === 'open'
          ? said.actionReopened
          : said.actionChanged
    case 'action.delete':
      return said.actionRemoved
  }
}

export const emotionLabels: Record<number, string> = en.emotionLevels

/** "8 minutes", "1 minute 30 seconds", "45 seconds". */
export function duration(seconds: number, text: BoardStrings = en): string {
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  const parts: string[] = []
  if (minutes) parts.push(text.timer.minutes(minutes))
  if (rest || !minutes) parts.push(text.timer.seconds(rest))
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

/** A list in words: "Ana", "Ana and Ben", "Ana, Ben and Cy" ("Ana, Ben y Cy" in Spanish). */
export function listOf(names: readonly string[], text: BoardStrings = en): string {
  if (names.length <= 1) return names[0] ?? ''
  return `${names.slice(0, -1).join(', ')} ${text.and} ${names.at(-1)}`
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

/**
 * "Patient comment · Nov 3, 2026", "Review · Google · 4 stars · Nov 3, 2026": a quote's origin,
 * naming nobody, in the board's language.
 */
export function sourceLine(
  source: Pick<NoteSource, 'kind' | 'date'> &
    Partial<Pick<NoteSource, 'site' | 'stars' | 'recommendation'>>,
  text: BoardStrings = en,
): string {
  const parts =
    source.kind === 'review'
      ? [
          text.note.review,
          source.site && siteName(source.site),
          source.recommendation
            ? source.recommendation === 'positive'
              ? text.note.recommends
              : text.note.doesNotRecommend
            : source.stars && text.note.stars(source.stars),
        ]
      : [text.note.patientComment]
  parts.push(calendarDay(source.date, text) ?? undefined)
  return parts.filter(Boolean).join(' · ')
}

/** A review site's name, the same in every language: `healthgrades` → "Healthgrades". */
const siteName = (site: string) => site.charAt(0).toUpperCase() + site.slice(1).replaceAll('-', ' ')

/**
 * A calendar day (`2026-11-03`, or the day of a timestamp) as the board's language writes it. Read
 * at noon UTC and written in UTC, so the day never shifts with the reader's zone.
 */
export function calendarDay(date: string, text: BoardStrings = en): string | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(date)) return null
  return formatDate(`${date.slice(0, 10)}T12:00:00Z`, 'UTC', text.language)
}
