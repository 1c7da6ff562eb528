import type { Note } from '$domain/boards/board'

/**
 * Where notes sit within an area. Each note has a number (`order`); an area lists its notes by it,
 * and a move gives the note a number between its new neighbours, so one move changes one note.
 */

/** Notes in the order an area lists them: by `order`, then oldest first, then by id. */
export function sortNotes<T extends Pick<Note, 'order' | 'createdAt' | 'id'>>(
  notes: Iterable<T>,
): T[] {
  return [...notes].sort(
    (a, b) =>
      a.order - b.order ||
      a.createdAt.localeCompare(b.createdAt) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
}

/**
 * A number between two neighbours' orders (either may be missing: the start or end of an area).
 *
 * @example
 * orderBetween(1, 2) // 1.5
 * orderBetween(undefined, 3) // 2
 * orderBetween(4, undefined) // 5
 */
export function orderBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined && after === undefined) return 1
  if (before === undefined) return (after as number) - 1
  if (after === undefined) return before + 1
  const middle = before + (after - before) / 2
  // Equal neighbours, or a gap below float precision after ~50 halvings: tie with the first
  // (the sort then falls back to age), rather than land outside the gap.
  return middle > before && middle < after ? middle : before
}

/**
 * The order for a note dropped at `index` of an area's list (`notes` sorted, without the note
 * itself): between the note now at `index - 1` and the one at `index`.
 */
export function orderAt(notes: readonly Pick<Note, 'order'>[], index: number): number {
  const at = Math.max(0, Math.min(index, notes.length))
  return orderBetween(notes[at - 1]?.order, notes[at]?.order)
}

/**
 * The order that moves a note one place up (`-1`) or down (`+1`) within its sorted area, or null
 * when it is already first or last.
 */
export function orderAfterStep(
  sorted: readonly Pick<Note, 'id' | 'order'>[],
  noteId: string,
  step: -1 | 1,
): number | null {
  const index = sorted.findIndex((n) => n.id === noteId)
  if (index < 0) return null
  const target = index + step
  if (target < 0 || target >= sorted.length) return null
  const others = sorted.filter((n) => n.id !== noteId)
  return orderAt(others, target)
}

/** One thing an area draws: a lone note, or a cluster of notes that share a group label. */
export type AreaBlock<T> =
  { kind: 'note'; note: T } | { kind: 'cluster'; label: string; notes: T[] }

/**
 * An area's notes as drawn: in order, with each group's notes pulled together where the group's
 * first note stands. Labels match case- and space-insensitively ("Parking" = " parking ").
 */
export function blocksOf<T extends Pick<Note, 'group' | 'order' | 'createdAt' | 'id'>>(
  notes: Iterable<T>,
): AreaBlock<T>[] {
  const blocks: AreaBlock<T>[] = []
  const clusters = new Map<string, { kind: 'cluster'; label: string; notes: T[] }>()
  for (const note of sortNotes(notes)) {
    const label = note.group?.trim()
    if (!label) {
      blocks.push({ kind: 'note', note })
      continue
    }
    const key = label.toLocaleLowerCase().replace(/\s+/g, ' ')
    const cluster = clusters.get(key)
    if (cluster) cluster.notes.push(note)
    else {
      const block = { kind: 'cluster' as const, label, notes: [note] }
      clusters.set(key, block)
      blocks.push(block)
    }
  }
  return blocks
}
