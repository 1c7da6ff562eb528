import { z } from 'zod'
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import {
  Action,
  Board,
  BoardSummary,
  StoredNote,
  summaryOf,
  type BoardState,
} from '../domain/boards/board'
import { AlreadyExists } from '../domain/errors'
import type { Db } from './db'
import { conditionFailedAt, fromItem, toItem } from './items'
import * as keys from './keys'
import { queryEvery } from './query'

/**
 * The store's `kind` attribute names an item's type, and a board has a `kind` of its own (grid or
 * journey): in the table the board's is kept as `boardKind`.
 */
export function boardToItem(key: keys.Key, itemKind: string, data: { kind: Board['kind'] }) {
  const { kind: boardKind, ...rest } = data
  return toItem(key, itemKind, { ...rest, boardKind })
}

export function boardFromItem<S extends z.ZodType>(
  schema: S,
  item: Record<string, unknown>,
): z.infer<S> {
  const { boardKind, ...rest } = item
  return schema.parse({ ...fromItem(z.record(z.string(), z.unknown()), rest), kind: boardKind })
}

/**
 * The whole board (settings, notes, actions) in one Query of its partition. Consistent when the
 * caller is about to apply rules to it.
 */
export async function loadState(
  db: Db,
  practiceId: string,
  boardId: string,
  { consistent = false }: { consistent?: boolean } = {},
): Promise<BoardState | undefined> {
  // The board first, then its notes and actions: a Query is not a snapshot, and this order makes
  // whatever it reads at least as new as the board's seq. A writer whose condition is that seq
  // then fails on anything newer and reads again; a client replays entries after it, which only
  // replace whole entities, so reading some of them early changes nothing.
  const board = await get(db, practiceId, boardId, { consistent })
  if (!board) return undefined
  const state: BoardState = { board, notes: {}, actions: {} }
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.boardState(practiceId, boardId) },
        ConsistentRead: consistent,
        ExclusiveStartKey,
      }),
    )
    for (const item of page.Items ?? []) {
      const sk = String(item.sk)
      if (sk.startsWith('NOTE#')) {
        const note = fromItem(StoredNote, item)
        state.notes[note.id] = note
      } else if (sk.startsWith('ACTION#')) {
        const action = fromItem(Action, item)
        state.actions[action.id] = action
      }
    }
    ExclusiveStartKey = page.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return state
}

/**
 * Store a new board and its summary in the practice's list, in one transaction. The board's
 * practice is the caller's (from the session), never a field of the request.
 */
export async function create(db: Db, practiceId: string, board: Board): Promise<void> {
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: db.table,
              Item: boardToItem(keys.board(practiceId, board.id), 'board', board),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: db.table,
              Item: boardToItem(
                keys.boardSummary(practiceId, board.id),
                'boardSummary',
                summaryOf(board),
              ),
            },
          },
        ],
      }),
    )
  } catch (err) {
    if (conditionFailedAt(err, 0)) throw new AlreadyExists(`Board ${board.id} exists.`, 'id')
    throw err
  }
}

/** The board's settings alone (no notes): enough to check who may open it. */
export async function get(
  db: Db,
  practiceId: string,
  boardId: string,
  { consistent = false }: { consistent?: boolean } = {},
): Promise<Board | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({
      TableName: db.table,
      Key: keys.board(practiceId, boardId),
      ConsistentRead: consistent,
    }),
  )
  return Item ? boardFromItem(Board, Item) : undefined
}

/** The practice's boards, archived or not, newest first (ids are ULIDs, so key order is age). */
export async function list(
  db: Db,
  practiceId: string,
  { archived }: { archived: boolean },
): Promise<BoardSummary[]> {
  const { pk, skPrefix } = keys.boardSummaries(practiceId)
  const items = await queryEvery(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    FilterExpression: 'archived = :archived',
    ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix, ':archived': archived },
    ScanIndexForward: false,
  })
  return items.map((item) => boardFromItem(BoardSummary, item))
}
