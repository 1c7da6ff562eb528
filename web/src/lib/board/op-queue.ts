import type { OperationInput } from '$domain/boards/operations'
import { stillPending, type PendingOp } from './optimistic'
import { ulid } from './ulid'

/** Pause before an operation the server failed to write goes again. */
export const retryRefusedMs = 2000

export interface OpQueueOptions {
  /** Put one message on the socket; false when there is no open socket (it stays queued). */
  post(message: { type: 'op'; opId: string; op: OperationInput }): boolean
  /** Told of every change to the pending list (the façade keeps it in `$state`). */
  changed(pending: readonly PendingOp[]): void
  /** Server time now, in ms: the optimistic note's dates and a timer's start. */
  now(): number
}

/**
 * This client's operations until the board shows them confirmed. One is on its way at a time,
 * because in AWS each message may reach a different Lambda: a note's move must not overtake its
 * creation. Answers come in tens of milliseconds and the view shows pending operations meanwhile.
 * Operations survive a lost connection (the offline queue): they stay pending and go again, in
 * order and with the same opId, on the next socket, where the server applies the ones it never
 * saw and acknowledges the others.
 *
 * @example
 * const queue = new OpQueue({ post: (m) => session.post(m), changed: (p) => (pending = p), now })
 * const opId = queue.add({ type: 'vote.add', noteId })
 * queue.confirm(opId, 12) // its entry arrived as seq 12
 * queue.prune(12) // the replica reached it: no longer pending
 */
export class OpQueue {
  #pending: PendingOp[] = []
  /** The operation sent and not yet answered (entry, ack or refusal). */
  #inFlight: string | null = null
  #timers = new Set<ReturnType<typeof setTimeout>>()
  #closed = false
  readonly #options: OpQueueOptions

  constructor(options: OpQueueOptions) {
    this.#options = options
  }

  get pending(): readonly PendingOp[] {
    return this.#pending
  }

  get inFlight(): string | null {
    return this.#inFlight
  }

  /** Queue an operation with a new opId and send it when nothing else is on its way. */
  add(op: OperationInput): string {
    const opId = ulid()
    this.#set([
      ...this.#pending,
      { opId, op, at: new Date(this.#options.now()).toISOString(), confirmedSeq: null },
    ])
    this.#pump()
    return opId
  }

  has(opId: string): boolean {
    return this.#pending.some((p) => p.opId === opId)
  }

  /**
   * A new socket is open: everything not yet confirmed goes again, in order, one at a time.
   * Whatever was on its way on the old socket may never have arrived.
   */
  resend(): void {
    this.#inFlight = null
    this.#pump()
  }

  /** The socket went away: its answer will not come. */
  disconnected(): void {
    this.#inFlight = null
  }

  /** Applied as entry `seq` (its entry arrived, or an ack for a resend): send the next one. */
  confirm(opId: string, seq: number): void {
    if (this.has(opId))
      this.#set(this.#pending.map((p) => (p.opId === opId ? { ...p, confirmedSeq: seq } : p)))
    this.#answered(opId)
  }

  /** Refused by the rules: nothing changed, and it is dropped. */
  refused(opId: string): void {
    this.#set(this.#pending.filter((p) => p.opId !== opId))
    this.#answered(opId)
  }

  /**
   * The server could not write it (busy, or failing): nothing changed, so it goes again shortly
   * with the same id, and it stays on screen meanwhile.
   */
  retryLater(opId: string): void {
    this.#mark(opId, true)
    this.#answered(opId)
    const timer = setTimeout(() => {
      this.#timers.delete(timer)
      if (this.#closed) return
      this.#mark(opId, false)
      this.#pump()
    }, retryRefusedMs)
    this.#timers.add(timer)
  }

  /** Forget the operations the replica has applied (up to `seq`). */
  prune(seq: number): void {
    const kept = stillPending(this.#pending, seq)
    if (kept.length !== this.#pending.length) this.#set(kept)
  }

  close(): void {
    this.#closed = true
    for (const timer of this.#timers) clearTimeout(timer)
    this.#timers.clear()
  }

  #mark(opId: string, waiting: boolean): void {
    this.#set(this.#pending.map((p) => (p.opId === opId ? { ...p, waiting } : p)))
  }

  #set(pending: PendingOp[]): void {
    this.#pending = pending
    this.#options.changed(pending)
  }

  /** Send the oldest unconfirmed operation when none is on its way. */
  #pump(): void {
    if (this.#inFlight !== null) return
    const next = this.#pending.find((p) => p.confirmedSeq === null && !p.waiting)
    if (!next) return
    if (this.#options.post({ type: 'op', opId: next.opId, op: next.op })) this.#inFlight = next.opId
  }

  /** The operation on its way was answered: send the next one. */
  #answered(opId: string): void {
    if (this.#inFlight !== opId) return
    this.#inFlight = null
    this.#pump()
  }
}
