/**
 * The typed client for meeting mode (`/meeting`): the agendas of `workshops/agendas/` in one
 * language, the open follow-up actions across the practice's workshop boards, and the week's
 * moment. The numbers and the boards come from `api-analytics` and `api-boards`.
 *
 * @example
 * import * as meetingApi from '$lib/api-meeting'
 * const { items: agendas } = await meetingApi.agendas.list('es')
 * const { items: open } = await meetingApi.boardActions.list()
 * open[0]?.board.title // 'Empathy map: a surprise bill'
 */
import type { Agenda, BoardActions, Items, Language, MomentList } from '$contract'
import { get, id, type RequestOptions } from './api'

export type { Agenda, BoardActions } from '$contract'
export type AgendaItem = Agenda['items'][number]
export type BoardAction = BoardActions['items'][number]

export const agendas = {
  /** Every agenda, the weekly staff meeting first, its text in `language`. */
  list: (language: Language, options?: RequestOptions) =>
    get<Items<Agenda>>(`/api/agendas?language=${id(language)}`, options),
}

export const boardActions = {
  /** The open follow-up actions of the active boards, the soonest due first. */
  list: (options?: RequestOptions) => get<BoardActions>('/api/board-actions', options),
}

export const moments = {
  /** The moments of the ISO week holding `day` (YYYY-MM-DD, the practice's calendar). */
  ofWeek: (day: string, options?: RequestOptions) =>
    get<MomentList>(`/api/moments?from=${id(day)}&to=${id(day)}`, options),
}
