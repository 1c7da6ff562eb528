/**
 * The typed client for the staff side of workshops: the canvases a board can start from, the
 * practice's boards, starting one, archiving and restoring it, and a guest joining from a link.
 * The live board itself talks through `BoardConnection` (`$lib/board/connection.svelte`). Built on
 * the request helpers of `api.ts`, so it shares the session cookie and problem+json handling.
 *
 * @example
 * import * as boardsApi from '$lib/api-boards'
 * const { items: canvases } = await boardsApi.canvases.list('es')
 * const { board } = await boardsApi.boards.create({
 *   title: 'Empathy map: new patient booking a skin check',
 *   persona: 'New patient booking a skin check',
 *   canvasId: canvases[0].id,
 *   touchpointId: 'booking',
 * })
 * await boardsApi.boards.archive(board.id, true) // read-only until restored with `false`
 * const { boardId } = await boardsApi.guests.join({ token, name: 'Ana' }) // from /guest#<token>
 */
import type {
  Board,
  BoardSummary,
  CanvasSummary,
  GuestJoin,
  GuestJoinBody,
  Items,
  Language,
  NewBoard,
} from '$contract'
import { get, id, post, type RequestOptions } from './api'

// The API's own types, under the names the workshop pages import them by.
export type {
  Board,
  BoardMe,
  BoardSummary,
  CanvasAreaSummary,
  CanvasSummary,
  EvidenceQuote,
  GuestJoin,
  GuestLink,
  GuestLinkSummary,
  HistoryPage,
  NewBoard,
  Participant,
  Ticket,
} from '$contract'

export const canvases = {
  /** Every canvas, its text in `language` (default: the practice's first language). */
  list: (language?: Language, options?: RequestOptions) =>
    get<Items<CanvasSummary>>(
      language ? `/api/canvases?language=${id(language)}` : '/api/canvases',
      options,
    ),
}

export const boards = {
  /** The practice's boards, newest first: the active ones, or with `archived` the archived ones. */
  list: (archived = false, options?: RequestOptions) =>
    get<Items<BoardSummary>>(`/api/boards?archived=${archived}`, options),
  /** Starts a board; whoever creates it facilitates it. */
  create: (body: NewBoard) => post<{ board: Board }>('/api/boards', body),
  /** Archived boards are read-only (and off the list) until restored. Facilitators only. */
  archive: (boardId: string, archived: boolean) =>
    post<{ board: Board }>(`/api/boards/${id(boardId)}/archive`, { archived }),
}

export const guests = {
  /**
   * Spends a guest link's token for a guest cookie that opens that one board. 404 for an unknown
   * token, 410 for an expired one.
   */
  join: (body: GuestJoinBody) => post<GuestJoin>('/api/guest/join', body),
}
