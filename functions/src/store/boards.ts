import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { Action, Board, StoredNote, type BoardState } from '../domain/boards/board'
import type { Db } from './db'
import { fromItem } from './items'
import * as keys from './keys'

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
  const state: Partial<BoardState> & Pick<BoardState, 'notes' | 'actions'> = {
    notes: {},
    actions: {},
  }
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
      if (sk === 'BOARD') state.board = fromItem(Board, item)
      else if (sk.startsWith('NOTE#')) {
        const note = fromItem(StoredNote, item)
        state.notes[note.id] = note
      } else if (sk.startsWith('ACTION#')) {
        const action = fromItem(Action, item)
        state.actions[action.id] = action
      }
    }
    ExclusiveStartKey = page.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return state.board
    ? { board: state.board, notes: state.notes, actions: state.actions }
    : undefined
}
