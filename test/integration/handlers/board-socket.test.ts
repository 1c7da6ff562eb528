import { randomBytes } from 'node:crypto'
import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi'
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { mockClient } from 'aws-sdk-client-mock'
import { ulid } from 'ulid'
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import type { Participant } from '../../../functions/src/domain/boards/board'
import { createLogger } from '../../../functions/src/api/logger'
import { awsBoardHub } from '../../../functions/src/realtime/aws-hub'
import type { Entry, ServerMessage } from '../../../functions/src/realtime/protocol'
import { tableConnections } from '../../../functions/src/store/board-connections'
import type { Db } from '../../../functions/src/store/db'
import * as keys from '../../../functions/src/store/keys'
import { freshBoard, person, ticketFor, type TestBoard } from '../../support/board'
import { testConfig, testDb } from '../../support/db'

// The real socket Lambda over DynamoDB Local; only API Gateway's @connections API is a stand-in.
type Handler = typeof import('../../../functions/src/handlers/board-socket').handler
let handler: Handler
let db: Db

const gateway = mockClient(ApiGatewayManagementApiClient)
/** Everything posted, in order, by connection. */
let posted: { connectionId: string; message: ServerMessage }[]
/** Connections API Gateway answers 410 for: closed, or still in their `$connect`. */
let gone: Set<string>

beforeAll(async () => {
  db = await testDb()
  process.env.TABLE_NAME = db.table
  process.env.DYNAMODB_ENDPOINT = inject('dynamoEndpoint')
  process.env.BOARD_SOCKET_URL = 'wss://abc123.execute-api.eu-west-1.amazonaws.com/live'
  process.env.LOG_LEVEL = 'silent'
  process.env.PUBLIC_URL = 'https://touchpoint.example'
  ;({ handler } = await import('../../../functions/src/handlers/board-socket'))
})

beforeEach(() => {
  posted = []
  gone = new Set()
  gateway.reset()
  gateway.on(PostToConnectionCommand).callsFake((input: PostToConnectionCommand['input']) => {
    const connectionId = input.ConnectionId!
    if (gone.has(connectionId)) {
      throw new GoneException({ message: 'Gone', $metadata: { httpStatusCode: 410 } })
    }
    const text = new TextDecoder().decode(input.Data as Uint8Array)
    posted.push({ connectionId, message: JSON.parse(text) as ServerMessage })
    return {}
  })
  gateway.on(DeleteConnectionCommand).resolves({})
})

const newConnectionId = () => randomBytes(10).toString('base64')

function event(
  routeKey: '$connect' | '$disconnect' | '$default',
  connectionId: string,
  extra: {
    queryStringParameters?: Record<string, string>
    body?: string
    headers?: Record<string, string>
  } = {},
) {
  return {
    requestContext: {
      routeKey,
      eventType: { $connect: 'CONNECT', $disconnect: 'DISCONNECT', $default: 'MESSAGE' }[routeKey],
      connectionId,
      connectedAt: Date.now(),
      domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      stage: 'live',
      apiId: 'abc123',
      requestId: randomBytes(6).toString('hex'),
    },
    isBase64Encoded: false,
    ...extra,
  }
}

/** `$connect` the way API Gateway runs it: no posts reach the connection until it returns. */
async function connect(t: TestBoard, participant: Participant, ticket?: string) {
  const connectionId = newConnectionId()
  gone.add(connectionId)
  const result = await handler(
    event('$connect', connectionId, {
      queryStringParameters: { ticket: ticket ?? (await ticketFor(t, participant)) },
    }),
  )
  gone.delete(connectionId)
  return { connectionId, result }
}

const send = (connectionId: string, message: unknown) =>
  handler(event('$default', connectionId, { body: JSON.stringify(message) }))

const to = (connectionId: string) =>
  posted.filter((p) => p.connectionId === connectionId).map((p) => p.message)

const presenceNames = (message: ServerMessage | undefined) =>
  message?.type === 'presence' ? message.participants.map((p) => p.name) : undefined

async function itemAt(key: { pk: string; sk: string }) {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: key, ConsistentRead: true }),
  )
  return Item
}

describe('the board socket Lambda', () => {
  it('$connect refuses a handshake from another site (403) without spending the ticket', async () => {
    const t = await freshBoard(db)
    const ticket = await ticketFor(t, person('guest', 'Ana'))
    const refused = await handler(
      event('$connect', newConnectionId(), {
        queryStringParameters: { ticket },
        headers: { Origin: 'https://evil.example' },
      }),
    )
    expect(refused).toEqual({ statusCode: 403 })
    // The same ticket still opens a socket from the site's own page.
    const connectionId = newConnectionId()
    const allowed = await handler(
      event('$connect', connectionId, {
        queryStringParameters: { ticket },
        headers: { Origin: 'https://touchpoint.example' },
      }),
    )
    expect(allowed).toEqual({ statusCode: 200 })
    expect(await tableConnections(db).get(connectionId)).toMatchObject({ boardId: t.board.id })
  })

  it('$connect with a valid ticket registers the connection and tells the others', async () => {
    const t = await freshBoard(db)
    const ana = await connect(t, person('guest', 'Ana'))
    posted = []

    const ben = await connect(t, person('guest', 'Ben'))

    expect(ben.result).toEqual({ statusCode: 200 })
    const registered = await tableConnections(db).get(ben.connectionId)
    expect(registered).toMatchObject({
      practiceId: t.practiceId,
      boardId: t.board.id,
      participant: { name: 'Ben', kind: 'guest' },
      facilitator: false,
      typing: null,
    })
    // Ana hears about Ben; Ben was not posted to (API Gateway would have said 410) and stays.
    expect(presenceNames(to(ana.connectionId).at(-1))).toEqual(['Ana', 'Ben'])
    expect(to(ben.connectionId)).toEqual([])
    expect(
      (await tableConnections(db).onBoard(t.practiceId, t.board.id)).map((c) => c.connectionId),
    ).toContain(ben.connectionId)
  })

  it('refuses $connect with a bad, used or missing ticket (401) and registers nothing', async () => {
    const t = await freshBoard(db)
    const ticket = await ticketFor(t, person())
    expect((await connect(t, person(), ticket)).result).toEqual({ statusCode: 200 })

    const reused = await connect(t, person(), ticket)
    const made = await connect(t, person(), 'not-a-ticket')
    const missingId = newConnectionId()
    const missing = await handler(event('$connect', missingId))

    for (const result of [reused.result, made.result, missing]) {
      expect(result).toEqual({ statusCode: 401 })
    }
    for (const connectionId of [reused.connectionId, made.connectionId, missingId]) {
      expect(await tableConnections(db).get(connectionId)).toBeUndefined()
    }
    expect(await tableConnections(db).onBoard(t.practiceId, t.board.id)).toHaveLength(1)
  })

  it('answers sync with welcome, presence and the entries since', async () => {
    const t = await freshBoard(db)
    const dana = await connect(t, t.facilitator)
    const noteId = ulid()
    await send(dana.connectionId, {
      type: 'op',
      opId: ulid(),
      op: { type: 'note.add', noteId, area: 'says', text: 'I could not find parking' },
    })
    posted = []

    await send(dana.connectionId, { type: 'sync', since: 0 })

    const [welcome, presence, entries, ...rest] = to(dana.connectionId)
    expect(welcome).toMatchObject({
      type: 'welcome',
      boardId: t.board.id,
      you: t.facilitator,
      facilitator: true,
    })
    expect(presenceNames(presence)).toEqual([t.facilitator.name])
    expect(entries).toMatchObject({ type: 'entries', upTo: 1, done: true })
    expect(entries?.type === 'entries' && entries.entries.map((e) => e.op)).toEqual([
      expect.objectContaining({ type: 'note.add', noteId }),
    ])
    expect(rest).toEqual([])
  })

  it('broadcasts an applied operation to everyone on the board, sender included', async () => {
    const t = await freshBoard(db)
    const ana = await connect(t, person('guest', 'Ana'))
    const ben = await connect(t, person('guest', 'Ben'))
    const elsewhere = await connect(await freshBoard(db), person('guest', 'Cy'))
    posted = []

    const opId = ulid()
    await send(ana.connectionId, {
      type: 'op',
      opId,
      op: { type: 'note.add', noteId: ulid(), area: 'feels', text: 'Nervous about the results' },
    })

    for (const connectionId of [ana.connectionId, ben.connectionId]) {
      expect(to(connectionId)).toEqual([
        { type: 'entry', entry: expect.objectContaining({ seq: 1, opId }) },
      ])
    }
    expect(to(elsewhere.connectionId)).toEqual([])
  })

  it('$disconnect removes both items and tells the others', async () => {
    const t = await freshBoard(db)
    const ana = await connect(t, person('guest', 'Ana'))
    const ben = await connect(t, person('guest', 'Ben'))
    posted = []

    expect(await handler(event('$disconnect', ben.connectionId))).toEqual({ statusCode: 200 })

    expect(
      await itemAt(keys.boardConnection(t.practiceId, t.board.id, ben.connectionId)),
    ).toBeUndefined()
    expect(await itemAt(keys.connectionLookup(ben.connectionId))).toBeUndefined()
    expect(presenceNames(to(ana.connectionId).at(-1))).toEqual(['Ana'])
    expect(to(ben.connectionId)).toEqual([])
  })

  it('forgets a connection API Gateway reports gone (410) while broadcasting', async () => {
    const t = await freshBoard(db)
    const ana = await connect(t, person('guest', 'Ana'))
    const ben = await connect(t, person('guest', 'Ben'))
    // Ben's network dropped; `$disconnect` has not arrived yet.
    gone.add(ben.connectionId)
    posted = []

    await send(ana.connectionId, { type: 'ping' })
    await send(ana.connectionId, { type: 'typing', area: 'says' })

    expect(await tableConnections(db).get(ben.connectionId)).toBeUndefined()
    expect(await itemAt(keys.connectionLookup(ben.connectionId))).toBeUndefined()
    expect(to(ana.connectionId)[0]).toEqual({ type: 'pong', seq: 0 })
    expect(presenceNames(to(ana.connectionId).at(-1))).toEqual(['Ana'])
    // The late `$disconnect` finds nothing left to do.
    expect(await handler(event('$disconnect', ben.connectionId))).toEqual({ statusCode: 200 })
  })

  it('keeps a connection whose post was throttled', async () => {
    const t = await freshBoard(db)
    const ana = await connect(t, person('guest', 'Ana'))
    gateway
      .on(PostToConnectionCommand)
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'LimitExceededException' }))

    await send(ana.connectionId, { type: 'ping' })

    expect(await tableConnections(db).get(ana.connectionId)).toBeDefined()
  })

  it('closes a socket the registry does not know, so its client reconnects', async () => {
    const stray = newConnectionId()

    const result = await send(stray, { type: 'sync', since: 0 })

    expect(result).toEqual({ statusCode: 200 })
    expect(
      gateway.commandCalls(DeleteConnectionCommand).map((c) => c.args[0].input.ConnectionId),
    ).toEqual([stray])
    expect(to(stray)).toEqual([])
  })

  it('does not close a known socket', async () => {
    const t = await freshBoard(db)
    const ana = await connect(t, person('guest', 'Ana'))

    await send(ana.connectionId, { type: 'ping' })

    expect(to(ana.connectionId)).toEqual([{ type: 'pong', seq: 0 }])
    expect(gateway.commandCalls(DeleteConnectionCommand)).toEqual([])
  })

  it('delivers an entry the HTTP Lambda publishes to the sockets on its board', async () => {
    const t = await freshBoard(db)
    const ana = await connect(t, person('guest', 'Ana'))
    const elsewhere = await connect(await freshBoard(db), person('guest', 'Cy'))
    posted = []
    const config = testConfig({
      TABLE_NAME: db.table,
      BOARD_SOCKET_URL: 'wss://abc123.execute-api.eu-west-1.amazonaws.com/live',
    })
    const entry: Entry = {
      seq: 1,
      opId: ulid(),
      op: { type: 'board.archive', archived: true },
      actor: t.facilitator,
      at: new Date().toISOString(),
      changes: { board: null, notes: [], removedNotes: [], actions: [], removedActions: [] },
    }

    await awsBoardHub(config, db, createLogger('silent'))!.publish(t.practiceId, t.board.id, entry)

    expect(to(ana.connectionId)).toEqual([{ type: 'entry', entry }])
    expect(to(elsewhere.connectionId)).toEqual([])
  })

  it('builds no hub where there is no socket API', () => {
    expect(awsBoardHub(testConfig(), db, createLogger('silent'))).toBeUndefined()
  })
})
