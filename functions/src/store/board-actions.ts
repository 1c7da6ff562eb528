import { Action, type BoardSummary } from '../domain/boards/board'
import type { Db } from './db'
import { fromItem } from './items'
import * as keys from './keys'
import * as boards from './boards'
import { queryEvery } from './query'

/** A follow-up action with the board it was decided on. */
export interface BoardAction {
  board: Pick<BoardSummary, 'id' | 'title'>
  action: Action
}

/** How many boards are read at once: a practice has tens of boards, not thousands. */
const parallelBoards = 8

/**
 * The follow-up actions of the practice's active boards with the given status, the soonest due
 * first (those without a date last), then the oldest. Archived boards are left out: they are
 * read-only, so their open actions could never be ticked done and would stay on the list forever.
 * One Query per board, reading its actions alone (not its notes).
 *
 * @example
 * const open = await boardActions.list(db, practiceId, 'open')
 * open[0]?.action.text // 'Call back every patient who waited over 30 minutes'
 */
export async function list(
  db: Db,
  practiceId: string,
  status: Action['status'],
): Promise<BoardAction[]> {
  const active = await boards.list(db, practiceId, { archived: false })
  const found: BoardAction[] = []
  for (let start = 0; start < active.length; start += parallelBoards) {
    const batch = active.slice(start, start + parallelBoards)
    const pages = await Promise.all(
      batch.map((board) =>
        queryEvery(db, {
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          // `status` is a DynamoDB reserved word.
          FilterExpression: '#status = :status',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':pk': keys.boardState(practiceId, board.id),
            ':prefix': 'ACTION#',
            ':status': status,
          },
        }),
      ),
    )
    pages.forEach((items, i) => {
      const board = batch[i]!
      for (const item of items) {
        found.push({ board: { id: board.id, title: board.title }, action: fromItem(Action, item) })
      }
    })
  }
  return found.sort(
    (a, b) =>
      (a.action.due ?? '9999').localeCompare(b.action.due ?? '9999') ||
      a.action.createdAt.localeCompare(b.action.createdAt),
  )
}
