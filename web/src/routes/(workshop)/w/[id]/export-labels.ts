import type { Action, Note } from '$domain/boards/board'
import { sortActions } from './actions-format'

/**
 * What the PNG export writes where the board shows a note's author. On screen one's own notes
 * say "You"; the picture is read by others later, so it names the real author, or "Anonymous"
 * for an anonymous note (whoever exports it, even its author), and never "You".
 *
 * @example
 * exportedAuthor({ anonymous: false, author: { name: 'Ana' } }) // 'Ana'
 */
export function exportedAuthor(note: Pick<Note, 'anonymous' | 'author'>): string {
  return note.anonymous ? 'Anonymous' : (note.author?.name ?? '')
}

/**
 * The board's follow-up actions as lines of the PNG export, open ones first:
 * "Call the lab about results — Dr. Ruiz, due 2026-11-20" or "… (done)".
 *
 * @example
 * actionLines(state.actions) // ['Put a sign at the door — Ana, due 2026-11-20']
 */
export function actionLines(actions: Readonly<Record<string, Action>>): string[] {
  return sortActions(actions).map((action) => {
    const who = [action.owner?.name, action.due && `due ${action.due}`].filter(Boolean).join(', ')
    return `${action.text}${who ? ` — ${who}` : ''}${action.status === 'done' ? ' (done)' : ''}`
  })
}
