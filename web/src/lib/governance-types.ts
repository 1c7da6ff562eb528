/**
 * The governance committee's shapes as the web reads and sends them: cases, evidence, the root-cause
 * analysis, systemic fixes, action items, a fix's outcome, the audit trail, the charter and the
 * meetings. Answers and bodies come from the API's contract (`$contract`, inferred from the routes'
 * zod schemas); the few names only the domain has (statuses, strengths) from its types.
 *
 * @example
 * import type { CaseDetail, FixOutcome } from '$lib/governance-types'
 * const late = (detail: CaseDetail) => detail.clock.overdue
 * const improved = (outcome: FixOutcome) => outcome.verdict === 'improved'
 */
import type * as contract from '$contract'
import type * as actions from '$domain/governance/actions'
import type * as analysis from '$domain/governance/analysis'
import type * as cases from '$domain/governance/case'
import type * as fixes from '$domain/governance/fixes'

// ---- Cases ----
export type CaseStatus = cases.CaseStatus
export type Severity = cases.Severity
export type CaseOrigin = NonNullable<contract.NewCase['origin']>
export type CaseOriginKind = CaseOrigin['kind']
export type NewCase = contract.NewCase
export type CaseChanges = contract.CaseChanges
export type Case = contract.Case
export type ReviewClock = cases.ReviewClock
export type CaseSummary = contract.CaseListItem
export type CaseCounts = CaseSummary['counts']
export type CaseList = contract.CaseList
// The query's `limit` is coerced on the server (its input type is `unknown`); the web sends a number.
export type CaseListQuery = Omit<contract.CasesQuery, 'limit'> & { limit?: number }
export type CaseSupport = contract.CaseSupport
export type CaseDetail = contract.CaseDetail

// ---- Evidence and the analysis ----
export type EvidenceKind = analysis.EvidenceKind
export type NewEvidence = contract.NewEvidence
export type Evidence = contract.Evidence
export type AnalysisBody = contract.AnalysisBody
export type CauseInput = AnalysisBody['causes'][number]
export type Analysis = contract.Analysis
export type Cause = Analysis['causes'][number]

// ---- Fixes and actions ----
export type Strength = fixes.Strength
export type ActionType = fixes.ActionType
export type NewFix = contract.NewFix
export type FixChanges = contract.FixChanges
export type Fix = contract.Fix
export type ActionStatus = actions.ActionStatus
export type NewCaseAction = contract.NewCaseAction
export type ActionChanges = contract.ActionChanges
export type CaseAction = contract.CaseAction
export type MyAction = contract.MyAction
export type MyActions = contract.MyActions
export type ActionsQuery = contract.MyActionsQuery

// ---- Did it work? ----
export type FixOutcome = contract.FixOutcome
export type FixOutcomeQuery = contract.FixOutcomeQuery
export type Verdict = FixOutcome['verdict']
export type OutcomeSide = FixOutcome['before']
export type OutcomeWeek = FixOutcome['weeks'][number]
export type OutcomeSignals = FixOutcome['signals']
export type NpsOutcome = NonNullable<FixOutcome['nps']>

// ---- The audit trail ----
export type CaseHistory = contract.CaseHistory
export type HistoryEntry = CaseHistory['items'][number]

// ---- The committee ----
/** `PUT /api/governance/charter`. */
export type CharterBody = contract.Charter
/** `GET /api/governance/charter`: the charter (a default until one is saved) and its members. */
export type CharterView = contract.CharterView
export type Charter = CharterView
export type CharterMember = contract.CommitteeMember
export type NewMeeting = contract.NewMeeting
export type MeetingChanges = contract.MeetingChanges
export type Meeting = contract.Meeting
export type Meetings = contract.Meetings
export type CommitteeHistory = contract.CommitteeHistory
