import { z } from 'zod'
import { ActionStatus, CaseAction } from '../../domain/governance/actions'
import { Analysis } from '../../domain/governance/analysis'
import { Case, CaseStatus } from '../../domain/governance/case'
import { Evidence } from '../../domain/governance/evidence'
import { Fix } from '../../domain/governance/fixes'
import { HistoryEntry } from '../../domain/governance/history'
import { Id } from '../../domain/practice'
import { Slug } from '../../domain/surveys'

/**
 * The governance API's shapes: cases with their 72-hour clock, evidence, analysis, fixes and
 * action items, "My actions" and the audit trail. Request bodies are the domain's own schemas.
 */
export { ActionChanges, NewCaseAction } from '../../domain/governance/actions'
export { AnalysisBody } from '../../domain/governance/analysis'
export { CaseChanges, NewCase } from '../../domain/governance/case'
export { NewEvidence } from '../../domain/governance/evidence'
export { FixChanges, NewFix } from '../../domain/governance/fixes'
export { Analysis, CaseAction, Evidence, Fix }

export const ReviewClockView = z
  .object({
    dueAt: z.iso.datetime(),
    started: z.boolean(),
    overdue: z.boolean(),
    hoursLeft: z.number().int().nullable(),
  })
  .meta({
    description: 'RCA² asks that a review starts within 72 hours: when they run out, and whether.',
  })

export const CaseView = Case.extend({ clock: ReviewClockView }).meta({ id: 'Case' })

export const CaseCounts = z.object({
  evidence: z.number().int(),
  /** Linked items that are patients' own words (not staff notes). */
  patientWords: z.number().int(),
  causes: z.number().int(),
  rootCauses: z.number().int(),
  fixes: z.number().int(),
  openActions: z.number().int(),
})

export const CaseListItem = CaseView.extend({
  counts: CaseCounts,
  /** It has fixes and every one is weaker (training, a memo…): nudge for a stronger one. */
  onlyWeaker: z.boolean(),
})
export const CaseList = z
  .object({
    items: z.array(CaseListItem),
    /** Pass as `cursor` for the next page; absent on the last page. */
    nextCursor: Id.optional(),
  })
  .meta({ id: 'CaseList' })

export const CasesQuery = z.object({
  status: CaseStatus.optional(),
  touchpoint: Slug.optional(),
  /** The `nextCursor` of the page before. */
  cursor: Id.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})

export const SupportWeek = z.object({
  /** The Monday starting the week, in the practice's time zone. */
  week: z.iso.date(),
  negative: z.number().int(),
  mentions: z.number().int(),
})
export const Support = z
  .object({
    /** Linked evidence that is patients' own words. */
    patients: z.number().int(),
    themeId: z.string().nullable(),
    weeks: z.array(SupportWeek),
    negative: z.number().int(),
    mentions: z.number().int(),
    /** mentions / negative over the 13 weeks; null with no negative comments. */
    share: z.number().nullable(),
  })
  .meta({
    id: 'CaseSupport',
    description:
      "How many patients' words support the case, and how often the touch point's unhappy patients " +
      "mention the case's theme over the last 13 weeks, from the practice-wide weekly counters: " +
      'per week, comments read as negative that name the theme (`th.<theme>.neg`) out of all ' +
      'negative comments (`sent.negative`). Counters keep themes by sentiment, not by score, so ' +
      "negative comments stand for detractors' words.",
  })

export const CaseActionView = CaseAction.extend({
  ownerName: z.string(),
  /** Not done and its day has passed (in the practice's time zone). */
  overdue: z.boolean(),
}).meta({ id: 'CaseAction' })

export const CaseDetail = CaseView.extend({
  analysis: Analysis,
  evidence: z.array(Evidence),
  fixes: z.array(Fix),
  onlyWeakerFixes: z.boolean(),
  actions: z.array(CaseActionView),
  support: Support,
}).meta({ id: 'CaseDetail' })

export const CaseHistory = z
  .object({ items: z.array(HistoryEntry) })
  .meta({ id: 'CaseHistory', description: 'Every change to the case, oldest first.' })

export const MyActionsQuery = z.object({
  /** `me`, or a member's id; absent: everyone's. */
  owner: z.union([z.literal('me'), Id]).optional(),
  /** `active` (open or doing, the default), one status, or `all`. */
  status: z.enum([...ActionStatus.options, 'active', 'all']).default('active'),
})

export const MyAction = z.object({
  source: z.enum(['case', 'board']),
  id: Id,
  title: z.string(),
  owner: z.object({ id: z.string().nullable(), name: z.string() }).nullable(),
  dueOn: z.iso.date().nullable(),
  status: ActionStatus,
  overdue: z.boolean(),
  /** The case it belongs to; for a board action, the case it was promoted to, if any. */
  case: z.object({ id: Id, title: z.string() }).optional(),
  /** A board action's board. */
  board: z.object({ id: Id, title: z.string() }).optional(),
  fixId: Id.optional(),
})
export const MyActions = z.object({ items: z.array(MyAction) }).meta({
  id: 'MyActions',
  description: "Case actions and workshop boards' follow-ups, soonest due first.",
})

export const EvidenceParams = z.object({
  id: Id,
  kind: z.enum(['response', 'review', 'board-note']),
  evidenceId: z.string().min(1).max(80),
})
