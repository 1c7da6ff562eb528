import type { Logger } from 'pino'
import type { Config } from '../config'
import { tableConnections } from '../store/board-connections'
import type { Db } from '../store/db'
import { resolveEvidence } from '../store/evidence'
import { apiGatewayTransport, callbackUrl } from './api-gateway-transport'
import { createBoardHub } from './hub'
import type { BoardHub, ConnectionRegistry, Transport } from './ports'
import { sessionLimits } from '../domain/session-life'

/**
 * The board hub as it runs in AWS: connections in the table, messages through API Gateway's
 * `@connections` API of the stage at `BOARD_SOCKET_URL`. The socket Lambda and the HTTP Lambda
 * (whose archive route publishes an entry) each build one; without `BOARD_SOCKET_URL` there is no
 * socket API to reach, and this returns undefined.
 *
 * No state cache: each event may reach another Lambda instance, so every operation reads the
 * board, and conditional writes order concurrent ones.
 *
 * @example
 * const hub = awsBoardHub(config, db, logger)
 * if (hub) await hub.publish(practiceId, boardId, entry)
 */
export function awsBoardHub(
  config: Config,
  db: Db,
  logger: Logger,
  parts: { connections?: ConnectionRegistry; transport?: Transport } = {},
): BoardHub | undefined {
  if (!config.BOARD_SOCKET_URL) return undefined
  return createBoardHub({
    db,
    logger,
    connections: parts.connections ?? tableConnections(db),
    transport:
      parts.transport ??
      apiGatewayTransport({
        endpoint: callbackUrl(config.BOARD_SOCKET_URL),
        region: config.AWS_REGION,
        logger,
      }),
    resolveEvidence: (practiceId, source) => resolveEvidence(db, practiceId, source),
    awaitFoldedPresence: true,
    sessionLimits: sessionLimits(config),
  })
}
