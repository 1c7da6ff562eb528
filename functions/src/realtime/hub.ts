import type { Logger } from 'pino'
import type { Evidence } from '../domain/boards/apply'
import { Operation } from '../domain/boards/operations'
import { entrySeenBy } from '../domain/boards/vote-visibility'
import { DomainError } from '../domain/errors'
import {
  commitOperations,
  entriesAfter,
  maxGroup,
  type Outcome,
  type StateCache,
} from '../store/board-ops'
import type { SessionLimits } from '../domain/session-life'
import { currentRights } from '../store/board-access'
import * as boards from '../store/boards'
import type { Db } from '../store/db'
import { coalesce } from './coalesce'
import { frameBudget, frameCost, type FrameBudget } from './frame-budget'
import type { BoardHub, Connection, ConnectionRegistry, Transport } from './ports'
import {
  ClientMessage,
  entriesPerBatch,
  maxCatchUp,
  maxMessageBytes,
  type Entry,
  type ServerMessage,
} from './protocol'
import { presenceOf } from './presence'
import { boardQueue } from './board-queue'
import { inBatchesOf } from './batches'

// Importable from here, where they always were.
export { presenceOf, inBatchesOf }

/** A quote's origin as an operation names it; the hub asks for its (redacted) words. */
export interface EvidenceSource {
  kind: 'response' | 'review'
  id: string
}

/** An operation that passed its checks and waits for its board's next transaction. */
interface Pending {
  connection: Connection
  opId: string
  op: Operation
  evidence: Evidence | undefined
  done: () => void
}

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

/** Rights are re-read at most this often per socket (a write, a catch-up or a ping does). */
export const rightsTtlMs = 10_000
/** The close code of a socket whose session ended or whose rights changed: reconnect and see. */
export const rightsEndedCode = 4403

/** Presence messages to one board per window at most. */
export const presenceWindowMs = 250

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
  const presenceRuns = coalesce(deps.presenceWindowMs ?? presenceWindowMs)
  /** Connections with a catch-up in flight: a second `sync` meanwhile is answered by the first. */
  const syncing = new Set<string>()
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
    if (gone) await broadcastPresence(practiceId, boardId)
  }

  /**
   * Send to one connection; a connection the transport no longer has is forgotten. A transient
   * failure keeps the connection: its client notices the gap and asks again.
   */
  async function deliver(
    connectionId: string,
    message: ServerMessage,
  ): Promise<'sent' | 'gone' | 'failed'> {
    let delivered: boolean
    try {
      delivered = await transport.send(connectionId, message)
    } catch (err) {
      logger.warn({ connectionId, errorName: errorName(err) }, 'board message not delivered')
      return 'failed'
    }
    if (delivered) return 'sent'
    await connections.remove(connectionId)
    return 'gone'
  }

  /** False only when the connection is gone. */
  async function sendTo(connectionId: string, message: ServerMessage): Promise<boolean> {
    return (await deliver(connectionId, message)) !== 'gone'
  }

  /** `message` may be one for all, or made for each connection (what each person may see). */
  async function broadcast(
    practiceId: string,
    boardId: string,
    message: ServerMessage | ((target: Connection) => ServerMessage),
    { presenceOnLoss = true } = {},
  ): Promise<void> {
    const targets = await connections.onBoard(practiceId, boardId)
    const messageFor = typeof message === 'function' ? message : () => message
    const delivered = await Promise.all(targets.map((c) => sendTo(c.connectionId, messageFor(c))))
    if (presenceOnLoss && delivered.includes(false)) {
      await broadcast(practiceId, boardId, await presence(practiceId, boardId), {
        presenceOnLoss: false,
      })
    }
  }

  async function presence(practiceId: string, boardId: string): Promise<ServerMessage> {
    return { type: 'presence', ...presenceOf(await connections.onBoard(practiceId, boardId)) }
  }

  /** Coalesced: the run at a window's end reads who is on the board then. */
  async function broadcastPresence(practiceId: string, boardId: string) {
    await presenceRuns.run(`${practiceId}/${boardId}`, async () =>
      broadcast(practiceId, boardId, await presence(practiceId, boardId)),
    )
  }

  /** An entry as each person on the board may see it (hidden votes: vote-visibility.ts). */
  function broadcastEntry(
    practiceId: string,
    boardId: string,
    entry: Entry,
    seen: { votesHidden: boolean; voterId: string | undefined },
  ) {
    const votesHidden = seen.votesHidden || entry.changes.board?.votesHidden === true
    return broadcast(practiceId, boardId, (target) => ({
      type: 'entry',
      entry: entrySeenBy(entry, target.participant.id, { ...seen, votesHidden }),
    }))
  }

  async function sync(connection: Connection, since: number) {
    const { connectionId, practiceId, boardId } = connection
    const current = await boardNow(practiceId, boardId)
    const seq = current?.seq
    if (seq === undefined) {
      await sendTo(connectionId, { type: 'error', detail: 'No such board.' })
      return
    }
    const welcome: ServerMessage = {
      type: 'welcome',
      boardId,
      you: connection.participant,
      facilitator: connection.facilitator,
      serverTime: now().toISOString(),
    }
    if (!(await sendTo(connectionId, welcome))) return
    if (!(await sendTo(connectionId, await presence(practiceId, boardId)))) return
    // While votes are hidden the log cannot tell this person's dots from the others' (a dot on
    // an anonymous note names nobody), so the catch-up is the snapshot, which can.
    if (seq - since > maxCatchUp || (current?.votesHidden && since < seq)) {
      await sendTo(connectionId, { type: 'reload' })
      return
    }
    // Nothing missed (the usual reconnect): answered without reading the log.
    if (since >= seq) {
      await sendTo(connectionId, { type: 'entries', entries: [], upTo: seq, done: true })
      return
    }
    // Entries applied while this runs also reach the connection as `entry` messages (it is
    // already on the board); the client's replica ignores whichever copy comes second.
    let after = since
    for (;;) {
      const entries = await entriesAfter(db, practiceId, boardId, after, entriesPerBatch)
      const last = entries.at(-1)?.seq ?? after
      const done = entries.length < entriesPerBatch || last >= seq
      const batches = inBatchesOf(maxMessageBytes, entries)
      for (const [i, part] of batches.entries()) {
        const upTo = Math.max(seq, last)
        const batch: ServerMessage = {
          type: 'entries',
          entries: part,
          upTo,
          done: done && i === batches.length - 1,
        }
        // A batch that did not go out ends the catch-up: the client asks again from where it is.
        if ((await deliver(connectionId, batch)) !== 'sent') return
      }
      if (done) return
      after = last
    }
  }

  async function boardNow(practiceId: string, boardId: string) {
    const cached = cache?.get(boardId)
    if (cached) return cached.board
    return boards.get(db, practiceId, boardId, { consistent: true })
  }

  async function operate(connection: Connection, opId: string, input: unknown) {
    const { practiceId, boardId } = connection
    const refuse = (status: number, code: string, detail: string, field?: string) =>
      sendRefusal(connection, opId, { status, code, detail, field })

    const parsed = Operation.safeParse(input)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const field = issue?.path.map(String).join('.') || undefined
      await refuse(400, 'invalid', issue?.message ?? 'Invalid operation.', field)
      return
    }
    const op = parsed.data

    let evidence: Evidence | undefined
    if (op.type === 'note.add' && op.source) {
      // Guests never search the practice's comments, so they cannot quote one by its id either.
      if (connection.participant.kind !== 'staff') {
        await refuse(403, 'forbidden', 'Only staff can quote survey comments.', 'source')
        return
      }
      evidence = await deps.resolveEvidence?.(practiceId, op.source)
      if (!evidence) {
        await refuse(400, 'invalid', 'That comment cannot be quoted.', 'source')
        return
      }
    }

    // Each board's operations are written in order, in groups (see `commitOperations`): while one
    // group's transaction is in flight the next group gathers, so a busy board is not one
    // transaction per operation. The cache has one writer and entries go out in seq order.
    await new Promise<void>((done) => {
      const key = `${practiceId}/${boardId}`
      const waiting = gathering.get(key)
      const item = { connection, opId, op, evidence, done }
      if (waiting) return waiting.push(item)
      gathering.set(key, [item])
      void queue.run(key, () => writeGroup(key))
    })
  }

  /** Operations waiting for their board's next transaction, by board. */
  const gathering = new Map<string, Pending[]>()

  async function writeGroup(key: string) {
    const all = gathering.get(key) ?? []
    const group = all.splice(0, maxGroup)
    if (all.length > 0) void queue.run(key, () => writeGroup(key))
    else gathering.delete(key)
    const first = group[0]
    if (!first) return
    const { practiceId, boardId } = first.connection
    let outcomes: Outcome[]
    try {
      outcomes = await commitOperations(
        db,
        group.map(({ connection, opId, op, evidence }) => ({
          practiceId,
          boardId,
          opId,
          op,
          actor: { participant: connection.participant, facilitator: connection.facilitator },
          at: now(),
          evidence,
        })),
        cache,
      )
    } catch (err) {
      for (const { connection, opId, op } of group) await refuseFor(connection, opId, op, err)
      for (const { done } of group) done()
      return
    }
    // Written: whatever happens while telling people, nothing is refused now. A client that
    // misses an entry catches up on the next one or the next pong.
    try {
      for (const [k, outcome] of outcomes.entries()) {
        const { connection, opId, op } = group[k]!
        if (outcome.kind === 'applied') {
          await broadcastEntry(practiceId, boardId, outcome.entry, {
            votesHidden: outcome.state.board.votesHidden,
            voterId: connection.participant.id,
          })
        } else if (outcome.kind === 'duplicate') {
          await sendTo(connection.connectionId, { type: 'ack', opId, seq: outcome.seq })
        } else {
          await refuseFor(connection, opId, op, outcome.error)
        }
      }
    } catch (err) {
      logger.error({ boardId, practiceId, errorName: errorName(err) }, 'board broadcast failed')
    } finally {
      for (const { done } of group) done()
    }
  }

  async function refuseFor(connection: Connection, opId: string, op: Operation, err: unknown) {
    const { practiceId, boardId } = connection
    if (err instanceof DomainError) {
      await sendRefusal(connection, opId, {
        status: err.status,
        code: err.code,
        detail: err.message,
        field: err.field,
      })
      return
    }
    // Only ids and the operation's type: never its text or anyone's name.
    logger.error(
      { boardId, practiceId, opId, opType: op.type, errorName: errorName(err) },
      'board operation failed',
    )
    await sendRefusal(connection, opId, {
      status: 500,
      code: 'internal',
      detail: 'Something went wrong. Try again in a moment.',
    })
  }

  /** Tell the sender its operation changed nothing, in the shape of a problem+json body. */
  function sendRefusal(
    { connectionId }: Connection,
    opId: string,
    {
      status,
      code,
      detail,
      field,
    }: { status: number; code: string; detail: string; field?: string | undefined },
  ) {
    return sendTo(connectionId, {
      type: 'refused',
      opId,
      status,
      code,
      detail,
      ...(field === undefined ? {} : { field }),
    })
  }

  return {
    async connect(connection) {
      await connections.add(connection)
      await broadcastPresence(connection.practiceId, connection.boardId)
    },

    async disconnect(connectionId) {
      budget.forget(connectionId)
      rightsCheckedAt.delete(connectionId)
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

function errorName(err: unknown) {
  return err instanceof Error ? err.name : typeof err
}
