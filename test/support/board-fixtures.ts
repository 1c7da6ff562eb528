/**
 * Boards built by hand for the rules' unit tests and the convergence property: a valid `Board`
 * (checked with its schema) with a few areas and steps, people to act on it, and notes.
 */
import type { Actor } from '../../functions/src/domain/boards/apply'
import {
  Board,
  type Action,
  type BoardArea,
  type BoardState,
  type Participant,
  type StoredNote,
} from '../../functions/src/domain/boards/board'

/** A fixed clock: every test applies operations "now". */
export const now = new Date('2026-03-02T15:00:00.000Z')

/**
 * A valid ULID made from a number, so ids are predictable and property runs can be replayed:
 * `testId(7)` is `01J00000000000000000000007`.
 */
export function testId(n: number): string {
  return `01J${String(n).padStart(23, '0')}`
}

export function staff(n: number, name = `Staff ${n}`): Participant {
  return { id: `u_${testId(n)}`, name, kind: 'staff' }
}

export function guest(n: number, name = `Guest ${n}`): Participant {
  return { id: `g_${testId(n)}`, name, kind: 'guest' }
}

export const actor = (participant: Participant, facilitator = false): Actor => ({
  participant,
  facilitator,
})

/** The facilitator of every fixture board, and the board's creator. */
export const facilitator = staff(1, 'Dana Whitfield')

function area(id: string, row: number, col: number, tone: BoardArea['tone']): BoardArea {
  return {
    id,
    title: id,
    prompt: `What does the patient ${id}?`,
    row,
    col,
    rowSpan: 1,
    colSpan: 1,
    tone,
    touchpointId: null,
  }
}

/** An empathy-map-like grid: four areas, four steps (write 5 min, vote 3, discuss 10, act 10). */
export function boardOf(overrides: Partial<Board> = {}): Board {
  return Board.parse({
    id: testId(900),
    title: 'New patient books a skin check',
    persona: 'New patient booking a skin check',
    canvasId: 'empathy-map',
    kind: 'grid',
    touchpointId: null,
    language: 'en',
    columns: 2,
    areas: [
      area('says', 1, 1, 'neutral'),
      area('thinks', 1, 2, 'neutral'),
      area('does', 2, 1, 'pain'),
      area('feels', 2, 2, 'gain'),
    ],
    journey: [],
    steps: [
      { id: 'write', title: 'Write', instructions: 'One idea a note.', minutes: 5, mode: 'write' },
      { id: 'vote', title: 'Vote', instructions: 'Place your dots.', minutes: 3, mode: 'vote' },
      { id: 'discuss', title: 'Discuss', instructions: 'Talk.', minutes: 10, mode: 'discuss' },
      { id: 'act', title: 'Act', instructions: 'Decide.', minutes: 10, mode: 'act' },
    ],
    createdBy: facilitator,
    createdAt: '2026-03-02T14:00:00.000Z',
    facilitatorId: facilitator.id,
    seq: 0,
    step: { index: 0, startedAt: null, endsAt: null },
    hidden: false,
    locked: false,
    anonymousAllowed: true,
    votesHidden: false,
    voteLimit: 3,
    emotions: {},
    archived: false,
    ...overrides,
  })
}

/** A journey map with two touch points (booking, check-in) and one row of notes. */
export function journeyBoardOf(overrides: Partial<Board> = {}): Board {
  const cell = (touchpointId: string, col: number): BoardArea => ({
    ...area(`doing.${touchpointId}`, 1, col, 'neutral'),
    touchpointId,
  })
  return boardOf({
    canvasId: 'journey-map',
    kind: 'journey',
    columns: 2,
    areas: [cell('booking', 1), cell('check-in', 2)],
    journey: [
      { touchpointId: 'booking', title: 'Booking' },
      { touchpointId: 'check-in', title: 'Check-in' },
    ],
    ...overrides,
  })
}

export function stateOf(
  board: Board = boardOf(),
  notes: StoredNote[] = [],
  actions: Action[] = [],
): BoardState {
  return {
    board,
    notes: Object.fromEntries(notes.map((note) => [note.id, note])),
    actions: Object.fromEntries(actions.map((a) => [a.id, a])),
  }
}

export function noteOf(
  author: Participant,
  overrides: Partial<StoredNote> & { id: string },
): StoredNote {
  const anonymous = overrides.anonymous ?? false
  return {
    area: 'says',
    text: 'I could not find the booking link',
    colour: 'yellow',
    order: 1,
    group: null,
    author: anonymous ? null : author,
    authorId: author.id,
    anonymous,
    source: null,
    votes: {},
    createdAt: '2026-03-02T14:30:00.000Z',
    updatedAt: '2026-03-02T14:30:00.000Z',
    version: 1,
    ...overrides,
  }
}

export function actionOf(
  createdBy: Participant,
  overrides: Partial<Action> & { id: string },
): Action {
  return {
    text: 'Put the booking link on the home page',
    noteId: null,
    owner: null,
    due: null,
    status: 'open',
    createdBy,
    createdAt: '2026-03-02T14:40:00.000Z',
    version: 1,
    ...overrides,
  }
}

/** Freeze `value` and everything inside it, so any write to it throws (ES modules are strict). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}
