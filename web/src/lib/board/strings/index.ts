import { en } from './en'
import { es } from './es'
import type { BoardStrings } from './types'

/**
 * The board page's own words in each language a board can be created in. The canvas text (area
 * titles, prompts) arrives already translated with the board; these are the page's labels,
 * buttons, headings, banners, announcements, dates' language and the history's lines. A typed
 * object with no runtime, as on the patient page.
 *
 * @example
 * const t = boardStrings(board.language)
 * t.addNote // 'Añadir una nota'
 */
export function boardStrings(language: string | undefined): BoardStrings {
  return language === 'es' ? es : en
}

export { en, es }
export type { BoardLanguage, BoardStrings } from './types'
