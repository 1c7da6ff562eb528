import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi'
import type { Logger } from 'pino'
import { encodeMessage } from './encode'
import type { Transport } from './ports'
import type { ServerMessage } from './protocol'

/** API Gateway closes a socket (and then runs `$disconnect`) without a close code or reason. */
export type ApiGatewayTransport = Transport

export interface ApiGatewayTransportOptions {
  /** The stage's callback URL, `https://<api id>.execute-api.<region>.amazonaws.com/<stage>`. */
  endpoint: string
  region: string
  logger: Logger
}

/**
 * Messages to board sockets in AWS, through API Gateway's `@connections` API.
 *
 * Only a `GoneException` (410) means the socket is closed; the hub then forgets the connection.
 * Every other failure (throttling after the SDK's own retries, a message too large, a missing
 * permission) is logged and reported as delivered: a live connection must not be dropped because
 * one post failed, and throwing would abort the rest of a broadcast. The client notices the missing
 * entry as a gap in the sequence numbers and asks for it again with `sync`.
 *
 * @example
 * const transport = apiGatewayTransport({ endpoint: callbackUrl(config.BOARD_SOCKET_URL), region, logger })
 * await transport.send(connectionId, { type: 'pong' })
 */
export function apiGatewayTransport({
  endpoint,
  region,
  logger,
}: ApiGatewayTransportOptions): ApiGatewayTransport {
  const client = new ApiGatewayManagementApiClient({ endpoint, region })
  const encoder = new TextEncoder()
  return {
    async send(connectionId: string, message: ServerMessage): Promise<boolean> {
      try {
        await client.send(
          new PostToConnectionCommand({
            ConnectionId: connectionId,
            Data: encoder.encode(encodeMessage(message)),
          }),
        )
        return true
      } catch (err) {
        if (isGone(err)) return false
        // Ids and the error's name only: the message may carry notes' words.
        logger.warn(
          { connectionId, messageType: message.type, errorName: errorName(err) },
          'board socket post failed',
        )
        return true
      }
    },

    async close(connectionId: string): Promise<void> {
      // No close code through the @connections API: the page reconnects, and its next ticket
      // (or the socket's first frame) is refused with the reason.
      try {
        await client.send(new DeleteConnectionCommand({ ConnectionId: connectionId }))
      } catch (err) {
        if (!isGone(err)) throw err
      }
    },
  }
}

function isGone(err: unknown): boolean {
  return err instanceof GoneException || errorName(err) === 'GoneException'
}

function errorName(err: unknown): string {
  return err instanceof Error ? err.name : typeof err
}

/**
 * The `@connections` callback URL of a WebSocket stage, from the address clients open: API
 * Gateway serves both at the same host and stage path.
 *
 * @example
 * callbackUrl('wss://abc123.execute-api.eu-west-1.amazonaws.com/live')
 * // 'https://abc123.execute-api.eu-west-1.amazonaws.com/live'
 */
export function callbackUrl(socketUrl: string): string {
  const url = new URL(socketUrl)
  if (url.protocol !== 'wss:' && url.protocol !== 'https:') {
    throw new Error(`Expected a wss:// board socket URL, got ${url.protocol}`)
  }
  url.protocol = 'https:'
  return url.toString().replace(/\/$/, '')
}
