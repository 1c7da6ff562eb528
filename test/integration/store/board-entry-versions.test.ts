import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  upgradeEntry,
  type EntryMigrations,
} from '../../../functions/src/domain/boards/entry-versions'
import { Entry } from '../../../functions/src/domain/boards/history'
import { commitOperation, entriesAfter } from '../../../functions/src/store/board-ops'
import type { Db } from '../../../functions/src/store/db'
import * as keys from '../../../functions/src/store/keys'
import { freshBoard, person } from '../../support/board'
import { testDb } from '../../support/db'

// History written by today's code must still read after a deploy renames a field of it.
let db: Db
beforeAll(async () => {
  db = await testDb()
})

async function writeTodaysEntry() {
  const t = await freshBoard(db)
  const noteId = ulid()
  const committed = await commitOperation(db, {
    practiceId: t.practiceId,
    boardId: t.board.id,
    opId: ulid(),
    op: {
      type: 'note.add',
      noteId,
      area: 'says',
      text: 'Parking was full',
      colour: 'pink',
      anonymous: false,
    },
    actor: { participant: person('staff', 'Ana'), facilitator: false },
    at: new Date(),
  })
  if (committed.kind !== 'applied') throw new Error('not applied')
  const { Item } = await db.client.send(
    new GetCommand({
      TableName: db.table,
      Key: keys.boardEntry(t.practiceId, t.board.id, committed.entry.seq),
      ConsistentRead: true,
    }),
  )
  return { t, entry: committed.entry, item: Item! }
}

describe('board log entries across versions', () => {
  it('stores each entry with its own version and its operation’s', async () => {
    const { item } = await writeTodaysEntry()
    expect(item).toMatchObject({ v: 1, opV: 1 })
  })

  it('reads an entry of today’s shape after a later deploy renames a field of its operation', async () => {
    const { entry, item } = await writeTodaysEntry()
    // Next year's code: note.add's `colour` is called `tint`, operation version 2.
    const renamed: EntryMigrations = {
      entry: [],
      op: [
        {
          to: 2,
          up: ({ colour, ...op }) => (op.type === 'note.add' ? { ...op, tint: colour } : op),
        },
      ],
    }
    const NextYearsEntry = Entry.extend({
      op: z.object({ type: z.literal('note.add'), tint: z.string() }).loose(),
    })
    const { pk: _pk, sk: _sk, kind: _kind, v, opV, ...stored } = item
    const read = upgradeEntry(stored, { entry: v, op: opV }, renamed, NextYearsEntry)
    expect(read.op).toMatchObject({ type: 'note.add', tint: 'pink' })
    expect(read.op).not.toHaveProperty('colour')
    expect({ ...read, op: undefined }).toEqual({ ...entry, op: undefined })
  })

  it('reads an entry stored before versions were written (no opV) as version 1', async () => {
    const { t, entry, item } = await writeTodaysEntry()
    const { opV: _opV, ...older } = item
    await db.client.send(new PutCommand({ TableName: db.table, Item: older }))
    expect(await entriesAfter(db, t.practiceId, t.board.id, 0, 10)).toEqual([entry])
  })

  it('refuses an entry written by newer code than this instead of misreading it', async () => {
    const { t, item } = await writeTodaysEntry()
    await db.client.send(new PutCommand({ TableName: db.table, Item: { ...item, opV: 9 } }))
    await expect(entriesAfter(db, t.practiceId, t.board.id, 0, 10)).rejects.toThrow(
      /newer than this code knows/,
    )
  })
})
