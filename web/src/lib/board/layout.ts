import type { Board, BoardArea } from '$domain/boards/board'

/** Areas in reading order (row by row, left to right): how a phone stacks them. */
export function readingOrder(areas: readonly BoardArea[]): BoardArea[] {
  return [...areas].sort((a, b) => a.row - b.row || a.col - b.col)
}

export interface JourneyRow {
  id: string
  title: string
  tone: BoardArea['tone']
  /** The row's cell for each touch point, by touch point id. */
  cells: Map<string, BoardArea>
}

/**
 * A journey map's rows ("Doing", "Pains"…), each with its cell per touch point. Cells are areas
 * named `<row>.<touch point>`; a row's title is its cells' title without the touch point's name.
 */
export function journeyRows(board: Pick<Board, 'areas' | 'journey'>): JourneyRow[] {
  const rows = new Map<string, JourneyRow>()
  for (const area of readingOrder(board.areas)) {
    const [rowId = area.id] = area.id.split('.')
    let row = rows.get(rowId)
    if (!row) {
      const column = board.journey.find((c) => c.touchpointId === area.touchpointId)
      const title = column
        ? area.title
            .replace(column.title, '')
            .replace(/^\s*[·:—–-]\s*|\s*[·:—–-]\s*$/g, '')
            .trim() || area.title
        : area.title
      row = { id: rowId, title, tone: area.tone, cells: new Map() }
      rows.set(rowId, row)
    }
    if (area.touchpointId) row.cells.set(area.touchpointId, area)
  }
  return [...rows.values()]
}
