import { z } from 'zod'
import { Id } from '../practice'
import { Slug } from '../surveys'
import { AreaId, NoteColour, ParticipantId } from './board'

const NoteText = z.string().trim().min(1, 'Write something first').max(500)
const ActionText = z.string().trim().min(1, 'Describe the action').max(300)
const Order = z.number().finite()
const GroupLabel = z.string().trim().max(60).nullable()

/**
 * Every change to a board, as a client sends it. Ids of new notes and actions are made by the
 * client (ULIDs), so a resent operation names the same note and cannot make a second one. The web
 * completes operations without this schema (`withDefaults` in operation-defaults.ts): a default or
 * trim changed here changes there too, or its test fails.
 */
export const Operation = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('note.add'),
    noteId: Id,
    area: AreaId,
    /** Ignored for quotes: the server writes the (redacted) words of the source itself. */
    text: NoteText.optional(),
    colour: NoteColour.default('yellow'),
    order: Order.optional(),
    anonymous: z.boolean().default(false),
    /** A quote: the survey comment (or review) it rests on. */
    source: z
      .strictObject({ kind: z.enum(['response', 'review']), id: z.string().min(1).max(80) })
      .optional(),
  }),
  z.strictObject({ type: z.literal('note.edit'), noteId: Id, text: NoteText }),
  z.strictObject({ type: z.literal('note.move'), noteId: Id, area: AreaId, order: Order }),
  z.strictObject({ type: z.literal('note.colour'), noteId: Id, colour: NoteColour }),
  z.strictObject({ type: z.literal('note.group'), noteId: Id, group: GroupLabel }),
  z.strictObject({ type: z.literal('note.delete'), noteId: Id }),
  z.strictObject({ type: z.literal('vote.add'), noteId: Id }),
  z.strictObject({ type: z.literal('vote.remove'), noteId: Id }),
  // The facilitator's controls.
  z.strictObject({ type: z.literal('board.step'), index: z.number().int().min(0) }),
  /** Start (or restart) the step's timer for this many seconds; null stops it. */
  z.strictObject({
    type: z.literal('board.timer'),
    seconds: z.number().int().min(1).max(7200).nullable(),
  }),
  z.strictObject({ type: z.literal('board.hide'), hidden: z.boolean() }),
  z.strictObject({ type: z.literal('board.lock'), locked: z.boolean() }),
  /** Archived boards are read-only until restored; the only operation they take is this one. */
  z.strictObject({ type: z.literal('board.archive'), archived: z.boolean() }),
  z.strictObject({ type: z.literal('board.anonymous'), allowed: z.boolean() }),
  z.strictObject({ type: z.literal('board.votes'), limit: z.number().int().min(0).max(20) }),
  /** Hide everyone's dots but one's own (true), or reveal them all (false). */
  z.strictObject({ type: z.literal('board.hideVotes'), hidden: z.boolean() }),
  z.strictObject({
    type: z.literal('board.rename'),
    title: z.string().trim().min(1).max(120),
    persona: z.string().trim().min(1).max(200),
  }),
  z.strictObject({
    type: z.literal('emotion.set'),
    touchpointId: Slug,
    value: z.number().int().min(-2).max(2).nullable(),
  }),
  // Follow-up actions.
  z.strictObject({
    type: z.literal('action.add'),
    actionId: Id,
    text: ActionText,
    noteId: Id.nullable().default(null),
    owner: z
      .strictObject({ id: ParticipantId.nullable(), name: z.string().trim().min(1).max(60) })
      .nullable()
      .default(null),
    due: z.iso.date().nullable().default(null),
  }),
  z.strictObject({
    type: z.literal('action.edit'),
    actionId: Id,
    text: ActionText.optional(),
    owner: z
      .strictObject({ id: ParticipantId.nullable(), name: z.string().trim().min(1).max(60) })
      .nullable()
      .optional(),
    due: z.iso.date().nullable().optional(),
    status: z.enum(['open', 'done']).optional(),
  }),
  z.strictObject({ type: z.literal('action.delete'), actionId: Id }),
])
export type Operation = z.infer<typeof Operation>
export type OperationInput = z.input<typeof Operation>
export type OperationType = Operation['type']

// Kept importable from here; the list lives in a module free of zod, for the web's rules.
export { facilitatorOperations } from './facilitator-operations'
