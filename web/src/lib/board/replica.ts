import type { PublicBoardState } from '$domain/boards/board'
import type { Entry, PublicChanges } from '$domain/boards/history'

/**
 * A client's copy of a board. It applies the server's entries strictly in sequence order: an entry
 * that arrives early waits in a buffer, one already applied is ignored. Entries carry whole
 * entities, so applying is replacing, and every replica that has seen the same entries holds the
 * same board as the server. Pure TypeScript: the board page, the simulator and the tests share it.
 */
export class BoardReplica {
  #state: PublicBoardState
  #early = new Map<number, Entry>()

  constructor(snapshot: PublicBoardState) {
    this.#state = snapshot
  }

  get state(): PublicBoardState {
    return this.#state
  }

  /** The last sequence number applied: what to ask for after in `sync`. */
  get seq(): number {
    return this.#state.board.seq
  }

  /** True while an entry arrived ahead of one still missing (the caller asks the server to sync). */
  get hasGap(): boolean {
    return this.#early.size > 0
  }

  /** Start again from a fresh snapshot (after `reload`); buffered entries it covers are dropped. */
  reset(snapshot: PublicBoardState): void {
    this.#state = snapshot
    this.#drain()
  }

  /** Apply one entry (or hold it until the ones before it arrive). Returns whether state changed. */
  receive(entry: Entry): boolean {
    if (entry.seq <= this.seq) return false
    this.#early.set(entry.seq, entry)
    return this.#drain()
  }

  receiveAll(entries: readonly Entry[]): boolean {
    let changed = false
    for (const entry of entries) changed = this.receive(entry) || changed
    return changed
  }

  #drain(): boolean {
    let changed = false
    for (const seq of [...this.#early.keys()]) if (seq <= this.seq) this.#early.delete(seq)
    for (let next = this.#early.get(this.seq + 1); next; next = this.#early.get(this.seq + 1)) {
      this.#early.delete(next.seq)
      this.#state = applyChanges(this.#state, next.seq, next.changes)
      changed = true
    }
    return changed
  }
}

/** The state after one entry: replace what changed, drop what was removed, advance `seq`. */
export function applyChanges(
  state: PublicBoardState,
  seq: number,
  changes: PublicChanges,
): PublicBoardState {
  const notes = { ...state.notes }
  for (const note of changes.notes) notes[note.id] = note
  for (const id of changes.removedNotes) delete notes[id]
  const actions = { ...state.actions }
  for (const action of changes.actions) actions[action.id] = action
  for (const id of changes.removedActions) delete actions[id]
  return { board: { ...(changes.board ?? state.board), seq }, notes, actions }
}
