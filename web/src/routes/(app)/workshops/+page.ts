import * as boardsApi from '$lib/api-boards'
import type { PageLoad } from './$types'

/**
 * Both lists at once (two small reads of the practice's summaries), so "Show archived" can say how
 * many there are and toggle without a round trip; the page tells them apart by their own flag.
 */
export const load: PageLoad = async ({ fetch, depends }) => {
  depends('app:boards')
  const [active, archived, canvases] = await Promise.all([
    boardsApi.boards.list(false, { fetch }),
    boardsApi.boards.list(true, { fetch }),
    boardsApi.canvases.list(undefined, { fetch }),
  ])
  const byId = new Map([...active.items, ...archived.items].map((board) => [board.id, board]))
  const boards = [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  return {
    boards,
    canvasTitles: Object.fromEntries(canvases.items.map((canvas) => [canvas.id, canvas.title])),
  }
}
