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
  OperationInput,
  Entry,
  PresenceEntry,
  ClientMessage,
  ServerMessage,
  BoardMe,
} from '$contract'
