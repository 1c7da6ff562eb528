import type { Action, Note } from '$domain/boards/board'
import { en, type BoardStrings } from '$lib/board/strings'
import { formatDue, sortActions } from './actions-format'

/**
 * What the PNG export writes where the board shows a note's author. On screen one's own notes
 * say "You"; the picture is read by others later, so it names the real author, or "Anonymous"
 * for an anonymous note (whoever exports it, even its author), and never "You".
 *
 * @example
 * exportedAuthor({ anonymous: false, author: { name: 'Ana' } }) // 'Ana'
 */
export function exportedAuthor(
  note: Pick<Note, 'anonymous' | 'author'>,
  text: BoardStrings = en,
): string {
  return note.anonymous ? text.note.anonymous : (note.author?.name ?? '')
}

/**
 * The board's follow-up actions as lines of the PNG export, open ones first:
 * "Call the lab about results — Dr. Ruiz, due Nov 20, 2026" or "… (done)", in the board's language.
 *
 * @example
 * actionLines(state.actions) // ['Put a sign at the door — Ana, due Nov 20, 2026']
 */
export function actionLines(
  actions: Readonly<Record<string, Action>>,
  text: BoardStrings = en,
): string[] {
  const said = text.exports
  return sortActions(actions).map((action) => {
    const due = action.due && said.due(formatDue(action.due, action.due, text.language).text)
    const who = [action.owner?.name, due].filter(Boolean).join(', ')
    return `${action.text}${who ? ` — ${who}` : ''}${action.status === 'done' ? said.doneSuffix : ''}`
  })
}
