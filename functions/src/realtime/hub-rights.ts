import type { Logger } from 'pino'
import type { SessionLimits } from '../domain/session-life'
import { currentRights } from '../store/board-access'
import type { Db } from '../store/db'
import type { FrameBudget } from './frame-budget'
import type { FanOut } from './hub-fan-out'
import type { Connection, ConnectionRegistry, Transport } from './ports'

/** Rights are re-read at most this often per socket (a write, a catch-up or a ping does). */
export const rightsTtlMs = 10_000
/** The close code of a socket whose session ended or whose rights changed: reconnect and see. */
export const rightsEndedCode = 4403

export interface RightsDeps {
  db: Db
  connections: ConnectionRegistry
  transport: Transport
  logger: Logger
  budget: FrameBudget
  fanOut: FanOut
  now: () => Date
  /** How long a socket's checked rights are trusted before its next frame checks them again. */
  rightsTtlMs?: number | undefined
  /** The staff session limits (idle, absolute) a socket's session is held to, as HTTP is. */
  sessionLimits?: SessionLimits | undefined
}

/**
 * Re-checks each socket's rights against its session or guest link, at most once per
 * `rightsTtlMs` unless asked to check now, and ends the socket when they are gone or changed.
 *
 * @example
 * const rights = createRightsCheck({ db, connections, transport, logger, budget, fanOut, now })
 * if (!(await rights.stillEntitled(connection, { active: true }))) return
 */
export function createRightsCheck(deps: RightsDeps) {
  const { db, connections, transport, logger, budget, fanOut, now } = deps
  /** When each socket's rights were last found unchanged. */
  const rightsCheckedAt = new Map<string, number>()
  const rightsTrustedMs = deps.rightsTtlMs ?? rightsTtlMs

  /**
   * Whether the socket still has the rights it opened with. A session that ended (signed out,
   * expired, the person removed, the guest link revoked) or a facilitator flag that changed
   * closes the socket: the page reconnects, and its next ticket carries today's rights (or it
   * is told it is signed out). Checked before writes and catch-ups and on pings, so a session
   * that ended with no event reaching the hub ends the socket's rights within `rightsTtlMs`.
   */
  async function stillEntitled(connection: Connection, { fresh = false, active = false } = {}) {
    const { credential, connectionId } = connection
    if (!credential) return true
    const at = now().getTime()
    const checked = rightsCheckedAt.get(connectionId)
    if (!fresh && checked !== undefined && at - checked < rightsTrustedMs) return true
    const rights = await currentRights(db, connection, credential, now(), {
      limits: deps.sessionLimits,
      active,
    })
    if (rights && rights.facilitator === connection.facilitator) {
      rightsCheckedAt.set(connectionId, at)
      return true
    }
    await endSocket(
      connection,
      rights ? 'Your role on this board changed' : 'Your access to this board ended',
    )
    return false
  }

  async function endSocket(connection: Connection, reason: string) {
    const { connectionId, practiceId, boardId } = connection
    rightsCheckedAt.delete(connectionId)
    budget.forget(connectionId)
    logger.info({ connectionId, boardId, practiceId }, 'board socket rights ended')
    await transport.close(connectionId, rightsEndedCode, reason)
    const gone = await connections.remove(connectionId)
    if (gone) await fanOut.broadcastPresence(practiceId, boardId)
  }

  /** The socket closed: nothing more to trust about it. */
  function forget(connectionId: string) {
    rightsCheckedAt.delete(connectionId)
  }

  return { stillEntitled, endSocket, forget }
}
