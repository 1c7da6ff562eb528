import type { Board, BoardArea } from '$domain/boards/board'
import { en, type BoardStrings } from '$lib/board/strings'

/** An area as a picker names it: "Pains", or "Pains · Check-in" on a journey map. */
export function areaLabel(board: Pick<Board, 'journey'>, area: BoardArea): string {
  if (!area.touchpointId) return area.title
  const column = board.journey.find((c) => c.touchpointId === area.touchpointId)
  return column ? `${area.title} · ${column.title}` : area.title
}

/**
 * Where a quote goes unless the person picks another area: the area they are working in, else the
 * first pain area (then goal area) in the searched touch point's column, else on the whole board,
 * else the first area.
 */
export function defaultArea(
  board: Pick<Board, 'areas'>,
  selectedArea: string | null,
  touchpointId: string | null = null,
): string | null {
  if (selectedArea && board.areas.some((a) => a.id === selectedArea)) return selectedArea
  const inColumn = touchpointId ? board.areas.filter((a) => a.touchpointId === touchpointId) : []
  for (const areas of [inColumn, board.areas]) {
    const found = areas.find((a) => a.tone === 'pain') ?? areas.find((a) => a.tone === 'goal')
    if (found) return found.id
  }
  return board.areas[0]?.id ?? null
}

/** The evidence search as a query string, leaving out empty filters. */
export function evidenceQuery(filters: {
  q: string
  theme: string
  touchpoint: string
  sentiment: string
  limit: number
}): string {
  const query = new URLSearchParams()
  const q = filters.q.trim()
  if (q) query.set('q', q)
  if (filters.theme) query.set('theme', filters.theme)
  if (filters.touchpoint) query.set('touchpoint', filters.touchpoint)
  if (filters.sentiment) query.set('sentiment', filters.sentiment)
  query.set('limit', String(filters.limit))
  return query.toString()
}

/**
 * What the evidence search says it found, read out by screen readers: "1 comment found.", and
 * "20 or more comments found." when the page is full (the search stops at `limit`).
 */
export function evidenceSummary(found: number, limit: number, text: BoardStrings = en): string {
  if (found === 0) return text.evidencePanel.noneFound
  if (found >= limit) return text.evidencePanel.foundMore(found)
  return text.evidencePanel.found(found)
}
