import { z } from 'zod'
import { Conflict } from '../errors'
import { plainString } from '../plain-text'
import { Id } from '../practice'
import { Slug } from '../surveys'

/**
 * A case: a failed patient experience the governance committee follows to its root causes, its
 * systemic fixes and their outcome. Its status moves along one workflow (see `checkTransition`).
 */

export const caseStatuses = [
  'open',
  'investigating',
  'fix-planned',
  'fix-in-place',
  'measuring',
  'closed',
  'dismissed',
] as const
export const CaseStatus = z.enum(caseStatuses)
export type CaseStatus = z.infer<typeof CaseStatus>

/** The workflow's steps in order; `dismissed` stands beside them. */
export const workflowSteps = [
  'open',
  'investigating',
  'fix-planned',
  'fix-in-place',
  'measuring',
  'closed',
] as const satisfies readonly CaseStatus[]

export const Severity = z.enum(['low', 'moderate', 'high'])
export type Severity = z.infer<typeof Severity>

export const caseOriginKinds = ['response', 'review', 'board-action'] as const
/**
 * Where a case came from. `id` is the origin as the app names it elsewhere: `<month>.<id>` for a
 * survey response or a review (as the evidence panel gives it), the action's id for a board's
 * follow-up action (with its `boardId`).
 */
export const CaseOrigin = z
  .object({
    kind: z.enum(caseOriginKinds),
    id: z.string().min(1).max(80),
    boardId: Id.optional(),
  })
  .superRefine((origin, ctx) => {
    if (origin.kind === 'board-action') {
      if (!origin.boardId) ctx.addIssue({ code: 'custom', path: ['boardId'], message: 'Required' })
      if (!Id.safeParse(origin.id).success)
        ctx.addIssue({ code: 'custom', path: ['id'], message: 'Expected an action id (ULID)' })
    } else if (!/^\d{4}-\d{2}\.[0-9A-HJKMNP-TV-Z]{26}$/.test(origin.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['id'],
        message: `Expected the ${origin.kind}'s id as <month>.<id> (e.g. 2026-11.01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B)`,
      })
    }
  })
export type CaseOrigin = z.infer<typeof CaseOrigin>

const Words = (max: number) =>
  plainString().trim().min(1, 'Required').max(max, `Use at most ${max} characters`)

export const NewCase = z.object({
  title: Words(140),
  /** What happened, in the committee's words (patients' words are linked as evidence instead). */
  description: Words(4000),
  touchpointId: Slug,
  locationId: Id.optional(),
  severity: Severity,
  origin: CaseOrigin.optional(),
  /**
   * The comment theme (`workshops/themes.json` id) the failure is about, for "how often do the touch
   * point's unhappy patients mention it"; defaults to the touch point's first theme.
   */
  themeId: Slug.optional(),
})
export type NewCase = z.infer<typeof NewCase>

export const Case = NewCase.extend({
  id: Id,
  version: z.literal(1).default(1),
  status: CaseStatus,
  openedAt: z.iso.datetime(),
  openedBy: Id,
  /** When the review started (the first move to `investigating`): RCA² asks for 72 hours at most. */
  reviewStartedAt: z.iso.datetime().optional(),
  /** Why it was dismissed (required to dismiss). */
  dismissedReason: z.string().optional(),
  closedAt: z.iso.datetime().optional(),
  updatedAt: z.iso.datetime(),
})
export type Case = z.infer<typeof Case>

/** `PATCH /api/cases/{id}`: any of the case's own fields, and a move along the workflow. */
export const CaseChanges = NewCase.omit({ origin: true })
  .partial()
  .extend({
    status: CaseStatus.optional(),
    /** Required when `status` is `dismissed`. */
    reason: Words(1000).optional(),
    /** Clears the location. */
    locationId: Id.nullable().optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, 'Change at least one field')
export type CaseChanges = z.infer<typeof CaseChanges>

/** What the workflow needs to know about a case besides its status. */
export interface TransitionFacts {
  /** How many systemic fixes the case has. */
  fixes: number
  /** The earliest `effectiveOn` of its fixes (YYYY-MM-DD), if any. */
  firstFixEffectiveOn?: string
  /** Today in the practice's time zone (YYYY-MM-DD). */
  today: string
  /** The dismissal's reason, when moving to `dismissed`. */
  reason?: string
}

/**
 * Whether the case may move from `from` to `to`, and why not. The workflow moves one step at a
 * time, forward or back (a plan that falls through goes back to investigating); a case may be
 * dismissed, with a reason, from any step before closed; a closed or dismissed case reopens as
 * investigating. A fix must be planned before `fix-planned`, and in effect before `fix-in-place`.
 *
 * @example
 * transitionProblem('open', 'investigating', facts) // null: allowed
 * transitionProblem('open', 'closed', facts) // 'A case moves one step at a time: …'
 */
export function transitionProblem(
  from: CaseStatus,
  to: CaseStatus,
  facts: TransitionFacts,
): string | null {
  if (from === to) return null
  if (to === 'dismissed') {
    if (from === 'closed') return 'A closed case cannot be dismissed; reopen it first.'
    if (!facts.reason?.trim()) return 'Say why the case is dismissed (reason).'
    return null
  }
  if (from === 'closed' || from === 'dismissed') {
    return to === 'investigating' ? null : 'A closed or dismissed case reopens as investigating.'
  }
  const at = workflowSteps.indexOf(from)
  const next = workflowSteps.indexOf(to)
  if (Math.abs(next - at) !== 1) {
    return `A case moves one step at a time: from ${from} to ${[workflowSteps[at - 1], workflowSteps[at + 1]].filter(Boolean).join(' or ')}, or dismissed.`
  }
  if (next > at && to === 'fix-planned' && facts.fixes === 0) {
    return 'Add a systemic fix before marking the fix planned.'
  }
  if (next > at && to === 'fix-in-place') {
    if (!facts.firstFixEffectiveOn || facts.firstFixEffectiveOn > facts.today) {
      return 'A fix must have taken effect (its date today or earlier) before it is in place.'
    }
  }
  return null
}

/** `transitionProblem`, thrown as a 409 for the API. */
export function checkTransition(from: CaseStatus, to: CaseStatus, facts: TransitionFacts): void {
  const problem = transitionProblem(from, to, facts)
  if (problem) throw new Conflict(problem, 'illegal-transition', 'status')
}

/** RCA² asks that a review starts within 72 hours of the event being known. */
export const reviewDeadlineHours = 72

export interface ReviewClock {
  /** When the 72 hours run out. */
  dueAt: string
  /** The review has started (the case reached investigating). */
  started: boolean
  /** Not started, and the 72 hours are over. */
  overdue: boolean
  /** Whole hours left (negative once overdue); null once started. */
  hoursLeft: number | null
}

/**
 * The 72-hour clock of a case.
 *
 * @example
 * reviewClock(kase, new Date('2026-11-30T12:00:00Z')) // { overdue: true, hoursLeft: -6, … }
 */
export function reviewClock(
  kase: Pick<Case, 'openedAt' | 'reviewStartedAt' | 'status'>,
  now: Date,
): ReviewClock {
  const due = new Date(Date.parse(kase.openedAt) + reviewDeadlineHours * 3600_000)
  const started = kase.reviewStartedAt !== undefined || kase.status !== 'open'
  const hours = (due.getTime() - now.getTime()) / 3600_000
  return {
    dueAt: due.toISOString(),
    started,
    overdue: !started && hours < 0,
    hoursLeft: started ? null : hours < 0 ? -Math.ceil(-hours) : Math.floor(hours),
  }
}
