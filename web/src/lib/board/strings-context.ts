import { getContext, setContext } from 'svelte'
import { en, type BoardStrings } from './strings'

const key = Symbol('board-strings')

/**
 * The board page sets a getter once (the board's language arrives after the page mounts); every
 * component below reads the current strings through it, so they follow the board as it loads.
 *
 * @example
 * setBoardStrings(() => boardStrings(board?.language))
 * const text = useBoardStrings()
 * text().addNote
 */
export function setBoardStrings(get: () => BoardStrings): void {
  setContext(key, get)
}

/** The current board's strings; English outside a board page (a component tested on its own). */
export function useBoardStrings(): () => BoardStrings {
  return getContext<(() => BoardStrings) | undefined>(key) ?? (() => en)
}
