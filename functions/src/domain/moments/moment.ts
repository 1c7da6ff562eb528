import { z } from 'zod'
import { plainString } from '../plain-text'
import { Id } from '../practice'
import { Slug } from '../surveys'
import { PersonRef } from './recognisable'

/** An ISO week: the practice's Monday-to-Sunday, as `YYYY-Www` (ISO 8601, week 1 holds 4 January). */
export const IsoWeek = z
  .string()
  .regex(/^\d{4}-W(?:0[1-9]|[1-4]\d|5[0-3])$/, 'Expected an ISO week such as 2026-W48')
  .meta({ example: '2026-W48' })
export type IsoWeek = z.infer<typeof IsoWeek>

export const originKinds = ['response', 'review', 'staff'] as const
/**
 * Where a moment's story came from: `<month>.<id>` for a survey response or a review (as the
 * evidence panel names them), `<week>.<id>` for a colleague's submission.
 */
export const MomentOrigin = z.object({
  kind: z.enum(originKinds),
  id: z
    .string()
    .regex(
      /^\d{4}-(?:\d{2}|W\d{2})\.[0-9A-HJKMNP-TV-Z]{26}$/,
      'Expected the id of a candidate (as GET /api/moments/candidates gives it)',
    ),
})
export type MomentOrigin = z.infer<typeof MomentOrigin>

const Words = (max: number) =>
  plainString().trim().min(1, 'Required').max(max, `Use at most ${max} characters`)

/** "I saw this happen": any staffer's story for the manager's list of candidates. */
export const NewSubmission = z.object({
  story: Words(2000),
  staff: z.array(PersonRef).max(10).default([]),
  touchpoint: Slug.optional(),
})
export type NewSubmission = z.infer<typeof NewSubmission>

export const Submission = NewSubmission.extend({
  id: Id,
  week: IsoWeek,
  submittedBy: Id,
  submittedAt: z.iso.datetime(),
})
export type Submission = z.infer<typeof Submission>

export const NewMoment = z.object({
  week: IsoWeek,
  origin: MomentOrigin.optional(),
  /** The patient's words; de-identified again when saved, whoever typed them. */
  quote: Words(1500),
  staff: z.array(PersonRef).min(1, 'Recognise at least one person').max(10),
  whatTheyDid: Words(1000),
  /**
   * The patient's success, not the practice's: "She got her biopsy result the same day and slept
   * that night", not "we launched a results portal".
   */
  patientGain: Words(1000),
  touchpoint: Slug.optional(),
})
export type NewMoment = z.infer<typeof NewMoment>

export const MomentChanges = NewMoment.omit({ week: true, origin: true })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, 'Change at least one field')
export type MomentChanges = z.infer<typeof MomentChanges>

export const Moment = NewMoment.extend({
  id: Id,
  version: z.literal(1).default(1),
  createdBy: Id,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Who was sent "you were recognised", and when last. */
  recognised: z.array(PersonRef).default([]),
  recognisedAt: z.iso.datetime().optional(),
  /**
   * Praise themes (`workshops/praise.json` ids) read in the quote and what they did, kept so the
   * history can chart them; moments saved before this field read as none.
   */
  praise: z.array(Slug).default([]),
})
export type Moment = z.infer<typeof Moment>
