/**
 * The board's types for the web app, from the server's contract (type-only: no server code runs
 * in the browser).
 */
export type {
  Action,
  Board,
  BoardArea,
  BoardStep,
  Note,
  NoteColour,
  NoteSource,
  Participant,
  PublicBoardState,
} from '../../../../functions/src/domain/boards/board'
export type { OperationInput } from '../../../../functions/src/domain/boards/operations'
export type {
  ClientMessage,
  Entry,
  PresenceEntry,
  ServerMessage,
} from '../../../../functions/src/realtime/protocol'
