/**
 * The governance committee's shapes as the web reads and sends them: cases, evidence, the root-cause
 * analysis, systemic fixes, action items, a fix's outcome, the audit trail, the charter and the
 * meetings.
 *
 * Provisional: the routes' zod schemas are being written, so `$contract` does not have these yet.
 * Stored shapes come from the domain's schemas (`$domain/governance/*`, types only: nothing of zod
 * reaches the browser); the answers that only the routes will define (a case with its clock and
 * counts, "My actions", the outcome) are declared here from the issue's public contract. Once
 * `api/contract.ts` exports them, import them from `$contract` instead and delete the declarations.
 *
 * Request bodies are `z.input` (what a client may send, before the server's defaults); answers are
 * `z.infer` (what the server sends, after them), as in `$contract`.
 *
 * @example
 * import type { CaseDetail, FixOutcome } from '$lib/governance-types'
 * const late = (detail: CaseDetail) => detail.clock.overdue
 * const improved = (outcome: FixOutcome) => outcome.verdict === 'improved'
 */
import type { z } from 'zod'
import type * as actions from '$domain/governance/actions'
import type * as analysis from '$domain/governance/analysis'
import type * as cases from '$domain/governance/case'
import type * as committee from '$domain/governance/committee'
import type * as evidence from '$domain/governance/evidence'
import type * as fixes from '$domain/governance/fixes'
import type * as history from '$domain/governance/history'

// ---- Cases ----

export type CaseStatus = cases.CaseStatus
export type Severity = cases.Severity
export type CaseOrigin = z.input<typeof cases.CaseOrigin>
export type CaseOriginKind = CaseOrigin['kind']
/** `POST /api/cases`. */
export type NewCase = z.input<typeof cases.NewCase>
/** `PATCH /api/cases/{id}`: fields, and a move along the workflow (`reason` to dismiss). */
export type CaseChanges = z.input<typeof cases.CaseChanges>
export type Case = z.infer<typeof cases.Case>
/** The 72-hour clock RCA² asks for (`reviewClock` in the domain). */
export type ReviewClock = cases.ReviewClock

/** How much a case has, for the register and its cards. */
export interface CaseCounts {
  evidence: number
  causes: number
  fixes: number
  openActions: number
}

/** A case in `GET /api/cases`: the case, its clock and its counts. */
export type CaseSummary = Case & {
  clock: ReviewClock
  counts: CaseCounts
  /** Every fix is weaker in RCA²'s hierarchy: the committee is nudged to add a stronger one. */
  onlyWeaker: boolean
}

/** `GET /api/cases?status=&touchpoint=&cursor=`. */
export interface CaseList {
  items: CaseSummary[]
  /** The `cursor` of the next page; null on the last. */
  nextCursor: string | null
}

export interface CaseListQuery {
  status?: CaseStatus
  touchpoint?: string
  cursor?: string
}

/** How many patients' words back a case, and how often the touch point's unhappy patients name its theme. */
export interface CaseSupport {
  /** Linked evidence that is patients' own words. */
  patientWords: number
  /** The theme counted (`th.<theme>.neg` of `sent.negative`, the last 13 weeks). */
  themeId?: string
  weeks?: { week: string; negative: number; mentions: number }[]
  /** Mentions of the theme over negative comments in the 13 weeks; null without any. */
  share?: number | null
}

/** `GET /api/cases/{id}`: the case with everything the case page shows. */
export type CaseDetail = Case & {
  clock: ReviewClock
  analysis: Analysis
  evidence: Evidence[]
  fixes: Fix[]
  actions: CaseAction[]
  onlyWeaker: boolean
  support: CaseSupport
}

// ---- Evidence ----

export type EvidenceKind = analysis.EvidenceKind
/** `POST /api/cases/{id}/evidence`. */
export type NewEvidence = z.input<typeof evidence.NewEvidence>
/** Linked patients' words, redacted as boards redact them. */
export type Evidence = z.infer<typeof evidence.Evidence>

// ---- Root cause ----

/** A cause as `PUT /api/cases/{id}/analysis` takes it (`id` kept across saves). */
export type CauseInput = z.input<typeof analysis.Cause>
/** `PUT /api/cases/{id}/analysis`. */
export type AnalysisBody = z.input<typeof analysis.AnalysisBody>
/** The analysis as the server keeps it: every cause has its id. */
export type Analysis = z.infer<typeof analysis.Analysis>
export type Cause = Analysis['causes'][number]

// ---- Systemic fixes and action items ----

export type Strength = fixes.Strength
export type ActionType = fixes.ActionType
/** `POST /api/cases/{id}/fixes` (the strength must be the one RCA² gives the action type). */
export type NewFix = z.input<typeof fixes.NewFix>
export type Fix = z.infer<typeof fixes.Fix>

export type ActionStatus = actions.ActionStatus
/** `POST /api/cases/{id}/actions`. */
export type NewCaseAction = z.input<typeof actions.NewCaseAction>
/** `PATCH /api/actions/{id}`: status and a note; writers may also change title, owner and date. */
export type ActionChanges = z.input<typeof actions.ActionChanges>
export type CaseAction = z.infer<typeof actions.CaseAction>

/** One line of "My actions": a case's action item or a workshop board's follow-up action. */
export type MyAction =
  | {
      source: 'case'
      id: string
      title: string
      ownerId: string
      dueOn: string
      status: ActionStatus
      overdue: boolean
      case: { id: string; title: string; status: CaseStatus }
      fixId?: string
    }
  | {
      source: 'board'
      id: string
      title: string
      ownerId?: string
      dueOn?: string
      status: ActionStatus
      overdue: boolean
      board: { id: string; title: string }
      /** The case this action was promoted to, if it was. */
      caseId?: string
    }

/** `GET /api/actions?owner=me|{userId}&status=`. */
export interface MyActions {
  items: MyAction[]
}

export interface ActionsQuery {
  /** `me` (the default) or a user's id. */
  owner?: string
  status?: ActionStatus
}

// ---- Did it work? ----

export type Verdict = 'improved' | 'no-change' | 'worse' | 'not-enough-data'

/** One side of the comparison: how many answered, the top-box share and its 95% Wilson interval. */
export interface OutcomeSide {
  n: number
  /** k/n; null when nobody answered. */
  topBox: number | null
  interval: [low: number, high: number]
}

export interface OutcomeWeek {
  /** The week's Monday (YYYY-MM-DD). */
  week: string
  n: number
  /** Null in a week without answers. */
  topBox: number | null
}

/** The run-chart rules applied to the weeks after the fix, against the baseline median. */
export interface OutcomeSignals {
  /** Six or more consecutive points on one side of the median. */
  shift: boolean
  /** Fewer crossings of the median than Anhøj's 5th-percentile limit. */
  fewCrossings: boolean
  longestRun: number
  crossings: number
  /** Five or more points all going up or all going down: information only. */
  trend: boolean
}

/** The NPS side of the outcome, where the touch point's survey asks it. */
export interface NpsOutcome {
  before: { n: number; nps: number | null; interval?: [number, number] | null }
  after: { n: number; nps: number | null; interval?: [number, number] | null }
  verdict: Verdict
  needs?: string
}

/** `GET /api/fixes/{id}/outcome?baselineWeeks=`. */
export interface FixOutcome {
  touchpointId: string
  effectiveOn: string
  baselineWeeks?: number
  before: OutcomeSide
  after: OutcomeSide
  /** The two-proportion test; null when a side has no answers. */
  test: { z: number | null; p: number | null }
  weeks: OutcomeWeek[]
  /** The baseline weeks' median top-box share; null without baseline answers. */
  median: number | null
  signals: OutcomeSignals
  /** Only when most weeks have at least 30 answers. */
  pChart?: { center: number; limits: { week: string; lower: number; upper: number }[] }
  verdict: Verdict
  /** What a `not-enough-data` verdict still lacks, in words ("3 more weeks of answers after the fix"). */
  needs?: string
  nps?: NpsOutcome
}

// ---- The audit trail ----

export type HistoryEntry = z.infer<typeof history.HistoryEntry>
/** `GET /api/cases/{id}/history`, newest first. */
export interface CaseHistory {
  items: HistoryEntry[]
}

// ---- The committee ----

/** `PUT /api/governance/charter`. */
export type CharterBody = z.input<typeof committee.CharterBody>
export type Charter = z.infer<typeof committee.Charter>

/** A committee member with an account (committee role, or an owner or manager marked as such). */
export interface CharterMember {
  id: string
  name: string
  role: 'owner' | 'manager' | 'staff' | 'committee'
}

/** `GET /api/governance/charter`: the charter (a default until one is saved) and its members. */
export type CharterView = Charter & {
  members?: CharterMember[]
  /** The text is the product's default: nobody has saved a charter yet. */
  isDefault?: boolean
}

/** `POST /api/governance/meetings`. */
export type NewMeeting = z.input<typeof committee.NewMeeting>
/** `PATCH /api/governance/meetings/{id}`. */
export type MeetingChanges = Partial<NewMeeting>
export type Meeting = z.infer<typeof committee.Meeting>
/** `GET /api/governance/meetings`. */
export interface Meetings {
  items: Meeting[]
}
