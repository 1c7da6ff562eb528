import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { ulid } from 'ulid'
import { z } from 'zod'
import { canvases } from '../../../../workshops'
import { Board, BoardSummary, PublicBoardState, publicState } from '../../domain/boards/board'
import type { Canvas } from '../../domain/boards/canvas'
import { newBoard } from '../../domain/boards/create-board'
import { boardMarkdown } from '../../domain/boards/markdown'
import { Conflict, Invalid, NotFound } from '../../domain/errors'
import { Language } from '../../domain/practice'
import { can } from '../../domain/roles'
import { commitOperation, entriesAfter } from '../../store/board-ops'
import { stateSeenBy } from '../../domain/boards/vote-visibility'
import * as boardAccessStore from '../../store/board-access'
import * as boards from '../../store/boards'
import * as journeys from '../../store/journeys'
import * as practices from '../../store/practices'
import type { AppEnv } from '../env'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonBody, jsonResponse, sessionSecurity } from '../schemas'
import { boardAccess, boardSecurity, socketCredential, staffParticipant } from './boards-access'
import { guestLinksApi } from './boards-guest-links'
import {
  ArchiveBody,
  BoardMe,
  CanvasSummary,
  HistoryPage,
  NewBoard,
  Ticket,
} from './boards-schemas'

/**
 * Boards over HTTP: the canvas catalogue, creating and listing boards, and what a client needs
 * before and beside the socket (who am I here, the state, a socket ticket, the history, the
 * Markdown export, guest links, archiving). Notes change only through operations on the socket.
 */

const BoardId = z.object({ id: z.string().meta({ description: 'The board id (ULID)' }) })

const HistoryQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
})

const read = [requireSession(), requireAbility('practice:read')]

const listCanvases = createRoute({
  method: 'get',
  path: '/canvases',
  tags: ['Boards'],
  summary: 'The canvases a board can start from, in one language',
  security: sessionSecurity,
  middleware: read,
  request: { query: z.object({ language: Language.optional() }) },
  responses: {
    200: jsonResponse(z.object({ items: z.array(CanvasSummary) }), 'The canvas catalogue'),
    ...problemResponses(400, 401, 403),
  },
})

const listBoards = createRoute({
  method: 'get',
  path: '/boards',
  tags: ['Boards'],
  summary: "The practice's boards, newest first",
  security: sessionSecurity,
  middleware: read,
  request: {
    query: z.object({
      archived: z
        .enum(['true', 'false'])
        .default('false')
        .transform((value) => value === 'true'),
    }),
  },
  responses: {
    200: jsonResponse(z.object({ items: z.array(BoardSummary) }), 'Board summaries'),
    ...problemResponses(400, 401, 403),
  },
})

const createBoard = createRoute({
  method: 'post',
  path: '/boards',
  tags: ['Boards'],
  summary: 'Start a board from a canvas; the creator facilitates it',
  description:
    "A journey canvas takes one column per touch point of the practice's journey (`GET /api/journey`).",
  security: sessionSecurity,
  middleware: read,
  request: jsonBody(NewBoard),
  responses: {
    201: jsonResponse(z.object({ board: Board }), 'The new board'),
    ...problemResponses(400, 401, 403),
  },
})

const getMe = createRoute({
  method: 'get',
  path: '/boards/{id}/me',
  tags: ['Boards'],
  summary: 'Who the caller is on this board, and what they may do',
  security: boardSecurity,
  middleware: [boardAccess()],
  request: { params: BoardId },
  responses: {
    200: jsonResponse(BoardMe, 'The caller on this board'),
    ...problemResponses(400, 401, 404),
  },
})

const getState = createRoute({
  method: 'get',
  path: '/boards/{id}/state',
  tags: ['Boards'],
  summary: 'The whole board: settings (with `seq`, the last operation applied), notes, actions',
  security: boardSecurity,
  middleware: [boardAccess()],
  request: { params: BoardId },
  responses: {
    200: jsonResponse(PublicBoardState, 'The board'),
    ...problemResponses(400, 401, 404),
  },
})

const postTicket = createRoute({
  method: 'post',
  path: '/boards/{id}/ticket',
  tags: ['Boards'],
  summary: "A single-use, one-minute ticket for the board's socket",
  security: boardSecurity,
  middleware: [boardAccess()],
  request: { params: BoardId },
  responses: {
    200: jsonResponse(Ticket, 'The ticket and where to use it'),
    ...problemResponses(400, 401, 403, 404),
  },
})

const getHistory = createRoute({
  method: 'get',
  path: '/boards/{id}/history',
  tags: ['Boards'],
  summary: "The board's applied operations after `after`, in order",
  security: boardSecurity,
  middleware: [boardAccess()],
  request: { params: BoardId, query: HistoryQuery },
  responses: {
    200: jsonResponse(HistoryPage, 'A page of history'),
    ...problemResponses(400, 401, 404, 409),
  },
})

const exportMarkdown = createRoute({
  method: 'get',
  path: '/boards/{id}/export.md',
  tags: ['Boards'],
  summary: 'The board as a Markdown document (areas, notes, dots, quotes, actions)',
  security: boardSecurity,
  middleware: [boardAccess()],
  request: { params: BoardId },
  responses: {
    200: { description: 'Markdown (UTF-8)', content: { 'text/markdown': { schema: z.string() } } },
    ...problemResponses(400, 401, 404, 409),
  },
})

const postArchive = createRoute({
  method: 'post',
  path: '/boards/{id}/archive',
  tags: ['Boards'],
  summary: 'Archive (read-only) or restore the board; connected clients are told',
  security: boardSecurity,
  middleware: [boardAccess({ facilitatorOnly: true })],
  request: { params: BoardId, ...jsonBody(ArchiveBody) },
  responses: {
    200: jsonResponse(z.object({ board: Board }), 'The board'),
    ...problemResponses(400, 401, 403, 404, 409),
  },
})

export const boardsApi = new OpenAPIHono<AppEnv>()
  .openapi(listCanvases, (c) => {
    const language = c.req.valid('query').language ?? c.var.auth.practice.languages[0] ?? 'en'
    return c.json({ items: canvases.map((canvas) => canvasSummary(canvas, language)) }, 200)
  })
  .openapi(listBoards, async (c) => {
    const { archived } = c.req.valid('query')
    return c.json({ items: await boards.list(c.var.db, c.var.auth.practice.id, { archived }) }, 200)
  })
  .openapi(createBoard, async (c) => {
    const body = c.req.valid('json')
    const { practice, user } = c.var.auth
    const canvas = canvases.find((candidate) => candidate.id === body.canvasId)
    if (!canvas) throw new Invalid('There is no canvas with this id.', 'canvasId')
    const journey = await journeys.get(c.var.db, practice.id, practice.specialty)
    const board = newBoard({
      id: ulid(),
      canvas,
      touchpoints: journey.touchpoints,
      input: {
        title: body.title,
        persona: body.persona,
        touchpointId: body.touchpointId ?? null,
        language: body.language ?? practice.languages[0] ?? 'en',
      },
      creator: staffParticipant(user),
      at: new Date(),
    })
    await boards.create(c.var.db, practice.id, board)
    return c.json({ board }, 201)
  })
  .openapi(getMe, (c) => {
    const { participant, facilitator, csrfToken, auth } = c.var.boardAccess
    const staff = auth !== undefined
    const canOpenCases = auth !== undefined && can(auth.user.role, 'governance:write')
    return c.json(
      {
        participant,
        facilitator,
        csrfToken,
        canSearchEvidence: staff,
        canManageActions: staff,
        canOpenCases,
      },
      200,
    )
  })
  .openapi(getState, async (c) => {
    const { practiceId, board, participant } = c.var.boardAccess
    // Consistent: a client replays the entries after this seq, so it must not be behind them.
    const state = await boards.loadState(c.var.db, practiceId, board.id, { consistent: true })
    if (!state) throw new NotFound('board', board.id)
    return c.json(stateSeenBy(publicState(state), participant.id), 200)
  })
  .openapi(postTicket, async (c) => {
    const { practiceId, board, participant, facilitator } = c.var.boardAccess
    const credential = socketCredential(c, c.var.boardAccess)
    const { ticket, expiresAt } = await boardAccessStore.issueTicket(c.var.db, {
      practiceId,
      boardId: board.id,
      participant,
      facilitator,
      ...(credential && { credential }),
    })
    return c.json({ ticket, socketUrl: socketUrl(c), expiresAt }, 200)
  })
  .openapi(getHistory, async (c) => {
    const { after, limit } = c.req.valid('query')
    const { practiceId, board, facilitator } = c.var.boardAccess
    refuseWhileFaceDown(board, facilitator)
    refuseWhileVotesHidden(board)
    const entries = await entriesAfter(c.var.db, practiceId, board.id, after, limit)
    const last = entries.at(-1)
    return c.json({ entries, next: entries.length === limit && last ? last.seq : null }, 200)
  })
  .openapi(exportMarkdown, async (c) => {
    const { practiceId, board, auth, facilitator, participant } = c.var.boardAccess
    refuseWhileFaceDown(board, facilitator)
    const [state, practice] = await Promise.all([
      boards.loadState(c.var.db, practiceId, board.id),
      auth ? auth.practice : practices.get(c.var.db, practiceId),
    ])
    if (!state) throw new NotFound('board', board.id)
    const canvas = canvases.find((candidate) => candidate.id === state.board.canvasId)
    const markdown = boardMarkdown(stateSeenBy(publicState(state), participant.id), {
      practiceName: practice?.name,
      timeZone: practice?.timeZone,
      canvasTitle: canvas && (canvas.title[state.board.language] ?? canvas.title.en),
    })
    return c.body(markdown, 200, {
      'content-type': 'text/markdown; charset=utf-8',
      'content-disposition': attachment(`${state.board.title}.md`),
    })
  })
  .openapi(postArchive, async (c) => {
    const { archived } = c.req.valid('json')
    const { practiceId, board, participant } = c.var.boardAccess
    // Asking for what already is changes nothing (and spends no sequence number).
    if (board.archived === archived) return c.json({ board }, 200)
    const committed = await commitOperation(c.var.db, {
      practiceId,
      boardId: board.id,
      opId: ulid(),
      op: { type: 'board.archive', archived },
      actor: { participant, facilitator: true },
      at: new Date(),
    })
    if (committed.kind !== 'applied') {
      const current = await boards.get(c.var.db, practiceId, board.id)
      if (!current) throw new NotFound('board', board.id)
      return c.json({ board: current }, 200)
    }
    await c.var.deps.boardHub?.publish(practiceId, board.id, committed.entry)
    return c.json({ board: committed.state.board }, 200)
  })
  .route('/', guestLinksApi)

function canvasSummary(canvas: Canvas, language: 'en' | 'es'): z.infer<typeof CanvasSummary> {
  const text = (localized: { en: string; es?: string | undefined }) =>
    (language === 'es' ? localized.es : undefined) ?? localized.en
  const place = (id: string) => {
    const area = canvas.areas.find((a) => a.id === id)
    return area && { row: area.row, col: area.col, rowSpan: area.rowSpan, colSpan: area.colSpan }
  }
  const areas = canvas.kind === 'journey' ? canvas.rows : canvas.areas
  return {
    id: canvas.id,
    kind: canvas.kind,
    title: text(canvas.title),
    description: text(canvas.description),
    credit: canvas.credit,
    voteLimit: canvas.voteLimit,
    steps: canvas.steps.map((step) => ({
      id: step.id,
      title: text(step.title),
      minutes: step.minutes,
      mode: step.mode,
    })),
    ...(canvas.kind === 'grid' && { columns: canvas.columns }),
    areas: areas.map((area) => ({
      id: area.id,
      title: text(area.title),
      prompt: text(area.prompt),
      ...place(area.id),
      tone: area.tone,
    })),
  }
}

/**
 * While notes are face down, the history and the export would show everyone's words: only the
 * facilitator may read them until the reveal.
 */
/** The history holds every dot; until the reveal, nobody (the facilitator too) replays it. */
function refuseWhileVotesHidden(board: Board) {
  if (board.votesHidden) {
    throw new Conflict(
      'Votes are hidden until the facilitator reveals them. Try again after the reveal.',
      'votes-hidden',
    )
  }
}

function refuseWhileFaceDown(board: Board, facilitator: boolean) {
  if (board.hidden && !facilitator) {
    throw new Conflict(
      'Notes are face down until the facilitator reveals them. Try again after the reveal.',
      'notes-hidden',
    )
  }
}

/**
 * Where the board's socket is: `BOARD_SOCKET_URL` in AWS (API Gateway), else the `/ws` of the host
 * the request came to, so a laptop on the meeting room's network reaches the same server.
 */
function socketUrl(c: Context<AppEnv>): string {
  const configured = c.var.deps.config.BOARD_SOCKET_URL
  if (configured) return configured
  const url = new URL(c.req.url)
  const secure = url.protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https'
  return `${secure ? 'wss' : 'ws'}://${c.req.header('host') ?? url.host}/ws`
}

/** `attachment` with an ASCII fallback name and the real one in RFC 8187 form. */
function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\/]/g, '_')
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
