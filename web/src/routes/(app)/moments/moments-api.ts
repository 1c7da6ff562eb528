/**
 * The Moments pages' client: this week's candidates, the moment itself, recognition, a
 * colleague's "I saw this happen", and the praise themes' labels. Built on the request helpers of
 * `$lib/api`, so it shares the session cookie, the CSRF token and problem+json handling.
 *
 * @example
 * import { moments } from './moments-api'
 * const { week, items } = await moments.candidates('2026-W48')
 */
import type {
  Moment,
  MomentCandidates,
  MomentChanges,
  MomentList,
  MomentSubmission,
  NewMoment,
  NewMomentSubmission,
  PraiseThemes,
  PraiseThemeSummary,
  Recognised,
} from '$contract'
import { get, id, patch, post, type RequestOptions } from '$lib/api'

export type {
  Moment,
  MomentCandidate,
  MomentCandidates,
  NewMoment,
  PraiseThemeSummary,
  Recognised,
  StaffRef,
} from '$contract'

export const moments = {
  /** The week's stories, best first (managers). Without a week, this week in the practice's zone. */
  candidates: (week?: string, options?: RequestOptions) =>
    get<MomentCandidates>(
      `/api/moments/candidates${week ? `?week=${encodeURIComponent(week)}` : ''}`,
      options,
    ),
  list: (query: { from?: string; to?: string }, options?: RequestOptions) =>
    get<MomentList>(`/api/moments?${new URLSearchParams(query).toString()}`, options),
  get: (momentId: string, options?: RequestOptions) =>
    get<Moment>(`/api/moments/${id(momentId)}`, options),
  create: (body: NewMoment) => post<Moment>('/api/moments', body),
  update: (momentId: string, body: MomentChanges) =>
    patch<Moment>(`/api/moments/${id(momentId)}`, body),
  recognise: (momentId: string) => post<Recognised>(`/api/moments/${id(momentId)}/recognise`, {}),
  submit: (body: NewMomentSubmission) => post<MomentSubmission>('/api/moments/submissions', body),
}

export const praiseThemes = {
  list: async (options?: RequestOptions): Promise<PraiseThemeSummary[]> =>
    (await get<PraiseThemes>('/api/praise-themes', options)).items,
}
