import { z } from 'zod'
import { plainString } from '../plain-text'
import { Id } from '../practice'

/**
 * A case's action items: who does what by when. Their owners are reminded the day before and
 * told the day after they fall overdue (jobs/governance-reminders.ts).
 */
export const ActionStatus = z.enum(['open', 'doing', 'done'])
export type ActionStatus = z.infer<typeof ActionStatus>

const Text = (max: number) =>
  plainString().trim().min(1, 'Required').max(max, `Use at most ${max} characters`)

export const NewCaseAction = z.object({
  title: Text(300),
  ownerId: Id,
  dueOn: z.iso.date(),
  fixId: Id.optional(),
})
export type NewCaseAction = z.infer<typeof NewCaseAction>

/** `PATCH /api/actions/{id}`: the status, a note, and (committee) the title, owner and date. */
export const ActionChanges = z
  .object({
    status: ActionStatus.optional(),
    note: Text(1000).optional(),
    title: Text(300).optional(),
    ownerId: Id.optional(),
    dueOn: z.iso.date().optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, 'Change at least one field')
export type ActionChanges = z.infer<typeof ActionChanges>

export const ActionNote = z.object({ at: z.iso.datetime(), by: Id, text: z.string() })

export const CaseAction = z.object({
  id: Id,
  caseId: Id,
  version: z.literal(1).default(1),
  title: z.string(),
  ownerId: Id,
  dueOn: z.iso.date(),
  fixId: Id.optional(),
  status: ActionStatus,
  notes: z.array(ActionNote).default([]),
  createdBy: Id,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  doneAt: z.iso.datetime().optional(),
})
export type CaseAction = z.infer<typeof CaseAction>

export type ReminderKind = 'due-tomorrow' | 'overdue'

/**
 * Which reminder an open action is owed today: the day before it is due, and the day after it
 * fell overdue. Each is sent once (the job claims it before sending); other days, none.
 *
 * @example
 * reminderDue({ status: 'open', dueOn: '2026-12-02' }, '2026-12-01') // 'due-tomorrow'
 * reminderDue({ status: 'doing', dueOn: '2026-11-30' }, '2026-12-01') // 'overdue'
 */
export function reminderDue(
  action: Pick<CaseAction, 'status' | 'dueOn'>,
  today: string,
): ReminderKind | null {
  if (action.status === 'done') return null
  const day = (offset: number) => {
    const date = new Date(`${today}T00:00:00Z`)
    date.setUTCDate(date.getUTCDate() + offset)
    return date.toISOString().slice(0, 10)
  }
  if (action.dueOn === day(1)) return 'due-tomorrow'
  if (action.dueOn === day(-1)) return 'overdue'
  return null
}
