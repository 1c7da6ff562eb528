import { createLogger } from '../api/logger'
import { readConfig } from '../config'
import { apiGatewayTransport, callbackUrl } from '../realtime/api-gateway-transport'
import { socketOriginAllowed } from '../realtime/socket-origin'
import { awsBoardHub } from '../realtime/aws-hub'
import type { ConnectionRegistry, Transport } from '../realtime/ports'
import { tableConnections } from '../store/board-connections'
import { consumeTicket } from '../store/board-access'
import { createDb } from '../store/db'

/** The parts of an API Gateway WebSocket event this handler reads. */
export interface WebSocketEvent {
  requestContext: {
    routeKey: string
    connectionId: string
    /** Epoch milliseconds, on every event of the connection. */
    connectedAt?: number
  }
  queryStringParameters?: Record<string, string | undefined> | null
  /** On `$connect`: the handshake's headers (`Origin` among them), names as the client sent them. */
  headers?: Record<string, string | undefined> | null
  body?: string | null
  isBase64Encoded?: boolean
}

export interface WebSocketResult {
  statusCode: number
}

// Built once per Lambda instance and reused across invocations.
const config = readConfig()
const db = createDb({
  table: config.TABLE_NAME,
  region: config.AWS_REGION,
  endpoint: config.DYNAMODB_ENDPOINT,
})
const logger = createLogger(config.LOG_LEVEL).child({ handler: 'board-socket' })
if (!config.BOARD_SOCKET_URL) throw new Error('Invalid configuration: BOARD_SOCKET_URL is required')
const sockets = apiGatewayTransport({
  endpoint: callbackUrl(config.BOARD_SOCKET_URL),
  region: config.AWS_REGION,
  logger,
})

/**
 * API Gateway refuses posts to a connection until its `$connect` has returned, with the same 410
 * it gives for a closed one; the hub would then forget the connection it has just added. While
 * `$connect` runs, messages to that connection are skipped: its client sends `sync` first and gets
 * welcome and presence then.
 */
const connecting = new Set<string>()
const transport: Transport = {
  send: (connectionId, message) =>
    connecting.has(connectionId) ? Promise.resolve(true) : sockets.send(connectionId, message),
  close: (connectionId, code, reason) => sockets.close(connectionId, code, reason),
}

/**
 * Connections the hub looked up and did not find. That happens when a broadcast from another
 * instance reached the connection during its `$connect` (410, so it was removed): the socket is
 * open but would never hear from the board again, so it is closed and its client reconnects.
 */
const unknown = new Set<string>()
const table = tableConnections(db)
const connections: ConnectionRegistry = {
  ...table,
  async get(connectionId) {
    const connection = await table.get(connectionId)
    if (!connection) unknown.add(connectionId)
    return connection
  },
}

const hub = awsBoardHub(config, db, logger, { connections, transport })!

/** The WebSocket API's one Lambda, for `$connect`, `$disconnect` and `$default`. */
export async function handler(event: WebSocketEvent): Promise<WebSocketResult> {
  const { routeKey, connectionId } = event.requestContext
  switch (routeKey) {
    case '$connect': {
      // Checked before the ticket is spent: a page of another site must not open a board socket.
      const origin = headerOf(event, 'origin')
      if (!socketOriginAllowed(origin, { publicUrl: config.PUBLIC_URL })) {
        logger.warn({ connectionId }, 'board socket refused: cross-site origin')
        return { statusCode: 403 }
      }
      const ticket = event.queryStringParameters?.ticket
      const grant = ticket ? await consumeTicket(db, ticket) : undefined
      if (!grant) {
        // Never the ticket itself: it is a credential, if a spent one.
        logger.info({ connectionId, hasTicket: Boolean(ticket) }, 'board socket ticket refused')
        return { statusCode: 401 }
      }
      const { practiceId, boardId, participant, facilitator, credential } = grant
      connecting.add(connectionId)
      try {
        await hub.connect({
          connectionId,
          practiceId,
          boardId,
          participant,
          facilitator,
          ...(credential && { credential }),
          typing: null,
          connectedAt: new Date(event.requestContext.connectedAt ?? Date.now()).toISOString(),
        })
      } finally {
        connecting.delete(connectionId)
      }
      return { statusCode: 200 }
    }
    case '$disconnect':
      await hub.disconnect(connectionId)
      return { statusCode: 200 }
    case '$default': {
      const body = event.body ?? ''
      const text = event.isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body
      unknown.delete(connectionId)
      await hub.receive(connectionId, text)
      if (unknown.delete(connectionId)) {
        logger.warn({ connectionId }, 'board socket not registered; closing it')
        await sockets.close(connectionId, 4409, 'Not registered')
      }
      return { statusCode: 200 }
    }
    default:
      return { statusCode: 404 }
  }
}

/** A handshake header, whatever its case (API Gateway passes them as the client wrote them). */
function headerOf(event: WebSocketEvent, name: string): string | undefined {
  const entry = Object.entries(event.headers ?? {}).find(([key]) => key.toLowerCase() === name)
  return entry?.[1]
}
