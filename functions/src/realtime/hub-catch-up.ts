import { entriesAfter, type StateCache } from '../store/board-ops'
import * as boards from '../store/boards'
import type { Db } from '../store/db'
import { inBatchesOf } from './batches'
import type { FanOut } from './hub-fan-out'
import type { Connection } from './ports'
import { entriesPerBatch, maxCatchUp, maxMessageBytes, type ServerMessage } from './protocol'

export interface CatchUpDeps {
  db: Db
  fanOut: FanOut
  now: () => Date
  /** The boards this process writes, kept between operations (local server only). */
  cache?: StateCache | undefined
}

/**
 * A socket's `sync`: the welcome, who is on the board, then the entries it missed in batches
 * (or `reload` when the log cannot serve it), and the board as it is now for pings.
 *
 * @example
 * const catchUp = createCatchUp({ db, fanOut, now })
 * await catchUp.sync(connection, lastSeqSeen)
 */
export function createCatchUp(deps: CatchUpDeps) {
  const { db, fanOut, now, cache } = deps
  const { deliver, sendTo, presence } = fanOut

  async function boardNow(practiceId: string, boardId: string) {
    const cached = cache?.get(boardId)
    if (cached) return cached.board
    return boards.get(db, practiceId, boardId, { consistent: true })
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

  return { sync, boardNow }
}
