import type { Logger } from 'pino'
import type { Evidence } from '../domain/boards/apply'
import { Operation } from '../domain/boards/operations'
import { DomainError } from '../domain/errors'
import { commitOperations, maxGroup, type Outcome, type StateCache } from '../store/board-ops'
import type { Db } from '../store/db'
import type { boardQueue } from './board-queue'
import { errorName } from './error-name'
import type { FanOut } from './hub-fan-out'
import type { Connection } from './ports'

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

export interface WritesDeps {
  db: Db
  logger: Logger
  fanOut: FanOut
  /** Each board's work in order, shared with the hub's `publish`. */
  queue: ReturnType<typeof boardQueue>
  now: () => Date
  /** The boards this process writes, kept between operations (local server only). */
  cache?: StateCache | undefined
  /** The words and origin of a survey comment (or review) of the practice; undefined if none. */
  resolveEvidence?:
    ((practiceId: string, source: EvidenceSource) => Promise<Evidence | undefined>) | undefined
}

/**
 * A socket's `op`: checked, gathered with the board's other waiting operations, written in one
 * transaction per group, then broadcast as entries (or refused to its sender alone).
 *
 * @example
 * const writes = createWrites({ db, logger, fanOut, queue: boardQueue(), now })
 * await writes.operate(connection, opId, op)
 */
export function createWrites(deps: WritesDeps) {
  const { db, logger, fanOut, queue, now, cache } = deps
  const { sendTo, sendRefusal, broadcastEntry } = fanOut

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

  return { operate }
}
