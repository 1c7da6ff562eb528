import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { Changes } from '../domain/boards/apply'
import { summaryOf, type BoardState } from '../domain/boards/board'
import { entryVersions, upgradeEntry } from '../domain/boards/entry-versions'
import { recordOperation, type Entry, type Sent } from '../domain/boards/history'
import { NotFound, Unavailable } from '../domain/errors'
import type { Db } from './db'
import { cancelledBecause, conditionFailedAt, toItem } from './items'
import * as keys from './keys'
import { boardToItem, loadState } from './boards'

/**
 * The board's write path. Operations are written in groups: one transaction holds the board item
 * (its sequence number advanced, on condition that nobody else advanced it since we read), a
 * history entry and an operation id per operation (the id on condition it was never seen, so a
 * resend changes nothing), and the final version of each note or action the group changed. One
 * busy board thus costs one transaction per group rather than per operation. Whoever loses a race
 * reads the board again and applies the rules again.
 */

/** Boards kept in memory between operations by a single writer (the local hub); optional. */
export interface StateCache {
  get(boardId: string): BoardState | undefined
  set(boardId: string, state: BoardState): void
  delete(boardId: string): void
}

/** One operation for one board: what the rules need (`Sent`) and where it goes. */
export interface Commit extends Sent {
  practiceId: string
  boardId: string
}

export type Committed =
  | { kind: 'applied'; entry: Entry; state: BoardState }
  /** The operation id was applied before, as `seq`; nothing changed. */
  | { kind: 'duplicate'; seq: number }

/** What became of each operation of a group; a refusal carries the rules' error. */
export type Outcome = Committed | { kind: 'refused'; error: unknown }

/**
 * Operations per transaction: each takes two items (entry and id) and may change one note, and a
 * transaction holds at most 100 items.
 */
export const maxGroup = 24
const attempts = 6

/** One operation; throws the rules' error when it is refused. */
export async function commitOperation(
  db: Db,
  commit: Commit,
  cache?: StateCache,
): Promise<Committed> {
  const [outcome] = await commitOperations(db, [commit], cache)
  if (outcome!.kind === 'refused') throw outcome!.error
  return outcome!
}

/**
 * Operations on one board, in order, written together. Each is applied to the board as the ones
 * before it left it; a refused one changes nothing and does not stop the others.
 */
export async function commitOperations(
  db: Db,
  commits: readonly Commit[],
  cache?: StateCache,
): Promise<Outcome[]> {
  if (commits.length > maxGroup) throw new RangeError(`At most ${maxGroup} operations at once`)
  const first = commits[0]
  if (!first) return []
  const { practiceId, boardId } = first
  const outcomes: (Outcome | undefined)[] = commits.map(() => undefined)
  /** Operation ids found in the history: final, whatever else happens. */
  const seen = new Map<number, number>()

  for (let attempt = 0; attempt < attempts; attempt++) {
    const before =
      (attempt === 0 ? cache?.get(boardId) : undefined) ??
      (await loadState(db, practiceId, boardId, { consistent: true }))
    if (!before) throw new NotFound('board', boardId)

    let state = before
    const applied: { index: number; entry: Entry; changes: Changes }[] = []
    const inGroup = new Map<string, number>()
    for (const [index, commit] of commits.entries()) {
      const earlier = seen.get(index) ?? inGroup.get(commit.opId)
      if (earlier !== undefined) {
        outcomes[index] = { kind: 'duplicate', seq: earlier }
        continue
      }
      try {
        const next = recordOperation(state, commit)
        const { entry } = next
        applied.push({ index, entry, changes: next.changes })
        inGroup.set(commit.opId, entry.seq)
        state = next.state
      } catch (refusal) {
        // A resent note.add is refused as a duplicate note; it is really a duplicate operation.
        const seq = await seenAs(db, practiceId, boardId, commit.opId)
        if (seq !== undefined) seen.set(index, seq)
        outcomes[index] =
          seq === undefined ? { kind: 'refused', error: refusal } : { kind: 'duplicate', seq }
      }
    }
    if (applied.length === 0) return outcomes as Outcome[]

    try {
      await db.client.send(
        new TransactWriteCommand({
          TransactItems: writesFor(db, first, before, state, applied),
        }),
      )
    } catch (err) {
      // An operation id already in the history: that operation was applied by an earlier
      // transaction (a resend); mark it and write the rest.
      const resent = applied.filter((_, k) => conditionFailedAt(err, 2 + 2 * k))
      for (const { index, entry } of resent) {
        seen.set(index, (await seenAs(db, practiceId, boardId, entry.opId)) ?? 0)
      }
      if (
        resent.length > 0 ||
        conditionFailedAt(err, 0) ||
        cancelledBecause(err, 'TransactionConflict', 'ConditionalCheckFailed')
      ) {
        cache?.delete(boardId)
        continue
      }
      throw err
    }
    for (const { index, entry } of applied) outcomes[index] = { kind: 'applied', entry, state }
    cache?.set(boardId, state)
    return outcomes as Outcome[]
  }
  cache?.delete(boardId)
  throw new Unavailable('The board is busy. Try again in a moment.')
}

/** Item 0 is the board, then each entry and its operation id (1 + 2k, 2 + 2k), then the rest. */
function writesFor(
  db: Db,
  { practiceId, boardId }: Commit,
  before: BoardState,
  after: BoardState,
  applied: readonly { entry: Entry; changes: Changes }[],
) {
  const TableName = db.table
  const board = after.board
  const writes: NonNullable<
    ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
  > = [
    {
      Put: {
        TableName,
        Item: boardToItem(keys.board(practiceId, boardId), 'board', board),
        ConditionExpression: 'seq = :seen',
        ExpressionAttributeValues: { ':seen': before.board.seq },
      },
    },
  ]
  const notes = new Set<string>()
  const actions = new Set<string>()
  for (const { entry, changes } of applied) {
    writes.push(
      {
        Put: {
          TableName,
          // With both versions, so next year's code can upgrade it (entry-versions.ts).
          Item: toItem(
            keys.boardEntry(practiceId, boardId, entry.seq),
            'boardEntry',
            { ...entry, opV: entryVersions.op },
            entryVersions.entry,
          ),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName,
          Item: toItem(keys.boardOpId(practiceId, boardId, entry.opId), 'boardOpId', {
            seq: entry.seq,
          }),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    )
    for (const note of changes.notes) notes.add(note.id)
    for (const id of changes.removedNotes) notes.add(id)
    for (const action of changes.actions) actions.add(action.id)
    for (const id of changes.removedActions) actions.add(id)
  }
  // Each note or action once, as the group left it (a transaction names an item only once).
  for (const id of notes) {
    const note = after.notes[id]
    const Key = keys.boardNote(practiceId, boardId, id)
    writes.push(
      note
        ? { Put: { TableName, Item: toItem(Key, 'boardNote', note) } }
        : { Delete: { TableName, Key } },
    )
  }
  for (const id of actions) {
    const action = after.actions[id]
    const Key = keys.boardAction(practiceId, boardId, id)
    writes.push(
      action
        ? { Put: { TableName, Item: toItem(Key, 'boardAction', action) } }
        : { Delete: { TableName, Key } },
    )
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
  return Items.map(readEntry)
}

/**
 * A log item as today's entry, whatever version wrote it.
 *
 * @example
 * const entry = readEntry(Item)
 */
export function readEntry(item: Record<string, unknown>): Entry {
  const { pk: _pk, sk: _sk, kind: _kind, v, opV, ...stored } = item
  return upgradeEntry(stored, { entry: v, op: opV })
}
