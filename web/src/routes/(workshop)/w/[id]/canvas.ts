import type { BoardConnection } from '$lib/board/connection.svelte'

/** What a note or an area of the live board may ask the canvas to do (absent on the replay). */
export interface CanvasActions {
  connection: BoardConnection
  /** Open the "Move to…" dialog for a note. */
  openMove: (noteId: string) => void
  openGroup: (noteId: string) => void
  openDelete: (noteId: string) => void
  /** Move a note one place up (-1) or down (+1) within its area. */
  step: (noteId: string, step: -1 | 1) => void
  /** A pointer went down on a note's handle: the canvas follows it and drops the note. */
  startDrag: (event: PointerEvent, noteId: string) => void
}

/** Element ids: areas for the jump menu, note menus to put focus back after a dialog. */
export const areaElementId = (areaId: string) => `area-${areaId}`
export const noteMenuId = (noteId: string) => `note-menu-${noteId}`
export const addNoteId = (areaId: string) => `add-note-${areaId}`
