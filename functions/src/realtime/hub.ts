import type { Logger } from 'pino'
import type { Evidence } from '../domain/boards/apply'
import type { SessionLimits } from '../domain/session-life'
import type { StateCache } from '../store/board-ops'
import type { Db } from '../store/db'
import { inBatchesOf } from './batches'
import { boardQueue } from './board-queue'
import { errorName } from './error-name'
import { frameBudget, frameCost, type FrameBudget } from './frame-budget'
import { createCatchUp } from './hub-catch-up'
import { createFanOut, presenceWindowMs } from './hub-fan-out'
import { createRightsCheck, rightsEndedCode, rightsTtlMs } from './hub-rights'
import { createWrites, type EvidenceSource } from './hub-writes'
import type { BoardHub, ConnectionRegistry, Transport } from './ports'
import { presenceOf } from './presence'
import { ClientMessage, type Entry } from './protocol'

// Importable from here, where they always were. The hub's parts: hub-rights.ts (re-checking a
// socket's rights), hub-fan-out.ts (delivery, broadcast, coalesced presence), hub-catch-up.ts
// (`sync`), hub-writes.ts (`op`: grouped writes); frame-budget.ts limits each socket's frames.
export { presenceOf, inBatchesOf, presenceWindowMs, rightsEndedCode, rightsTtlMs }
export type { EvidenceSource }

export interface BoardHubDeps {
  db: Db
  connections: ConnectionRegistry
  transport: Transport
  logger: Logger
  /** The boards this process writes, kept between operations (local server only). */
  cache?: StateCache
  now?: () => Date
  /** The words and origin of a survey comment (or review) of the practice; undefined if none. */
  resolveEvidence?: (practiceId: string, source: EvidenceSource) => Promise<Evidence | undefined>
  /** Frames each connection may send (a token bucket); the defaults suit a workshop. */
  budget?: FrameBudget
  /** Presence goes to a board at most once per this many ms (typing bursts fold into one). */
  presenceWindowMs?: number
  /**
   * Wait for a presence message folded into a window's end before a typing frame counts as
   * handled. A Lambda must (it may freeze once its event returns); the local server must not,
   * or each socket's frames would queue behind the window.
   */
  awaitFoldedPresence?: boolean
  /** How long a socket's checked rights are trusted before its next frame checks them again. */
  rightsTtlMs?: number
  /** The staff session limits (idle, absolute) a socket's session is held to, as HTTP is. */
  sessionLimits?: SessionLimits
}

/**
 * The board hub: the socket protocol on top of the board's write path, the same code behind the
 * local `/ws` and API Gateway. It decides nothing about a board itself (the rules are
 * `applyOperation`, the write is `commitOperation`); it checks messages, queues each board's
 * operations, and tells the right connections.
 *
 * @example
 * const hub = createBoardHub({ db, connections: memoryConnections(), transport: sockets, logger })
 * await hub.connect(connection)
 * await hub.receive(connection.connectionId, JSON.stringify({ type: 'sync', since: 0 }))
 */
export function createBoardHub(deps: BoardHubDeps): BoardHub {
  const { db, connections, transport, logger, cache } = deps
  const now = deps.now ?? (() => new Date())
  const queue = boardQueue()
  const budget = deps.budget ?? frameBudget()
  const fanOut = createFanOut({
    connections,
    transport,
    logger,
    presenceWindowMs: deps.presenceWindowMs,
  })
  const { sendTo, sendRefusal, broadcastPresence, broadcastEntry } = fanOut
  const rights = createRightsCheck({
    db,
    connections,
    transport,
    logger,
    budget,
    fanOut,
    now,
    rightsTtlMs: deps.rightsTtlMs,
    sessionLimits: deps.sessionLimits,
  })
  const { stillEntitled, endSocket } = rights
  const { sync, boardNow } = createCatchUp({ db, fanOut, now, cache })
  const { operate } = createWrites({
    db,
    logger,
    fanOut,
    queue,
    now,
    cache,
    resolveEvidence: deps.resolveEvidence,
  })
  /** Connections with a catch-up in flight: a second `sync` meanwhile is answered by the first. */
  const syncing = new Set<string>()

  return {
    async connect(connection) {
      await connections.add(connection)
      await broadcastPresence(connection.practiceId, connection.boardId)
    },

    async disconnect(connectionId) {
      budget.forget(connectionId)
      rights.forget(connectionId)
      const gone = await connections.remove(connectionId)
      if (gone) await broadcastPresence(gone.practiceId, gone.boardId)
    },

    async receive(connectionId, text) {
      const connection = await connections.get(connectionId)
      if (!connection) return
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch {
        await sendTo(connectionId, { type: 'error', detail: 'Messages are JSON.' })
        return
      }
      const parsed = ClientMessage.safeParse(json)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        const where = issue?.path.length ? ` (${issue.path.map(String).join('.')})` : ''
        await sendTo(connectionId, {
          type: 'error',
          detail: `${issue?.message ?? 'Unknown message'}${where}`,
        })
        return
      }
      const message = parsed.data
      const verdict = budget.spend(
        connectionId,
        message.type === 'sync' ? frameCost.sync : frameCost.other,
        now().getTime(),
      )
      if (verdict === 'abuse') {
        logger.warn({ connectionId, boardId: connection.boardId }, 'board socket closed: flooding')
        await transport.close(connectionId, 4429, 'Too many messages')
        return
      }
      if (verdict === 'refused') {
        // A typing line that lags is harmless; anything else is told to slow down.
        if (message.type === 'typing') return
        const detail = 'Too many messages. Wait a moment and try again.'
        if (message.type === 'op') {
          await sendRefusal(connection, message.opId, { status: 429, code: 'rate-limited', detail })
        } else await sendTo(connectionId, { type: 'error', code: 'rate-limited', detail })
        return
      }
      try {
        if (
          message.type !== 'typing' &&
          !(await stillEntitled(connection, { active: message.type === 'op' }))
        )
          return
        switch (message.type) {
          case 'sync': {
            if (syncing.has(connectionId)) return
            syncing.add(connectionId)
            try {
              return await sync(connection, message.since)
            } finally {
              syncing.delete(connectionId)
            }
          }
          case 'op':
            return await operate(connection, message.opId, message.op)
          case 'typing': {
            await connections.setTyping(connection, message.area, message.anonymous)
            const told = broadcastPresence(connection.practiceId, connection.boardId)
            if (deps.awaitFoldedPresence) return await told
            void told.catch((err: unknown) => {
              logger.error(
                { boardId: connection.boardId, errorName: errorName(err) },
                'presence failed',
              )
            })
            return
          }
          case 'ping': {
            // With the board's seq, so a client that missed the last entry (no later one to
            // show the gap) notices and syncs.
            const current = await boardNow(connection.practiceId, connection.boardId)
            await sendTo(connectionId, { type: 'pong', seq: current?.seq ?? 0 })
            return
          }
        }
      } catch (err) {
        logger.error(
          { boardId: connection.boardId, message: message.type, errorName: errorName(err) },
          'board message failed',
        )
        await sendTo(connectionId, { type: 'error', detail: 'Something went wrong. Try again.' })
      }
    },

    async revokePerson(practiceId, userId) {
      const sockets = await connections.ofPerson(practiceId, `u_${userId}`)
      // Each socket against its own session: another device's session may still be good.
      await Promise.all(sockets.map((c) => stillEntitled(c, { fresh: true })))
    },

    async revokeGuestLink(practiceId, boardId, linkId) {
      const sockets = await connections.onBoard(practiceId, boardId)
      const byLink = sockets.filter(
        (c) => c.credential?.kind === 'guest' && c.credential.linkId === linkId,
      )
      await Promise.all(byLink.map((c) => endSocket(c, 'This guest link was revoked')))
    },

    async publish(practiceId, boardId, entry: Entry) {
      await queue.run(`${practiceId}/${boardId}`, async () => {
        // Applied by someone else (an HTTP route): the cached board is behind now.
        const cached = cache?.get(boardId)
        if (cached && cached.board.seq < entry.seq) cache?.delete(boardId)
        const current = await boardNow(practiceId, boardId)
        await broadcastEntry(practiceId, boardId, entry, {
          votesHidden: current?.votesHidden ?? false,
          voterId: undefined,
        })
      })
    },
  }
}
