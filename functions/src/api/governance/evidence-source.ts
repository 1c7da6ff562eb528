import type { NoteSource } from '../../domain/boards/board'
import { NotFound } from '../../domain/errors'
import type { Evidence, NewEvidence } from '../../domain/governance/evidence'
import type { Practice } from '../../domain/practice'
import { redactQuote } from '../../domain/redact'
import * as boardItems from '../../store/board-items'
import * as boards from '../../store/boards'
import type { Db } from '../../store/db'
import { resolveEvidence } from '../../store/evidence'
import { staffNames } from '../../store/staff-names'

/**
 * A response, review or board note of THIS practice as a case's evidence: its words redacted
 * exactly as the board's evidence panel redacts them (store/evidence.ts: patients' names, contact
 * details, ID numbers and dates go; staff and provider names stay), with a label saying where it
 * came from. NotFound when the practice has no such item (another practice's ids find nothing:
 * every key is built from the session's practice).
 *
 * @example
 * const evidence = await caseEvidenceOf(db, practice, { kind: 'response', id: '2026-11.01JD…' }, user.id, now)
 */
export async function caseEvidenceOf(
  db: Db,
  practice: Pick<Practice, 'id' | 'timeZone'>,
  wanted: NewEvidence,
  by: string,
  now: string,
): Promise<Evidence> {
  if (wanted.kind === 'board-note') {
    const board = wanted.boardId ? await boards.get(db, practice.id, wanted.boardId) : undefined
    const note = board && (await boardItems.note(db, practice.id, board.id, wanted.id))
    if (!board || !note) throw new NotFound('board note', wanted.id)
    // A quote note was redacted when it was dropped on the board; a typed note may still name a
    // patient, so it is read again the same way before it leaves the board.
    const quote = redactQuote(note.text, { keep: await staffNames(db, practice.id) })
    return {
      kind: 'board-note',
      id: note.id,
      boardId: board.id,
      quote,
      source: `Board note · ${board.title}`,
      patientWords: note.source !== null,
      ...(note.source ? { day: note.source.date } : {}),
      linkedAt: now,
      linkedBy: by,
    }
  }
  const found = await resolveEvidence(db, practice, { kind: wanted.kind, id: wanted.id })
  if (!found) throw new NotFound(wanted.kind, wanted.id)
  return {
    kind: wanted.kind,
    id: found.source.id,
    quote: found.text,
    source: sourceLabel(found.source),
    patientWords: true,
    day: found.source.date,
    ...(found.source.sentiment ? { sentiment: found.source.sentiment } : {}),
    linkedAt: now,
    linkedBy: by,
  }
}

const siteNames: Record<string, string> = {
  google: 'Google',
  yelp: 'Yelp',
  facebook: 'Facebook',
  healthgrades: 'Healthgrades',
  vitals: 'Vitals',
  zocdoc: 'Zocdoc',
}

/** "Patient comment · 2026-11-26", "Review · Google · 2 stars". */
function sourceLabel(source: NoteSource): string {
  if (source.kind === 'response') return `Patient comment · ${source.date}`
  const site = source.site ? (siteNames[source.site] ?? source.site) : 'Review site'
  const rating =
    source.stars !== undefined
      ? `${source.stars} star${source.stars === 1 ? '' : 's'}`
      : source.recommendation === 'negative'
        ? 'does not recommend'
        : source.recommendation === 'positive'
          ? 'recommends'
          : undefined
  return ['Review', site, rating, source.date].filter(Boolean).join(' · ')
}
