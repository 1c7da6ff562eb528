import { describe, expect, it } from 'vitest'
import { applyOperation } from '../../../functions/src/domain/boards/apply'
import { publicNote, publicState } from '../../../functions/src/domain/boards/board'
import { Operation, type OperationInput } from '../../../functions/src/domain/boards/operations'
import type { Entry } from '../../../functions/src/realtime/protocol'
import {
  areaLabel,
  clock,
  describeEntry,
  initials,
  listOf,
  sourceLine,
  stepLine,
  uniquePeople,
} from '../../../web/src/lib/board/describe'
import { emptyBoard } from '../../../web/src/lib/board/history'
import { journeyRows, readingOrder } from '../../../web/src/lib/board/layout'
import { contrast, palette } from '../../../web/src/lib/board/palette'
import { applyChanges } from '../../../web/src/lib/board/replica'
import { es } from '../../../web/src/lib/board/strings'
import { ulid } from '../../../web/src/lib/board/ulid'
import {
  actor,
  boardOf,
  facilitator,
  guest,
  journeyBoardOf,
  now,
  stateOf,
  testId,
} from '../../support/board-fixtures'

describe('the header and captions', () => {
  it('names the step, and the time left on its timer', () => {
    const board = boardOf({
      step: { index: 1, startedAt: now.toISOString(), endsAt: '2026-03-02T15:06:42.000Z' },
    })
    expect(stepLine(board, now.getTime())).toBe('Step 2 of 4 · Vote · 6:42 left')
    expect(stepLine(board, Date.parse('2026-03-02T15:07:00.000Z'))).toBe(
      'Step 2 of 4 · Vote · Time is up',
    )
    expect(stepLine(boardOf(), now.getTime())).toBe('Step 1 of 4 · Write')
  })

  it('counts down in minutes and seconds, and hours past an hour', () => {
    expect(clock(402_000)).toBe('6:42')
    expect(clock(400)).toBe('0:01')
    expect(clock(3_725_000)).toBe('1:02:05')
    expect(clock(-5)).toBe('0:00')
  })

  it('names a journey cell with its touch point', () => {
    const board = journeyBoardOf()
    expect(areaLabel(board, 'doing.booking')).toBe('doing.booking · Booking')
    const titled = journeyBoardOf({
      areas: board.areas.map((a) => ({ ...a, title: 'Doing · Booking' })),
    })
    expect(areaLabel(titled, 'doing.booking')).toBe('Doing · Booking')
    expect(areaLabel(boardOf(), 'feels')).toBe('feels')
    expect(areaLabel(boardOf(), 'gone')).toBe('an area that was removed')
  })

  it('says what an entry did, without any note’s words', () => {
    const board = boardOf()
    const say = (op: OperationInput) => describeEntry({ op: Operation.parse(op) }, board)
    expect(say({ type: 'note.add', noteId: testId(1), area: 'says', text: 'Secret' })).toBe(
      'added a note to says',
    )
    expect(say({ type: 'note.edit', noteId: testId(1), text: 'Secret' })).toBe('edited a note')
    expect(say({ type: 'board.step', index: 1 })).toBe('moved on to step 2: Vote')
    expect(say({ type: 'board.timer', seconds: 90 })).toBe('set the timer to 1 minute 30 seconds')
    expect(say({ type: 'board.hide', hidden: false })).toBe('revealed the notes')
    expect(say({ type: 'action.edit', actionId: testId(2), status: 'done' })).toBe(
      'marked a follow-up action done',
    )
  })

  it('writes names, lists and a quote’s origin as people read them', () => {
    expect(initials('Ana  Núñez López')).toBe('AN')
    expect(listOf(['Ana'])).toBe('Ana')
    expect(listOf(['Ana', 'Ben', 'Cy'])).toBe('Ana, Ben and Cy')
    expect(sourceLine({ kind: 'response', date: '2026-11-03' })).toBe(
      'Patient comment · Nov 3, 2026',
    )
  })

  it('says where a review quote came from: its site and stars, or Facebook yes or no', () => {
    expect(sourceLine({ kind: 'review', date: '2026-11-03', site: 'google', stars: 4 })).toBe(
      'Review · Google · 4 stars · Nov 3, 2026',
    )
    expect(
      sourceLine({
        kind: 'review',
        date: '2026-11-03',
        site: 'facebook',
        recommendation: 'negative',
      }),
    ).toBe('Review · Facebook · does not recommend · Nov 3, 2026')
    expect(
      sourceLine({ kind: 'review', date: '2026-11-03', site: 'healthgrades', stars: 1 }, es),
    ).toMatch(/^Reseña · Healthgrades · 1 estrella · /)
  })

  it('says the history in Spanish on a Spanish board', () => {
    const board = boardOf()
    const say = (op: OperationInput) => describeEntry({ op: Operation.parse(op) }, board, es)
    expect(say({ type: 'note.add', noteId: testId(1), area: 'says', text: 'Secreto' })).toBe(
      'añadió una nota a says',
    )
    expect(say({ type: 'board.step', index: 1 })).toBe('pasó al paso 2: Vote')
    expect(say({ type: 'board.timer', seconds: 90 })).toBe(
      'puso el temporizador en 1 minuto 30 segundos',
    )
    expect(say({ type: 'board.votes', limit: 1 })).toBe('dio a cada persona 1 punto')
    expect(say({ type: 'note.colour', noteId: testId(1), colour: 'blue' })).toBe(
      'puso una nota en azul',
    )
    expect(say({ type: 'action.edit', actionId: testId(2), status: 'done' })).toBe(
      'marcó como hecha una acción de seguimiento',
    )
    expect(describeEntry({ op: null }, board, es)).toBe('cambió un voto oculto')
    expect(areaLabel(board, 'gone', es)).toBe('un área que se eliminó')
  })

  it('writes lists and a quote’s origin in Spanish, with the date in es-US', () => {
    expect(listOf(['Ana', 'Ben', 'Cy'], es)).toBe('Ana, Ben y Cy')
    expect(sourceLine({ kind: 'response', date: '2026-11-03' }, es)).toBe(
      'Comentario de paciente · 3 nov 2026',
    )
    expect(sourceLine({ kind: 'review', date: '2026-11-03T23:30:00Z' }, es)).toBe(
      'Reseña · 3 nov 2026',
    )
  })

  it('lists each person once, preferring the tab they are writing in', () => {
    const ana = guest(2, 'Ana')
    const people = uniquePeople([
      { ...ana, typing: null, facilitator: false },
      { ...ana, typing: 'says', facilitator: false },
      { ...facilitator, typing: null, facilitator: true },
    ])
    expect(people.map((p) => [p.name, p.typing])).toEqual([
      ['Ana', 'says'],
      ['Dana Whitfield', null],
    ])
  })
})

describe('layout', () => {
  it('stacks areas row by row on a phone', () => {
    expect(readingOrder(boardOf().areas).map((a) => a.id)).toEqual([
      'says',
      'thinks',
      'does',
      'feels',
    ])
  })

  it('finds a journey map’s rows and their cells by touch point', () => {
    const board = journeyBoardOf({
      areas: journeyBoardOf().areas.map((a) => ({
        ...a,
        title: `Doing · ${a.touchpointId === 'booking' ? 'Booking' : 'Check-in'}`,
      })),
    })
    const rows = journeyRows(board)
    expect(rows.map((r) => r.title)).toEqual(['Doing'])
    expect([...(rows[0]?.cells.keys() ?? [])]).toEqual(['booking', 'check-in'])
  })
})

describe('note colours', () => {
  it('keep text and quiet text at 4.5:1 or more, in both themes', () => {
    for (const swatch of palette) {
      for (const shade of [swatch.light, swatch.dark]) {
        expect(contrast(shade.text, shade.background), swatch.id).toBeGreaterThanOrEqual(4.5)
        expect(contrast(shade.muted, shade.background), swatch.id).toBeGreaterThanOrEqual(4.5)
      }
    }
  })
})

describe('ulid', () => {
  it('makes distinct ids in the server’s ULID format, sortable by time', () => {
    const made = new Set(Array.from({ length: 1000 }, () => ulid()))
    expect(made.size).toBe(1000)
    for (const id of made) expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(ulid(1_000) < ulid(2_000)).toBe(true)
    expect(ulid(Date.UTC(2026, 2, 2)).slice(0, 10)).toBe(ulid(Date.UTC(2026, 2, 2)).slice(0, 10))
  })
})

describe('the replay', () => {
  it('rebuilds today’s board from the empty board and the history', () => {
    const dana = actor(facilitator, true)
    const ana = actor(guest(2, 'Ana'))
    const steps: [OperationInput, typeof dana][] = [
      [{ type: 'board.hide', hidden: true }, dana],
      [{ type: 'note.add', noteId: testId(1), area: 'says', text: 'Long wait' }, ana],
      [
        { type: 'note.add', noteId: testId(2), area: 'feels', text: 'Anxious', anonymous: true },
        ana,
      ],
      [{ type: 'board.step', index: 1 }, dana],
      [{ type: 'vote.add', noteId: testId(1) }, ana],
      [{ type: 'note.move', noteId: testId(2), area: 'says', order: 0.5 }, dana],
      [{ type: 'board.lock', locked: true }, dana],
    ]
    let state = stateOf()
    const entries: Entry[] = []
    for (const [op, who] of steps) {
      const parsed = Operation.parse(op)
      const applied = applyOperation(state, parsed, who, { at: now })
      state = applied.state
      entries.push({
        seq: state.board.seq,
        opId: testId(700 + entries.length),
        op: parsed,
        actor: who.participant,
        at: now.toISOString(),
        changes: {
          ...applied.changes,
          notes: applied.changes.notes.map(publicNote),
        },
      })
    }
    const start = emptyBoard(state.board, entries)
    expect(start.notes).toEqual({})
    expect(start.board).toMatchObject({ seq: 0, hidden: false, locked: false })
    expect(start.board.step.index).toBe(0)
    const end = entries.reduce((s, e) => applyChanges(s, e.seq, e.changes), start)
    expect(end).toEqual(publicState(state))
  })
})
