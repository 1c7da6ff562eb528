/**
 * The typed client for the recognition wall and the moments' history: who patients and managers
 * recognised (`GET /api/recognition`), moments by week and per person (`GET /api/moments`), and the
 * praise themes' labels (`GET /api/praise-themes`).
 *
 * @example
 * import * as recognitionApi from '$lib/api-recognition'
 * const wall = await recognitionApi.recognition.get({ from: '2026-10-01', to: '2026-12-01' })
 * const mine = await recognitionApi.moments.list({ staff: me.user.id })
 */
import type { MomentList, MomentsQuery, PraiseThemes, Recognition } from '$contract'
import { get, type RequestOptions } from './api'

export type { Moment, MomentList, PraiseThemes, Recognition, StaffRef } from '$contract'

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) if (value) search.set(name, value)
  const text = search.toString()
  return text ? `?${text}` : ''
}

export const recognition = {
  get: (range: { from?: string; to?: string }, options?: RequestOptions) =>
    get<Recognition>(`/api/recognition${query(range)}`, options),
}

export const moments = {
  list: (filters: MomentsQuery, options?: RequestOptions) =>
    get<MomentList>(`/api/moments${query(filters)}`, options),
}

export const praiseThemes = {
  list: (options?: RequestOptions) => get<PraiseThemes>('/api/praise-themes', options),
}
