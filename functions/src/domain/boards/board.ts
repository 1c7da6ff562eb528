import { z } from 'zod'
import { Id } from '../practice'
import { Slug } from '../surveys'
import { publicNote } from './anonymity'

// Kept importable from here, where they always were; they live in modules free of zod, which the
// web's optimistic view imports.
export { publicNote }
export { votesUsed } from './votes'

/**
 * A board's shape as every client sees it. The server keeps a little more (see `StoredNote`), and
 * strips it before anything leaves; clients replace whole entities in sequence order, so they end
 * identical to the server without running the rules themselves.
 */

export const noteColours = ['yellow', 'pink', 'blue', 'green', 'orange', 'purple'] as const
export const NoteColour = z.enum(noteColours)
export type NoteColour = z.infer<typeof NoteColour>

/** An area id: a canvas area's slug, or `<row>.<touch point>` on a journey map. */
export const AreaId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}(\.[a-z0-9][a-z0-9-]{0,39})?$/, 'Expected an area id')

/** Someone on a board: a signed-in staff member (their user id) or a guest from a link. */
export const ParticipantId = z
  .string()
  .regex(/^(u|g)_[0-9A-HJKMNP-TV-Z]{26}$/, 'Expected a participant id')
export type ParticipantId = z.infer<typeof ParticipantId>
export const Participant = z.object({
  id: ParticipantId,
  name: z.string().min(1).max(60),
  kind: z.enum(['staff', 'guest']),
})
export type Participant = z.infer<typeof Participant>

/** The board's areas and steps, resolved from its canvas (and journey) when it was created. */
export const BoardArea = z.object({
  id: AreaId,
  title: z.string(),
  prompt: z.string(),
  row: z.number().int(),
  col: z.number().int(),
  rowSpan: z.number().int(),
  colSpan: z.number().int(),
  tone: z.enum(['neutral', 'pain', 'gain', 'goal']),
  /** Journey maps: the touch point this cell belongs to. */
  touchpointId: Slug.nullable(),
})
export type BoardArea = z.infer<typeof BoardArea>

export const BoardStep = z.object({
  id: Slug,
  title: z.string(),
  instructions: z.string(),
  minutes: z.number().int(),
  mode: z.enum(['write', 'vote', 'discuss', 'act']),
})
export type BoardStep = z.infer<typeof BoardStep>

/** A journey map's column, with the emotion line's point for it (-2 very negative … +2). */
export const JourneyColumn = z.object({ touchpointId: Slug, title: z.string() })

export const Board = z.object({
  id: Id,
  title: z.string().min(1).max(120),
  /** Who the map is about: "new patient booking a skin check". */
  persona: z.string().min(1).max(200),
  canvasId: Slug,
  kind: z.enum(['grid', 'journey']),
  /** The touch point the workshop is about, if any: evidence searches start there. */
  touchpointId: Slug.nullable(),
  language: z.enum(['en', 'es']),
  columns: z.number().int(),
  areas: z.array(BoardArea),
  journey: z.array(JourneyColumn),
  steps: z.array(BoardStep),
  createdBy: Participant,
  createdAt: z.iso.datetime(),
  /** The facilitator runs steps, hides and reveals, locks; owners and managers may too. */
  facilitatorId: ParticipantId,
  /** The last operation applied. */
  seq: z.number().int().min(0),
  step: z.object({
    index: z.number().int().min(0),
    startedAt: z.iso.datetime().nullable(),
    /** When the step's timer runs out; null when no timer is running. */
    endsAt: z.iso.datetime().nullable(),
  }),
  /** While true, clients show only each person's own notes face up. */
  hidden: z.boolean(),
  locked: z.boolean(),
  anonymousAllowed: z.boolean(),
  voteLimit: z.number().int().min(0).max(20),
  /**
   * While true, the server sends each person only their own dots, so nobody follows the first
   * ones; the facilitator's reveal sets it false. Boards stored before it read as false.
   */
  votesHidden: z.boolean().default(false),
  /** Journey maps: the emotion line, by touch point. */
  emotions: z.record(z.string(), z.number().int().min(-2).max(2)),
  archived: z.boolean(),
})
export type Board = z.infer<typeof Board>

/** Where a quote note came from: a survey comment (or, later, a review). */
export const NoteSource = z.object({
  kind: z.enum(['response', 'review']),
  id: z.string().min(1).max(80),
  /** The day it was written, in the practice's time zone. */
  date: z.string(),
  surveyId: Id.nullable(),
  sentiment: z.enum(['positive', 'neutral', 'negative']).nullable(),
  touchpointIds: z.array(Slug),
  /** A review's site (`google`, `healthgrades`) and stars, so its quote says where it came from. */
  site: z.string().max(40).optional(),
  stars: z.number().int().min(1).max(5).optional(),
  /** A Facebook recommendation has no stars of its own. */
  recommendation: z.enum(['positive', 'negative']).optional(),
})
export type NoteSource = z.infer<typeof NoteSource>

export const Note = z.object({
  id: Id,
  area: AreaId,
  text: z.string().min(1).max(500),
  colour: NoteColour,
  /** Position within its area: notes sort by it; a move picks a number between two neighbours. */
  order: z.number(),
  /** Notes with the same label are drawn as one cluster. */
  group: z.string().max(60).nullable(),
  /** Null on an anonymous note. */
  author: Participant.nullable(),
  anonymous: z.boolean(),
  source: NoteSource.nullable(),
  /** Dots by participant. */
  votes: z.record(z.string(), z.number().int().min(1)),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Bumped by every change; equal versions mean equal notes. */
  version: z.number().int().min(1),
})
export type Note = z.infer<typeof Note>

/** What the server keeps: who wrote a note even when it is shown without a name. */
export const StoredNote = Note.extend({ authorId: ParticipantId })
export type StoredNote = z.infer<typeof StoredNote>

/** A follow-up action decided in the workshop; the governance area will pick these up. */
export const Action = z.object({
  id: Id,
  text: z.string().min(1).max(300),
  noteId: Id.nullable(),
  owner: z.object({ id: ParticipantId.nullable(), name: z.string().min(1).max(60) }).nullable(),
  due: z.iso.date().nullable(),
  status: z.enum(['open', 'done']),
  createdBy: Participant,
  createdAt: z.iso.datetime(),
  version: z.number().int().min(1),
})
export type Action = z.infer<typeof Action>

/** The whole board as the server holds it. */
export interface BoardState {
  board: Board
  notes: Record<string, StoredNote>
  actions: Record<string, Action>
}

/** The whole board as clients hold it. */
export const PublicBoardState = z.object({
  board: Board,
  notes: z.record(z.string(), Note),
  actions: z.record(z.string(), Action),
})
export type PublicBoardState = z.infer<typeof PublicBoardState>

export function publicState(state: BoardState): PublicBoardState {
  return {
    board: state.board,
    notes: Object.fromEntries(Object.entries(state.notes).map(([id, n]) => [id, publicNote(n)])),
    actions: state.actions,
  }
}

/** What the list of boards shows; kept beside the practice so listing never reads a board. */
export const BoardSummary = Board.pick({
  id: true,
  title: true,
  persona: true,
  canvasId: true,
  kind: true,
  touchpointId: true,
  language: true,
  createdBy: true,
  createdAt: true,
  archived: true,
})
export type BoardSummary = z.infer<typeof BoardSummary>

export function summaryOf(board: Board): BoardSummary {
  return BoardSummary.parse(board)
}
