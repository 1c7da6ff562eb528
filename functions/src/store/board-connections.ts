import {
  DeleteCommand,
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb'
import { z } from 'zod'
import { AreaId, Participant } from '../domain/boards/board'
import { Id } from '../domain/practice'
import type { Connection, ConnectionRegistry } from '../domain/boards/connections'
import type { Db } from './db'
import { epochSeconds, fromItem, isConditionFailure, toItem } from './items'
import * as keys from './keys'
import { queryEvery } from './query'

/**
 * Open board sockets in AWS, kept in the table because each API Gateway event may reach another
 * Lambda instance. A connection is two items: one in its board's connection partition (what a
 * broadcast queries, and where typing is kept) and a global lookup by connection id, because
 * `$disconnect` and `$default` know nothing else. Both expire: API Gateway closes a connection
 * after 2 hours at most, and a `$disconnect` that never ran must not leave them for ever.
 */

/** Hours a connection's items live; above API Gateway's 2-hour maximum connection duration. */
export const connectionTtlHours = 3

const StoredConnection = z.object({
  connectionId: z.string().min(1),
  practiceId: Id,
  boardId: Id,
  participant: Participant,
  facilitator: z.boolean(),
  typing: AreaId.nullable(),
  typingAnonymous: z.boolean().default(false),
  credential: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('staff'), sessionHash: z.string().min(1) }),
      z.object({
        kind: z.literal('guest'),
        sessionHash: z.string().min(1),
        linkId: Id.optional(),
      }),
    ])
    .optional(),
  connectedAt: z.iso.datetime(),
  expiresAt: z.number(),
})

const Lookup = z.object({
  practiceId: Id,
  boardId: Id,
  /** Absent on connections made before the person's index was kept. */
  participantId: z.string().optional(),
  expiresAt: z.number(),
})
const PersonItem = z.object({ boardId: Id, connectionId: z.string().min(1), expiresAt: z.number() })

/**
 * The registry the hub uses in AWS.
 *
 * @example
 * const hub = createBoardHub({ db, connections: tableConnections(db), transport, logger })
 */
export function tableConnections(db: Db, now: () => Date = () => new Date()): ConnectionRegistry {
  return {
    add: (connection) => add(db, connection, now()),
    remove: (connectionId) => remove(db, connectionId, now()),
    get: (connectionId) => get(db, connectionId, now()),
    onBoard: (practiceId, boardId) => onBoard(db, practiceId, boardId, now()),
    setTyping: (connection, area, anonymous) => setTyping(db, connection, area, anonymous),
    ofPerson: (practiceId, participantId) => ofPerson(db, practiceId, participantId, now()),
  }
}

export async function add(db: Db, connection: Connection, at: Date): Promise<void> {
  const { practiceId, boardId, connectionId } = connection
  const expiresAt = epochSeconds(at) + connectionTtlHours * 3600
  await db.client.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: db.table,
            Item: toItem(
              keys.boardConnection(practiceId, boardId, connectionId),
              'boardConnection',
              {
                ...connectionFields(connection),
                expiresAt,
              },
            ),
          },
        },
        {
          Put: {
            TableName: db.table,
            Item: toItem(keys.connectionLookup(connectionId), 'connectionLookup', {
              practiceId,
              boardId,
              participantId: connection.participant.id,
              expiresAt,
            }),
          },
        },
        {
          Put: {
            TableName: db.table,
            Item: toItem(
              keys.personConnection(practiceId, connection.participant.id, connectionId),
              'personConnection',
              { boardId, connectionId, expiresAt },
            ),
          },
        },
      ],
    }),
  )
}

/**
 * Forget a connection. The board item is deleted on condition that it exists, so when `$disconnect` and a
 * failed broadcast remove the same connection at once, exactly one of them gets it back (and the
 * hub announces the departure once). The lookup goes last: if that delete fails, the stray lookup
 * points at nothing and expires; the other order could strand a board item that every broadcast
 * would keep posting to.
 */
export async function remove(
  db: Db,
  connectionId: string,
  at: Date,
): Promise<Connection | undefined> {
  const lookup = await readLookup(db, connectionId)
  if (!lookup) return undefined
  let removed: Record<string, unknown> | undefined
  try {
    const { Attributes } = await db.client.send(
      new DeleteCommand({
        TableName: db.table,
        Key: keys.boardConnection(lookup.practiceId, lookup.boardId, connectionId),
        // The condition, not ALL_OLD, picks the winner: DynamoDB Local hands the old item to
        // every one of several concurrent unconditional deletes, but fails all conditional ones
        // but the first, as DynamoDB does.
        ConditionExpression: 'attribute_exists(pk)',
        ReturnValues: 'ALL_OLD',
      }),
    )
    removed = Attributes
  } catch (err) {
    if (!isConditionFailure(err)) throw err
  }
  if (lookup.participantId) {
    await db.client.send(
      new DeleteCommand({
        TableName: db.table,
        Key: keys.personConnection(lookup.practiceId, lookup.participantId, connectionId),
      }),
    )
  }
  await db.client.send(
    new DeleteCommand({ TableName: db.table, Key: keys.connectionLookup(connectionId) }),
  )
  return removed ? live(fromItem(StoredConnection, removed), at) : undefined
}

export async function get(db: Db, connectionId: string, at: Date): Promise<Connection | undefined> {
  const lookup = await readLookup(db, connectionId)
  if (!lookup) return undefined
  const { Item } = await db.client.send(
    new GetCommand({
      TableName: db.table,
      Key: keys.boardConnection(lookup.practiceId, lookup.boardId, connectionId),
      ConsistentRead: true,
    }),
  )
  return Item ? live(fromItem(StoredConnection, Item), at) : undefined
}

/** Everyone connected to a board. Consistent, so a connection added a moment ago is included. */
export async function onBoard(
  db: Db,
  practiceId: string,
  boardId: string,
  at: Date,
): Promise<Connection[]> {
  const items = await queryEvery(db, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.boardConnections(practiceId, boardId) },
    ConsistentRead: true,
  })
  return items.flatMap((item) => live(fromItem(StoredConnection, item), at) ?? [])
}

/** A person's connections on any board of the practice (live ones only). */
export async function ofPerson(
  db: Db,
  practiceId: string,
  participantId: string,
  at: Date,
): Promise<Connection[]> {
  const items = await queryEvery(db, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.personConnections(practiceId, participantId) },
    ConsistentRead: true,
  })
  const found = await Promise.all(
    items.map(async (item) => {
      const { boardId, connectionId } = fromItem(PersonItem, item)
      const { Item } = await db.client.send(
        new GetCommand({
          TableName: db.table,
          Key: keys.boardConnection(practiceId, boardId, connectionId),
          ConsistentRead: true,
        }),
      )
      return Item ? live(fromItem(StoredConnection, Item), at) : undefined
    }),
  )
  return found.filter((c): c is Connection => c !== undefined)
}

/** Where this person is writing. A connection removed meanwhile stays removed (no stray item). */
export async function setTyping(
  db: Db,
  connection: Connection,
  area: string | null,
  anonymous = false,
): Promise<void> {
  try {
    await db.client.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.boardConnection(
          connection.practiceId,
          connection.boardId,
          connection.connectionId,
        ),
        UpdateExpression: 'SET typing = :typing, typingAnonymous = :anonymous',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':typing': area, ':anonymous': area !== null && anonymous },
      }),
    )
  } catch (err) {
    if (!isConditionFailure(err)) throw err
  }
}

async function readLookup(db: Db, connectionId: string) {
  const { Item } = await db.client.send(
    new GetCommand({
      TableName: db.table,
      Key: keys.connectionLookup(connectionId),
      ConsistentRead: true,
    }),
  )
  return Item ? fromItem(Lookup, Item) : undefined
}

/**
 * TTL deletion lags by hours or days, and API Gateway has closed the socket by the time an item
 * expires, so an expired item is treated as gone.
 */
function live(
  { expiresAt, typingAnonymous, credential, ...connection }: z.infer<typeof StoredConnection>,
  at: Date,
): Connection | undefined {
  if (expiresAt <= epochSeconds(at)) return undefined
  // Absent means "not anonymously", as on a connection the hub has just made.
  return {
    ...connection,
    ...(typingAnonymous && { typingAnonymous }),
    ...(credential && { credential }),
  }
}

/** Only the fields of `Connection`, whatever else the object carries. */
function connectionFields(connection: Connection): Connection {
  const { connectionId, practiceId, boardId, participant, facilitator, typing, connectedAt } =
    connection
  const typingAnonymous = connection.typingAnonymous ?? false
  return {
    connectionId,
    practiceId,
    boardId,
    participant,
    facilitator,
    typing,
    typingAnonymous,
    connectedAt,
    ...(connection.credential && { credential: connection.credential }),
  }
}
