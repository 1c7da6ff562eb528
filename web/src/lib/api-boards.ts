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
  BoardStep,
  BoardSummary,
  Participant,
} from '../../../functions/src/domain/boards/board'
import { get, id, post, type Language, type RequestOptions } from './api'

export type { Board, BoardSummary, Participant }

/** One area of a canvas (a journey map's row), in the requested language. */
export interface CanvasAreaSummary {
  id: string
  title: string
  prompt: string
  /** Where a grid canvas draws the area (1-based); absent when the server leaves them out. */
  row?: number
  col?: number
  rowSpan?: number
  colSpan?: number
  tone?: 'neutral' | 'pain' | 'gain' | 'goal'
}

/** A canvas a board can start from, with its text in one language. */
export interface CanvasSummary {
  id: string
  /** `grid`: areas laid out on a grid; `journey`: rows across the practice's touch points. */
  kind: 'grid' | 'journey'
  title: string
  description: string
  /** Where the method comes from. */
  credit: string
  /** Dots each person may place when voting. */
  voteLimit: number
  /** Grid canvases: how many columns the areas sit in, when the server sends it. */
  columns?: number
  steps: Pick<BoardStep, 'id' | 'title' | 'minutes' | 'mode'>[]
  areas: CanvasAreaSummary[]
}

export interface NewBoard {
  title: string
  /** Who the map is about: "New patient booking a skin check". */
  persona: string
  canvasId: string
  /** The touch point the workshop is about, or null for the whole journey. */
  touchpointId?: string | null
  /** Default: the practice's first language. */
  language?: Language
}

export interface GuestJoin {
  boardId: string
  participant: Participant
  csrfToken: string
}

export const canvases = {
  /** Every canvas, its text in `language` (default: the practice's first language). */
  list: (language?: Language, options?: RequestOptions) =>
    get<{ items: CanvasSummary[] }>(
      language ? `/api/canvases?language=${id(language)}` : '/api/canvases',
      options,
    ),
}

export const boards = {
  /** The practice's boards, newest first: the active ones, or with `archived` the archived ones. */
  list: (archived = false, options?: RequestOptions) =>
    get<{ items: BoardSummary[] }>(`/api/boards?archived=${archived}`, options),
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
  join: (body: { token: string; name: string }) => post<GuestJoin>('/api/guest/join', body),
}
