import { z } from 'zod'
import { Id } from '../practice'
import { EvidenceKind } from './analysis'

/**
 * Patients' words linked to a case: a survey response's comment, a review, or a workshop board's
 * note. The quote is kept redacted as boards redact it (no patient names, contact details, ID
 * numbers or dates; staff and provider names stay), so the case never shows more than a board.
 */
export const NewEvidence = z
  .object({
    kind: EvidenceKind,
    /** `<month>.<id>` for a response or a review; the note's id for a board note. */
    id: z.string().min(1).max(80),
    boardId: Id.optional(),
  })
  .superRefine((evidence, ctx) => {
    if (evidence.kind === 'board-note') {
      if (!evidence.boardId)
        ctx.addIssue({ code: 'custom', path: ['boardId'], message: 'Required' })
      if (!Id.safeParse(evidence.id).success)
        ctx.addIssue({ code: 'custom', path: ['id'], message: 'Expected a note id (ULID)' })
    } else if (!/^\d{4}-\d{2}\.[0-9A-HJKMNP-TV-Z]{26}$/.test(evidence.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['id'],
        message: `Expected the ${evidence.kind}'s id as <month>.<id>`,
      })
    }
  })
export type NewEvidence = z.infer<typeof NewEvidence>

export const Evidence = z.object({
  kind: EvidenceKind,
  id: z.string(),
  boardId: Id.optional(),
  /** Redacted when linked. */
  quote: z.string(),
  /** "Patient comment · Nov 26, 2026", "Review · Google · 2 stars", "Board note · Waiting room". */
  source: z.string(),
  /** Patients' own words (a response or a review, or a board's quote note), not a staff note. */
  patientWords: z.boolean(),
  /** When the patient wrote it (responses and reviews). */
  at: z.iso.datetime().optional(),
  /** The day the patient wrote it, in the practice's time zone (what the item itself records). */
  day: z.iso.date().optional(),
  /** How the comment reader took it, when it was read. */
  sentiment: z.enum(['positive', 'neutral', 'negative']).optional(),
  linkedAt: z.iso.datetime(),
  linkedBy: Id,
})
export type Evidence = z.infer<typeof Evidence>
