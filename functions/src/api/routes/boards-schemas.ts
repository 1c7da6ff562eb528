import { z } from 'zod'
import { plainString } from '../../domain/plain-text'
import { NoteSource, Participant } from '../../domain/boards/board'
import { Entry } from '../../domain/boards/history'
import { Id, Language } from '../../domain/practice'
import { SentimentLabel } from '../../domain/survey-records'
import { Slug } from '../../domain/surveys'

/** One area of a canvas (a journey canvas's row), in the requested language. */
export const CanvasAreaSummary = z.object({
  id: Slug,
  title: z.string(),
  prompt: z.string(),
  row: z.number().int().optional(),
  col: z.number().int().optional(),
  rowSpan: z.number().int().optional(),
  colSpan: z.number().int().optional(),
  /** The area's tint on the board (pains, gains, the goal), so the picker can show it too. */
  tone: z.enum(['neutral', 'pain', 'gain', 'goal']),
})

/** A canvas a board can start from, with its text in one language. */
export const CanvasSummary = z
  .object({
    id: Slug,
    kind: z.enum(['grid', 'journey']),
    title: z.string(),
    description: z.string(),
    credit: z.string(),
    voteLimit: z.number().int(),
    steps: z.array(
      z.object({
        id: Slug,
        title: z.string(),
        minutes: z.number().int(),
        mode: z.enum(['write', 'vote', 'discuss', 'act']),
      }),
    ),
    /** Grid canvases: the columns their areas sit in. */
    columns: z.number().int().optional(),
    /**
     * A journey canvas lists its rows (its columns are the practice's touch points); a grid
     * canvas's areas say where they sit, so a picker can draw the canvas as it is.
     */
    areas: z.array(CanvasAreaSummary),
  })
  .meta({ id: 'CanvasSummary' })

/** `POST /api/boards`: start a board from a canvas. */
export const NewBoard = z.object({
  title: z.string().trim().min(1, 'Give the board a title').max(120),
  persona: z.string().trim().min(1, 'Say who the map is about').max(200),
  canvasId: Slug,
  touchpointId: Slug.nullable().optional(),
  /** The language of the board's canvas text (default: the practice's first language). */
  language: Language.optional(),
})

/** `GET /api/boards/{id}/me`: who the caller is on this board, and what they may do. */
export const BoardMe = z.object({
  participant: Participant,
  facilitator: z.boolean(),
  /** Send back in the `x-csrf-token` header on every write to this board. */
  csrfToken: z.string(),
  canSearchEvidence: z.boolean(),
  canManageActions: z.boolean(),
  /** Staff whose role writes governance cases may promote a follow-up action to a case. */
  canOpenCases: z.boolean(),
})

/** A single-use ticket for the board's socket. */
export const Ticket = z.object({
  ticket: z.string(),
  /** Open `${socketUrl}?ticket=${ticket}` within a minute; the ticket works once. */
  socketUrl: z.string(),
  expiresAt: z.iso.datetime(),
})

export const GuestLinkBody = z.object({ hours: z.number().int().min(1).max(168).default(12) })
/** A link that lets people without an account join one board until it expires. */
export const GuestLink = z.object({ id: Id, url: z.url(), expiresAt: z.iso.datetime() })
/** A guest link as the share panel lists it: who made it, when, how many joined; never its token. */
export const GuestLinkSummary = z.object({
  id: Id,
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  createdBy: Participant,
  joined: z.number().int().min(0),
  /** Set once revoked; a revoked link admits nobody and its guests' sessions have ended. */
  revokedAt: z.iso.datetime().nullable(),
})
export type GuestLinkSummary = z.infer<typeof GuestLinkSummary>
export const ArchiveBody = z.object({ archived: z.boolean() })

/** `POST /api/guest/join`: spend a guest link's token. */
export const GuestJoinBody = z.object({
  /** The part of the guest link after `#`. */
  token: z.string().min(1, 'Required').max(200),
  name: plainString().trim().min(1, 'Tell the others your name').max(60),
})
export const GuestJoin = z.object({
  boardId: z.string(),
  participant: Participant,
  /** Send back in the `x-csrf-token` header on every write. */
  csrfToken: z.string(),
})

/** `GET /api/boards/{id}/evidence`: which patients' comments to offer for quoting. */
export const EvidenceQuery = z.object({
  /** Words that must all appear in the comment, case and accents aside. */
  q: z.string().trim().max(200).optional(),
  theme: Slug.optional(),
  touchpoint: Slug.optional(),
  sentiment: SentimentLabel.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
})
/** A comment to quote on a board, with contact details and dates removed. */
export const EvidenceQuote = z.object({ source: NoteSource, text: z.string() })

/** A page of `GET /api/boards/{id}/history`. */
export const HistoryPage = z.object({
  entries: z.array(Entry),
  /** The `after` of the next page; null at the end. */
  next: z.number().int().nullable(),
})
