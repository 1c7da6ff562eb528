import type { Participant } from '../domain/boards/board'
import type { Connection } from './ports'
import type { PresenceEntry } from './protocol'

/**
 * Who is on the board: one line per person however many tabs they have open (writing if any of
 * them is), sorted by name. Someone writing a note that may be anonymous is not shown writing:
 * their area goes to `anonymousTyping` instead, one per person, sorted by area, so the line
 * reads "someone is writing in Pains" and nothing in the message names them.
 */
export function presenceOf(onBoard: readonly Connection[]): {
  participants: PresenceEntry[]
  anonymousTyping: string[]
} {
  const byParticipant = new Map<string, PresenceEntry>()
  const anonymousAreas = new Map<string, string>()
  for (const c of onBoard) {
    const named = c.typingAnonymous ? null : c.typing
    if (c.typingAnonymous && c.typing) anonymousAreas.set(c.participant.id, c.typing)
    const seen = byParticipant.get(c.participant.id)
    if (seen) {
      seen.typing ??= named
      seen.facilitator ||= c.facilitator
    } else {
      const { id, name, kind }: Participant = c.participant
      byParticipant.set(id, { id, name, kind, typing: named, facilitator: c.facilitator })
    }
  }
  // Writing anonymously in one tab and by name in another still never pairs the name and area.
  for (const id of anonymousAreas.keys()) {
    const entry = byParticipant.get(id)
    if (entry && entry.typing === anonymousAreas.get(id)) entry.typing = null
  }
  return {
    participants: [...byParticipant.values()].sort(
      (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
    ),
    anonymousTyping: [...anonymousAreas.values()].sort(),
  }
}
