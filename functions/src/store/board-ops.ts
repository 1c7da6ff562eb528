import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { publicNote, summaryOf, type BoardState, type Participant } from '../domain/boards/board'
import { applyOperation, type Actor, type Changes, type Evidence } from '../domain/boards/apply'
import type { Operation } from '../domain/boards/operations'
import { NotFound, Unavailable } from '../domain/errors'
import { Entry, type PublicChanges } from '../realtime/protocol'
import type { Db } from './db'
import { conditionFailedAt, fromItem, toItem } from './items'
import * as keys from './keys'
import { boardToItem, loadState } from './boards'

/**
 * The board's write path. One operation is one transaction: the board item (its sequence number
 * advanced, on condition that nobody else advanced it since we read), the history entry, the
 * operation id (on condition it was never seen: a resend changes nothing), and each note or action
 * the operation changed. Whoever loses a race reads the board again and re-applies the rules.
 */

/** Boards kept in memory between operations by a single writer (the local hub); optional. */
export interface StateCache {
  get(boardId: string): BoardState | undefined
  set(boardId: string, state: BoardState): void
  delete(boardId: string): void
}

export interface Commit {
  practiceId: string
  boardId: string
  opId: string
  op: Operation
  actor: Actor
  at: Date
  evidence?: Evidence
}

export type Committed =
  | { kind: 'applied'; entry: Entry; state: BoardState }
  /** The operation id was applied before, as `seq`; nothing changed. */
  | { kind: 'duplicate'; seq: number }

const attempts = 6

export async function commitOperation(
  db: Db,
  commit: Commit,
  cache?: StateCache,
): Promise<Committed> {
  const { practiceId, boardId, opId } = commit
  for (let attempt = 0; attempt < attempts; attempt++) {
    const state =
      (attempt === 0 ? cache?.get(boardId) : undefined) ??
      (await loadState(db, practiceId, boardId, { consistent: true }))
    if (!state) throw new NotFound('board', boardId)

    let applied
    try {
      applied = applyOperation(state, commit.op, commit.actor, {
        at: commit.at,
        evidence: commit.evidence,
      })
    } catch (refusal) {
      // A resent note.add is refused as a duplicate note; it is really a duplicate operation.
      const seen = await seenAs(db, practiceId, boardId, opId)
      if (seen !== undefined) return { kind: 'duplicate', seq: seen }
      throw refusal
    }

    const entry: Entry = {
      seq: applied.state.board.seq,
      opId,
      op: commit.op,
      actor: entryActor(state, commit.op, commit.actor.participant),
      at: commit.at.toISOString(),
      changes: publicChanges(applied.changes),
    }
    try {
      await db.client.send(
        new TransactWriteCommand({
          TransactItems: writesFor(db, commit, state, applied.state, applied.changes, entry),
        }),
      )
    } catch (err) {
      if (conditionFailedAt(err, 2)) {
        const seen = await seenAs(db, practiceId, boardId, opId)
        return { kind: 'duplicate', seq: seen ?? 0 }
      }
      if (conditionFailedAt(err, 0) || conditionFailedAt(err, 1) || isConflict(err)) {
        cache?.delete(boardId)
        continue
      }
      throw err
    }
    cache?.set(boardId, applied.state)
    return { kind: 'applied', entry, state: applied.state }
  }
  cache?.delete(boardId)
  throw new Unavailable('The board is busy. Try again in a moment.')
}

function writesFor(
  db: Db,
  { practiceId, boardId, opId }: Commit,
  before: BoardState,
  after: BoardState,
  changes: Changes,
  entry: Entry,
) {
  const TableName = db.table
  const board = after.board
  const writes: NonNullable<
    ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
  > = [
    // 0: the board, only if its sequence number is still the one the rules saw.
    {
      Put: {
        TableName,
        Item: boardToItem(keys.board(practiceId, boardId), 'board', board),
        ConditionExpression: 'seq = :seen',
        ExpressionAttributeValues: { ':seen': before.board.seq },
      },
    },
    // 1: the history entry.
    {
      Put: {
        TableName,
        Item: toItem(keys.boardEntry(practiceId, boardId, entry.seq), 'boardEntry', entry),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    // 2: the operation id, so a resend is recognised.
    {
      Put: {
        TableName,
        Item: toItem(keys.boardOpId(practiceId, boardId, opId), 'boardOpId', { seq: entry.seq }),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ]
  for (const note of changes.notes) {
    writes.push({
      Put: {
        TableName,
        Item: toItem(keys.boardNote(practiceId, boardId, note.id), 'boardNote', note),
      },
    })
  }
  for (const id of changes.removedNotes) {
    writes.push({ Delete: { TableName, Key: keys.boardNote(practiceId, boardId, id) } })
  }
  for (const action of changes.actions) {
    writes.push({
      Put: {
        TableName,
        Item: toItem(keys.boardAction(practiceId, boardId, action.id), 'boardAction', action),
      },
    })
  }
  for (const id of changes.removedActions) {
    writes.push({ Delete: { TableName, Key: keys.boardAction(practiceId, boardId, id) } })
  }
  const summary = summaryOf(board)
  if (JSON.stringify(summary) !== JSON.stringify(summaryOf(before.board))) {
    writes.push({
      Put: {
        TableName,
        Item: boardToItem(keys.boardSummary(practiceId, boardId), 'boardSummary', summary),
      },
    })
  }
  return writes
}

/** Anonymous notes stay anonymous in the history: their author's operations on them carry no name. */
function entryActor(
  state: BoardState,
  op: Operation,
  participant: Participant,
): Participant | null {
  if (op.type === 'note.add') return op.anonymous ? null : participant
  if ('noteId' in op && op.type !== 'action.add') {
    const note = state.notes[op.noteId]
    if (note?.anonymous && note.authorId === participant.id) return null
  }
  return participant
}

function publicChanges(changes: Changes): PublicChanges {
  return { ...changes, notes: changes.notes.map(publicNote) }
}

async function seenAs(db: Db, practiceId: string, boardId: string, opId: string) {
  const { Item } = await db.client.send(
    new GetCommand({
      TableName: db.table,
      Key: keys.boardOpId(practiceId, boardId, opId),
      ConsistentRead: true,
    }),
  )
  return typeof Item?.seq === 'number' ? Item.seq : undefined
}

/** DynamoDB cancels a transaction that races another on the same items. */
function isConflict(err: unknown) {
  if (!(err instanceof Error) || err.name !== 'TransactionCanceledException') return false
  const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons
  return reasons?.some((r) => r.Code === 'TransactionConflict') ?? false
}

/**
 * The entries after `since`, in order, at most `limit` of them: what a reconnecting client missed,
 * and the history a replay walks through.
 */
export async function entriesAfter(
  db: Db,
  practiceId: string,
  boardId: string,
  since: number,
  limit: number,
): Promise<Entry[]> {
  const { Items = [] } = await db.client.send(
    new QueryCommand({
      TableName: db.table,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': keys.boardLog(practiceId, boardId),
        ':from': keys.boardEntry(practiceId, boardId, since + 1).sk,
        ':to': keys.boardEntry(practiceId, boardId, 9_999_999_999).sk,
      },
      ConsistentRead: true,
      Limit: limit,
    }),
  )
  return Items.map((item) => fromItem(Entry, item))
}
