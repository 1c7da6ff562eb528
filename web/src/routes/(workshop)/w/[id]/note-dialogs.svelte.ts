import type { Note } from '$lib/board/board-types'
import { addNoteId, noteMenuId } from './canvas'

export type NoteDialogKind = 'move' | 'group' | 'delete'

/**
 * Which of a note's menu dialogs is open, what its fields hold, and where focus goes when it
 * closes. The canvas opens one from a note's menu; the dialogs read and close it.
 */
export class NoteDialogState {
  open = $state<{ kind: NoteDialogKind; noteId: string } | null>(null)
  moveTarget = $state('')
  groupLabel = $state('')

  // Where focus returns when a dialog closes (the dialog state is already cleared by then).
  #lastNoteId = ''
  #lastArea = ''

  show(kind: NoteDialogKind, note: Note | undefined) {
    if (!note) return
    this.#lastNoteId = note.id
    this.#lastArea = note.area
    this.moveTarget = note.area
    this.groupLabel = note.group ?? ''
    this.open = { kind, noteId: note.id }
  }

  close() {
    this.open = null
  }

  /** After a dialog: back to the note's menu, or (the note gone) to its area's add button. */
  restoreFocus(event: Event, notes: Record<string, Note>) {
    event.preventDefault()
    setTimeout(() => {
      const moved = notes[this.#lastNoteId]?.area
      const target =
        document.getElementById(noteMenuId(this.#lastNoteId)) ??
        document.getElementById(addNoteId(moved ?? this.#lastArea))
      target?.focus()
    }, 0)
  }
}
