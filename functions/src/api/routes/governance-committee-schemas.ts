import { z } from 'zod'
import {
  Charter,
  CharterBody,
  CommitteeHistoryEntry,
  Meeting,
  MeetingChanges,
  NewMeeting,
} from '../../domain/governance/committee'
import { Id } from '../../domain/practice'

export { CharterBody, Meeting, MeetingChanges, NewMeeting }

/** Who sits on the committee: people with an account (by role), and guests without one. */
export const CommitteeMember = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('user'),
      id: Id,
      name: z.string(),
      /** `committee`, or an owner or manager, who may write governance too. */
      role: z.enum(['committee', 'owner', 'manager']),
    }),
    z.object({
      kind: z.literal('guest'),
      name: z.string(),
      /** In the charter's words: "Patient representative". */
      role: z.string(),
    }),
  ])
  .meta({ id: 'CommitteeMember' })

/** The charter as `GET /api/governance/charter` answers it: the text and who sits on it. */
export const CharterView = Charter.extend({
  /** True while the committee has not written its own: the text is a starting point, not a decision. */
  isDefault: z.boolean(),
  members: z.array(CommitteeMember),
}).meta({ id: 'CharterView' })

export const MeetingView = Meeting.meta({ id: 'Meeting' })
export const Meetings = z.object({ items: z.array(MeetingView) }).meta({ id: 'Meetings' })

export const CommitteeHistory = z
  .object({ items: z.array(CommitteeHistoryEntry) })
  .meta({ id: 'CommitteeHistory' })
