/**
 * The committee pages' reads, typed with the API's own answers (`$contract`): "My actions",
 * the charter with its members, the case register. Writes go through `$lib/api-governance`.
 *
 * @example
 * const { items } = await reads.actions({ owner: 'me', status: 'all' })
 */
import type { CaseList, CharterView, MyActions, MyActionsQuery } from '$contract'
import { get, type RequestOptions } from '$lib/api'

export type { MyAction } from '$contract'

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(name, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

export const reads = {
  /** Case actions and board follow-ups of one person (`me` or an id), or everyone's without. */
  actions: (filters: MyActionsQuery, options?: RequestOptions) =>
    get<MyActions>(
      `/api/actions${query({ owner: filters.owner, status: filters.status })}`,
      options,
    ),
  charter: (options?: RequestOptions) => get<CharterView>('/api/governance/charter', options),
  /** The register's first `limit` cases (at most 100), newest first. */
  cases: (limit: number, options?: RequestOptions) =>
    get<CaseList>(`/api/cases${query({ limit })}`, options),
}
