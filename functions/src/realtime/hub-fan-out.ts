import type { Logger } from 'pino'
import { entrySeenBy } from '../domain/boards/vote-visibility'
import { coalesce } from './coalesce'
import { errorName } from './error-name'
import type { Connection, ConnectionRegistry, Transport } from './ports'
import { presenceOf } from './presence'
import type { Entry, ServerMessage } from './protocol'

/** Presence messages to one board per window at most. */
export const presenceWindowMs = 250

export interface FanOutDeps {
  connections: ConnectionRegistry
  transport: Transport
  logger: Logger
  /** Presence goes to a board at most once per this many ms (typing bursts fold into one). */
  presenceWindowMs?: number | undefined
}

/** What the refused operation's sender is told, in the shape of a problem+json body. */
export interface Refusal {
  status: number
  code: string
  detail: string
  field?: string | undefined
}

/**
 * How the hub's messages reach sockets: one connection, everyone on a board (each seeing what
 * they may), and presence coalesced per board. A connection the transport no longer has is
 * forgotten, and the others on its board are told who is left.
 *
 * @example
 * const fanOut = createFanOut({ connections, transport, logger })
 * await fanOut.broadcastPresence(practiceId, boardId)
 */
export function createFanOut(deps: FanOutDeps) {
  const { connections, transport, logger } = deps
  const presenceRuns = coalesce(deps.presenceWindowMs ?? presenceWindowMs)

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

  /** Tell the sender its operation changed nothing, in the shape of a problem+json body. */
  function sendRefusal(
    { connectionId }: Connection,
    opId: string,
    { status, code, detail, field }: Refusal,
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

  return { deliver, sendTo, presence, broadcastPresence, broadcastEntry, sendRefusal }
}

export type FanOut = ReturnType<typeof createFanOut>
