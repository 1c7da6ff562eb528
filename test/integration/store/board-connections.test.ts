import { randomBytes } from 'node:crypto'
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { addHours } from 'date-fns'
import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Participant } from '../../../functions/src/domain/boards/board'
import type { Connection } from '../../../functions/src/realtime/ports'
import {
  connectionTtlHours,
  tableConnections,
} from '../../../functions/src/store/board-connections'
import type { Db } from '../../../functions/src/store/db'
import { epochSeconds } from '../../../functions/src/store/items'
import * as keys from '../../../functions/src/store/keys'
import { testDb } from '../../support/db'

let db: Db
beforeAll(async () => {
  db = await testDb()
})

/** API Gateway's connection ids look like `L0SM9cOFvHcCIhw=`. */
const connectionId = () => randomBytes(10).toString('base64')

function guest(name: string): Participant {
  return { id: `g_${ulid()}`, name, kind: 'guest' }
}

/** A fresh board of a fresh practice: nothing else is connected to it. */
function freshBoard() {
  const practiceId = ulid()
  const boardId = ulid()
  const connection = (overrides: Partial<Connection> = {}): Connection => ({
    connectionId: connectionId(),
    practiceId,
    boardId,
    participant: guest('Robin'),
    facilitator: false,
    typing: null,
    connectedAt: new Date().toISOString(),
    ...overrides,
  })
  return { practiceId, boardId, connection }
}

async function itemAt(key: { pk: string; sk: string }) {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: key, ConsistentRead: true }),
  )
  return Item
}

describe('board connections in the table', () => {
  it('registers a connection on its board and by its id, both expiring after 3 hours', async () => {
    const at = new Date()
    const registry = tableConnections(db, () => at)
    const board = freshBoard()
    const connection = board.connection({ facilitator: true })

    await registry.add(connection)

    expect(await registry.get(connection.connectionId)).toEqual(connection)
    expect(await registry.onBoard(board.practiceId, board.boardId)).toEqual([connection])
    const expiresAt = epochSeconds(addHours(at, connectionTtlHours))
    expect(connectionTtlHours).toBeGreaterThan(2) // API Gateway's longest connection
    expect(
      await itemAt(keys.boardConnection(board.practiceId, board.boardId, connection.connectionId)),
    ).toMatchObject({ ...connection, expiresAt })
    expect(await itemAt(keys.connectionLookup(connection.connectionId))).toMatchObject({
      practiceId: board.practiceId,
      boardId: board.boardId,
      expiresAt,
    })
  })

  it('lists only the connections of the board asked for', async () => {
    const registry = tableConnections(db)
    const board = freshBoard()
    const other = freshBoard()
    const mine = [board.connection(), board.connection({ participant: guest('Sam') })]
    await Promise.all([...mine, other.connection()].map((c) => registry.add(c)))

    const listed = await registry.onBoard(board.practiceId, board.boardId)

    expect(listed.map((c) => c.connectionId).sort()).toEqual(mine.map((c) => c.connectionId).sort())
  })

  it('keeps where someone is typing, and clears it', async () => {
    const registry = tableConnections(db)
    const board = freshBoard()
    const connection = board.connection()
    const bystander = board.connection()
    await registry.add(connection)
    await registry.add(bystander)

    await registry.setTyping(connection, 'says')
    expect((await registry.get(connection.connectionId))?.typing).toBe('says')
    expect((await registry.get(bystander.connectionId))?.typing).toBeNull()

    await registry.setTyping(connection, null)
    expect((await registry.get(connection.connectionId))?.typing).toBeNull()
  })

  it('removes both items and returns the connection as it was last', async () => {
    const registry = tableConnections(db)
    const board = freshBoard()
    const connection = board.connection()
    const stays = board.connection()
    await registry.add(connection)
    await registry.add(stays)
    await registry.setTyping(connection, 'feels')

    const removed = await registry.remove(connection.connectionId)

    expect(removed).toEqual({ ...connection, typing: 'feels' })
    expect(await registry.get(connection.connectionId)).toBeUndefined()
    expect(await registry.onBoard(board.practiceId, board.boardId)).toEqual([stays])
    const { Items } = await db.client.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.connectionLookup(connection.connectionId).pk },
      }),
    )
    expect(Items).toEqual([])
  })

  it('hands a connection removed twice at once to exactly one of the callers', async () => {
    const registry = tableConnections(db)
    const board = freshBoard()
    const connection = board.connection()
    await registry.add(connection)

    // `$disconnect` and a broadcast that met a 410 may both forget the same connection.
    const results = await Promise.all([
      registry.remove(connection.connectionId),
      registry.remove(connection.connectionId),
      registry.remove(connection.connectionId),
    ])

    expect(results.filter(Boolean)).toEqual([connection])
    expect(await registry.remove(connection.connectionId)).toBeUndefined()
  })

  it('answers undefined for a connection it never had', async () => {
    const registry = tableConnections(db)
    expect(await registry.get(connectionId())).toBeUndefined()
    expect(await registry.remove(connectionId())).toBeUndefined()
  })

  it('does not bring back a removed connection when its typing changes late', async () => {
    const registry = tableConnections(db)
    const board = freshBoard()
    const connection = board.connection()
    await registry.add(connection)
    await registry.remove(connection.connectionId)

    await registry.setTyping(connection, 'says')

    expect(
      await itemAt(keys.boardConnection(board.practiceId, board.boardId, connection.connectionId)),
    ).toBeUndefined()
    expect(await registry.onBoard(board.practiceId, board.boardId)).toEqual([])
  })

  it('treats connections past their expiry as gone before TTL deletes them', async () => {
    const connectedAt = new Date()
    const board = freshBoard()
    const connection = board.connection()
    await tableConnections(db, () => connectedAt).add(connection)

    const later = tableConnections(db, () => addHours(connectedAt, connectionTtlHours))

    expect(await later.get(connection.connectionId)).toBeUndefined()
    expect(await later.onBoard(board.practiceId, board.boardId)).toEqual([])
    const almost = tableConnections(db, () => addHours(connectedAt, connectionTtlHours - 0.01))
    expect(await almost.onBoard(board.practiceId, board.boardId)).toEqual([connection])
  })
})
