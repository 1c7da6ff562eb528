import { z } from 'zod'
import {
  IsoWeek,
  Moment,
  MomentOrigin,
  NewSubmission,
  Submission,
} from '../../domain/moments/moment'
import { RecognisableKind } from '../../domain/moments/recognisable'
import { Id, Language } from '../../domain/practice'

export { MomentChanges, NewMoment } from '../../domain/moments/moment'
export { Moment, NewSubmission, Submission }

/** A person as a moment shows them. */
export const StaffRef = z.object({ kind: RecognisableKind, id: Id, name: z.string() })

export const Candidate = z
  .object({
    origin: MomentOrigin,
    /** De-identified: no patient names, contact details, ID numbers or dates. */
    quote: z.string(),
    staff: z.array(StaffRef),
    /** A first name two people share: the manager says which. */
    possibleStaff: z.array(StaffRef),
    touchpoint: z.string().optional(),
    reason: z.string(),
    rank: z.number().int().min(1),
    score: z.number(),
    praise: z.array(z.string()),
    recovery: z.boolean(),
    at: z.iso.datetime(),
    /** Set when this story is already a moment. */
    momentId: Id.optional(),
  })
  .meta({ id: 'MomentCandidate' })

export const Candidates = z.object({ week: IsoWeek, items: z.array(Candidate) })

export const CandidatesQuery = z.object({
  week: IsoWeek.optional().meta({ description: 'Defaults to this week in the practice time zone' }),
})

/** A date (`2026-11-01`) or an ISO week (`2026-W44`), in the practice's time zone. */
const DayOrWeek = z.union([IsoWeek, z.iso.date()])

export const MomentsQuery = z.object({
  from: DayOrWeek.optional(),
  to: DayOrWeek.optional(),
  /** A person's id (staff account or provider): their moments only. */
  staff: Id.optional(),
  /** Words that must all appear in the story, what they did or what the patient gained. */
  q: z.string().trim().max(100).optional(),
})

export const MomentView = Moment.extend({ staffNames: z.array(StaffRef) }).meta({ id: 'Moment' })
export const Moments = z.object({
  items: z.array(MomentView),
  /** Weeks in the range and how many of them had a moment. */
  weeks: z.number().int(),
  weeksWithMoment: z.number().int(),
})

export const Recognised = z.object({
  notified: z.array(z.object({ kind: RecognisableKind, id: Id })),
  /** Recognised people with no account to message (providers without one): the reason. */
  notNotified: z.array(z.object({ kind: RecognisableKind, id: Id, reason: z.string() })),
})

export const RecognitionQuery = z.object({ from: DayOrWeek.optional(), to: DayOrWeek.optional() })
export const Recognition = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  items: z.array(
    z.object({
      staff: StaffRef,
      /** Moments that recognised them in the range. */
      moments: z.number().int(),
      /** Patients' comments and reviews that praised them by name in the range. */
      mentions: z.number().int(),
      /** Praise themes of those mentions, most frequent first. */
      themes: z.array(z.object({ id: z.string(), count: z.number().int() })),
    }),
  ),
})
/** `GET /api/praise-themes`: the themes' ids and labels, for the wall's and history's chips. */
export const PraiseThemes = z.object({
  items: z.array(z.object({ id: z.string(), label: z.partialRecord(Language, z.string()) })),
})
export { NewSubmission as SubmissionBody }
