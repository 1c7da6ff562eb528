/**
 * The case pages' client for the governance routes of issue 15's public contract: cases, their
 * evidence, analysis, fixes, actions, outcome and history. Built on the request helpers of
 * `$lib/api`, so it shares the session cookie, the CSRF token and problem+json handling.
 *
 * The answers' types are written here from the domain's shapes (`$domain/governance/`) because the
 * API's schemas were being written at the same time; they move to `$contract` once it has them.
 *
 * @example
 * import { cases } from './cases-api'
 * const { items } = await cases.list({ status: 'open' })
 * const kase = await cases.create({ title, description, touchpointId, severity: 'high' })
 */
import type { FixOutcome as ContractFixOutcome } from '$contract'
import type { CaseAction, NewCaseAction, ActionChanges } from '$domain/governance/actions'
import type { Analysis, AnalysisBody, Cause, EvidenceKind } from '$domain/governance/analysis'
import type { Case, CaseChanges, CaseStatus, NewCase, ReviewClock } from '$domain/governance/case'
import type { Evidence, NewEvidence } from '$domain/governance/evidence'
import type { Fix, FixChanges, NewFix } from '$domain/governance/fixes'
import { del, get, id, patch, post, put, type RequestOptions } from '$lib/api'

export type {
  ActionChanges,
  Analysis,
  AnalysisBody,
  Case,
  CaseAction,
  CaseStatus,
  Cause,
  Evidence,
  EvidenceKind,
  Fix,
  NewCase,
  NewCaseAction,
  NewFix,
  ReviewClock,
}

/** What a case's row in the register counts. */
export interface CaseCounts {
  evidence: number
  patientWords: number
  causes: number
  rootCauses: number
  fixes: number
  openActions: number
}

/** One case in `GET /api/cases`: the case, its 72-hour clock and its counts. */
export type CaseListItem = Case & {
  clock?: ReviewClock
  counts?: Partial<CaseCounts>
  onlyWeaker?: boolean
}

export interface CaseList {
  items: CaseListItem[]
  nextCursor?: string | null
}

/** How many patients' words support a case, and how often unhappy patients mention its theme. */
export interface CaseSupport {
  /** Linked evidence in patients' own words. */
  patients?: number
  themeId?: string
  /** Per week of the last 13: negative comments, and those of them that mention the theme. */
  weeks?: { week: string; negative: number; mentions: number }[]
  /** Over the 13 weeks: mentions of the theme among negative comments. */
  mentions?: number
  negative?: number
  share?: number | null
}

/** An action item as the case shows it: with its owner's name and whether it is overdue. */
export type CaseActionView = CaseAction & { ownerName?: string; overdue?: boolean }

/** `GET /api/cases/{id}`: the case with everything the case page shows. */
export type CaseDetail = Case & {
  clock?: ReviewClock
  analysis: Analysis
  evidence: Evidence[]
  fixes: Fix[]
  onlyWeakerFixes?: boolean
  actions: CaseActionView[]
  support?: CaseSupport
}

export interface HistoryItem {
  at: string
  by: string
  byName?: string
  what?: string
  change: string
}

/** `GET /api/fixes/{id}/outcome`. */
export type FixOutcome = ContractFixOutcome

/** One of "My actions": a case's action or a workshop board's follow-up. */
export interface MyAction {
  source: 'case' | 'board'
  id: string
  title: string
  owner: { id: string | null; name: string } | null
  dueOn: string | null
  status: 'open' | 'doing' | 'done'
  overdue: boolean
  /** The case it belongs to; for a board action, the case it was promoted to, if any. */
  case?: { id: string; title: string }
  board?: { id: string; title: string }
}

export interface CaseQuery {
  status?: string
  touchpoint?: string
  cursor?: string
}

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) if (value) search.set(name, value)
  const text = search.toString()
  return text ? `?${text}` : ''
}

export const cases = {
  list: (filters: CaseQuery = {}, options?: RequestOptions) =>
    get<CaseList>(`/api/cases${query({ ...filters })}`, options),
  get: (caseId: string, options?: RequestOptions) =>
    get<CaseDetail>(`/api/cases/${id(caseId)}`, options),
  create: (body: NewCase) => post<Case>('/api/cases', body),
  update: (caseId: string, body: CaseChanges) => patch<Case>(`/api/cases/${id(caseId)}`, body),
  history: (caseId: string, options?: RequestOptions) =>
    get<{ items: HistoryItem[] }>(`/api/cases/${id(caseId)}/history`, options),
}

export const evidence = {
  link: (caseId: string, body: NewEvidence) =>
    post<Evidence>(`/api/cases/${id(caseId)}/evidence`, body),
  unlink: (caseId: string, kind: EvidenceKind, evidenceId: string) =>
    del(`/api/cases/${id(caseId)}/evidence/${id(kind)}/${id(evidenceId)}`),
}

export const analysis = {
  save: (caseId: string, body: AnalysisBody) =>
    put<Analysis>(`/api/cases/${id(caseId)}/analysis`, body),
}

export const fixes = {
  create: (caseId: string, body: NewFix) => post<Fix>(`/api/cases/${id(caseId)}/fixes`, body),
  update: (fixId: string, body: FixChanges) => patch<Fix>(`/api/fixes/${id(fixId)}`, body),
  outcome: (fixId: string, options?: RequestOptions) =>
    get<FixOutcome>(`/api/fixes/${id(fixId)}/outcome`, options),
}

export const actions = {
  create: (caseId: string, body: NewCaseAction) =>
    post<CaseActionView>(`/api/cases/${id(caseId)}/actions`, body),
  /** "My actions": case actions and board follow-ups together (`owner`: `me` or a user id). */
  list: (filters: { owner?: string; status?: string } = {}, options?: RequestOptions) =>
    get<{ items: MyAction[] }>(`/api/actions${query(filters)}`, options),
  update: (actionId: string, body: ActionChanges) =>
    patch<CaseActionView>(`/api/actions/${id(actionId)}`, body),
}

/** A comment found to link as evidence: redacted on the server, with where it came from. */
export interface FoundComment {
  source: { kind: 'response' | 'review'; id: string; date: string; touchpointIds: string[] }
  text: string
}

export const lookup = {
  /** Patients' comments of the last 12 months, redacted (the board's evidence search). */
  comments: (
    filters: { q?: string; touchpoint?: string; sentiment?: string; theme?: string },
    options?: RequestOptions,
  ) => get<{ items: FoundComment[] }>(`/api/governance/evidence${query(filters)}`, options),
  /** An origin's redacted words, and the case it already became. */
  origin: (
    origin: { kind: string; id: string; boardId?: string | undefined },
    options?: RequestOptions,
  ) =>
    get<{ quote?: FoundComment; caseId?: string }>(
      `/api/governance/origin${query({ kind: origin.kind, id: origin.id, boardId: origin.boardId })}`,
      options,
    ),
}
