/**
 * The typed client for the governance committee: cases and their workflow, linked evidence, the
 * root-cause analysis, systemic fixes and their outcome, action items ("My actions" across cases
 * and workshop boards), a case's audit trail, the charter and the meetings with their Markdown
 * export. Built on the request helpers of `api.ts`: the session cookie, the CSRF token on writes,
 * and problem+json answers as `ApiError`s (an illegal status move is a 409 with code
 * `illegal-transition` on the `status` field).
 *
 * @example
 * import * as governanceApi from '$lib/api-governance'
 * const kase = await governanceApi.cases.create({
 *   title: 'Waited 50 minutes without a word',
 *   description: 'A patient waited past their time and nobody said why.',
 *   touchpointId: 'check-in',
 *   severity: 'moderate',
 *   origin: { kind: 'response', id: '2026-11.01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B' },
 * })
 * await governanceApi.cases.update(kase.id, { status: 'investigating' })
 * const outcome = await governanceApi.fixes.outcome(fixId, { baselineWeeks: 13 })
 * const { items } = await governanceApi.actions.list({ owner: 'me', status: 'open' })
 */
import { del, get, id, patch, post, put, type RequestOptions } from './api'
import type {
  ActionChanges,
  ActionsQuery,
  Analysis,
  AnalysisBody,
  Case,
  CaseAction,
  CaseChanges,
  CaseDetail,
  CaseHistory,
  CaseList,
  CaseListQuery,
  CharterBody,
  CharterView,
  Evidence,
  EvidenceKind,
  Fix,
  FixChanges,
  FixOutcome,
  Meeting,
  MeetingChanges,
  Meetings,
  MyActions,
  NewCase,
  NewCaseAction,
  NewEvidence,
  NewFix,
  NewMeeting,
} from './governance-types'

export type * from './governance-types'

/** `?a=1&b=2` from the given parameters, leaving out empty ones ('' when none is left). */
function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(name, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

export const cases = {
  /** Opens a case (201, status `open`); a second case from the same origin is a 409. */
  create: (body: NewCase) => post<Case>('/api/cases', body),
  list: (filters: CaseListQuery = {}, options?: RequestOptions) =>
    get<CaseList>(`/api/cases${query({ ...filters })}`, options),
  get: (caseId: string, options?: RequestOptions) =>
    get<CaseDetail>(`/api/cases/${id(caseId)}`, options),
  /** Changes fields, or moves the status one step (`reason` with `status: 'dismissed'`). */
  update: (caseId: string, body: CaseChanges) => patch<Case>(`/api/cases/${id(caseId)}`, body),
  /** Who changed what and when, newest first. */
  history: (caseId: string, options?: RequestOptions) =>
    get<CaseHistory>(`/api/cases/${id(caseId)}/history`, options),
}

export const evidence = {
  /** Links a response's comment, a review or a board note (its words kept redacted). */
  link: (caseId: string, body: NewEvidence) =>
    post<Evidence>(`/api/cases/${id(caseId)}/evidence`, body),
  unlink: (caseId: string, kind: EvidenceKind, evidenceId: string) =>
    del(`/api/cases/${id(caseId)}/evidence/${id(kind)}/${id(evidenceId)}`),
}

export const analysis = {
  /** Replaces the fishbone: its categories and causes (new causes get their ids in the answer). */
  save: (caseId: string, body: AnalysisBody) =>
    put<Analysis>(`/api/cases/${id(caseId)}/analysis`, body),
}

/** Which responses, reviews or board actions already became a case (origin id → case id). */
export const origins = {
  list: async (kind: 'response' | 'review' | 'board-action', options?: RequestOptions) =>
    new Map(
      (
        await get<{ items: { id: string; caseId: string }[] }>(
          `/api/governance/origins${query({ kind })}`,
          options,
        )
      ).items.map((origin) => [origin.id, origin.caseId]),
    ),
}

export const fixes = {
  create: (caseId: string, body: NewFix) => post<Fix>(`/api/cases/${id(caseId)}/fixes`, body),
  /** Its title, description, touch point, date or RCA² grade (the two checked together). */
  update: (fixId: string, body: FixChanges) => patch<Fix>(`/api/fixes/${id(fixId)}`, body),
  /** Did it work? Before and after the fix's date, the weekly run chart and the verdict. */
  outcome: (fixId: string, params: { baselineWeeks?: number } = {}, options?: RequestOptions) =>
    get<FixOutcome>(
      `/api/fixes/${id(fixId)}/outcome${query({ baselineWeeks: params.baselineWeeks })}`,
      options,
    ),
}

export const actions = {
  create: (caseId: string, body: NewCaseAction) =>
    post<CaseAction>(`/api/cases/${id(caseId)}/actions`, body),
  update: (actionId: string, body: ActionChanges) =>
    patch<CaseAction>(`/api/actions/${id(actionId)}`, body),
  /** A person's case actions and board follow-up actions together (`owner` defaults to `me`). */
  list: (filters: ActionsQuery = {}, options?: RequestOptions) =>
    get<MyActions>(`/api/actions${query({ ...filters })}`, options),
}

export const charter = {
  get: (options?: RequestOptions) => get<CharterView>('/api/governance/charter', options),
  save: (body: CharterBody) => put<CharterView>('/api/governance/charter', body),
}

export const meetings = {
  create: (body: NewMeeting) => post<Meeting>('/api/governance/meetings', body),
  list: (options?: RequestOptions) => get<Meetings>('/api/governance/meetings', options),
  get: (meetingId: string, options?: RequestOptions) =>
    get<Meeting>(`/api/governance/meetings/${id(meetingId)}`, options),
  update: (meetingId: string, body: MeetingChanges) =>
    patch<Meeting>(`/api/governance/meetings/${id(meetingId)}`, body),
  /** Where the minutes download as Markdown (an attachment): for a link's `href`. */
  exportUrl: (meetingId: string) => `/api/governance/meetings/${id(meetingId)}/export.md`,
  /** The minutes as Markdown text. */
  exportMarkdown: (meetingId: string, options?: RequestOptions) =>
    get<string>(`/api/governance/meetings/${id(meetingId)}/export.md`, options),
}
