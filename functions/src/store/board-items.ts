import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { Action, StoredNote } from '../domain/boards/board'
import type { Db } from './db'
import { fromItem } from './items'
import * as keys from './keys'

/**
 * One note or one follow-up action of a board, read by its key in the practice's own partition (so
 * another practice's ids find nothing): what a governance case links as evidence or opens from.
 *
 * @example
 * const note = await boardItems.note(db, practiceId, boardId, noteId)
 */
export async function note(
  db: Db,
  practiceId: string,
  boardId: string,
  noteId: string,
): Promise<StoredNote | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.boardNote(practiceId, boardId, noteId) }),
  )
  return Item ? fromItem(StoredNote, Item) : undefined
}

/** One follow-up action of a board, if the board is this practice's and has it. */
export async function action(
  db: Db,
  practiceId: string,
  boardId: string,
  actionId: string,
): Promise<Action | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.boardAction(practiceId, boardId, actionId) }),
  )
  return Item ? fromItem(Action, Item) : undefined
}

/**
 * Whether this practice has the survey response `<month>.<id>` names, with or without a comment: a
 * detractor's scores alone can open a case (with no words to link).
 *
 * @example
 * await boardItems.responseExists(db, practiceId, '2026-11.01JD…') // true
 */
export async function responseExists(db: Db, practiceId: string, ref: string): Promise<boolean> {
  const [month, id] = ref.split('.') as [string, string]
  const { Item } = await db.client.send(
    new GetCommand({
      TableName: db.table,
      Key: keys.response(practiceId, month, id),
      ProjectionExpression: 'pk',
    }),
  )
  return Item !== undefined
}
