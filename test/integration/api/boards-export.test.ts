import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import type { Evidence } from '../../../functions/src/domain/boards/apply'
import type { Participant } from '../../../functions/src/domain/boards/board'
import type { OperationInput } from '../../../functions/src/domain/boards/operations'
import { Operation } from '../../../functions/src/domain/boards/operations'
import { commitOperation } from '../../../functions/src/store/board-ops'
import type { Db } from '../../../functions/src/store/db'
import { freshPractice, testApp } from '../../support/api'
import { createBoard, joinAsGuest, staffOf } from '../../support/boards'
import { testDb } from '../../support/db'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db)
})

/** Apply operations to a board as `participant`, in order, through the real write path. */
function operator(practiceId: string, boardId: string) {
  return async (
    participant: Participant,
    input: OperationInput,
    extra: { facilitator?: boolean; evidence?: Evidence } = {},
  ) => {
    await commitOperation(db, {
      practiceId,
      boardId,
      opId: ulid(),
      op: Operation.parse(input),
      actor: { participant, facilitator: extra.facilitator ?? false },
      at: new Date(),
      evidence: extra.evidence,
    })
  }
}

describe('the Markdown export', () => {
  it('writes the areas, clusters, dots, quotes, anonymous notes and actions, escaped', async () => {
    const { owner, ownerId, practiceId } = await freshPractice(app)
    const board = await createBoard(owner, {
      title: 'Booking *online*',
      persona: 'A new patient [first visit]',
    })
    const link = await owner.post(`/api/boards/${board.id}/guest-links`, {})
    const { participant: guest } = await joinAsGuest(app, link.body.url, 'Pat Guest')
    const me = staffOf(ownerId)
    const apply = operator(practiceId, board.id)
    const [queue, hidden, late, lost, quote] = [ulid(), ulid(), ulid(), ulid(), ulid()]

    await apply(me, {
      type: 'note.add',
      noteId: queue,
      area: 'see',
      text: 'A long queue at the desk',
    })
    await apply(guest, {
      type: 'note.add',
      noteId: hidden,
      area: 'see',
      text: 'I felt *ignored* [here](https://example.test)\nand alone',
      anonymous: true,
    })
    await apply(me, { type: 'note.add', noteId: late, area: 'pains', text: 'Running late' })
    await apply(guest, {
      type: 'note.add',
      noteId: lost,
      area: 'pains',
      text: '1. Lost in the hall',
    })
    await apply(me, { type: 'note.group', noteId: late, group: 'Waiting' })
    await apply(me, { type: 'note.group', noteId: lost, group: 'Waiting' })
    await apply(me, { type: 'vote.add', noteId: queue })
    await apply(me, { type: 'vote.add', noteId: queue })
    await apply(guest, { type: 'vote.add', noteId: queue })
    await apply(guest, { type: 'vote.add', noteId: late })
    await apply(
      me,
      {
        type: 'note.add',
        noteId: quote,
        area: 'say',
        source: { kind: 'response', id: `2026-11.${ulid()}` },
      },
      {
        evidence: {
          text: 'Forty minutes | and no word',
          source: {
            kind: 'response',
            id: `2026-11.${ulid()}`,
            date: '2026-11-03',
            surveyId: null,
            sentiment: 'negative',
            touchpointIds: ['check-in'],
          },
        },
      },
    )
    const call = ulid()
    await apply(me, {
      type: 'action.add',
      actionId: call,
      text: 'Call back within a day',
      owner: { id: null, name: 'Front desk' },
      due: '2026-12-15',
    })
    const sign = ulid()
    await apply(me, { type: 'action.add', actionId: sign, text: 'Put up a sign' })
    await apply(me, { type: 'action.edit', actionId: sign, status: 'done' })

    const res = await owner.get(`/api/boards/${board.id}/export.md`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="Booking *online*.md"; filename*=UTF-8''Booking%20%2Aonline%2A.md`,
    )
    const md = res.body as string
    const day = board.createdAt.slice(0, 10)
    expect(md.startsWith('# Booking \\*online\\*\n')).toBe(true)
    expect(md).toContain('**Practice:** Sunrise Dermatology')
    expect(md).toContain('**Persona:** A new patient \\[first visit\\]')
    expect(md).toContain('**Canvas:** Empathy map')
    // The date is the practice's day (Chicago), within a day of UTC's.
    expect(md).toMatch(/\*\*Date:\*\* \d{4}-\d{2}-\d{2}\n/)
    expect(
      Math.abs(Date.parse(/\*\*Date:\*\* (\S+)/.exec(md)![1]!) - Date.parse(day)),
    ).toBeLessThanOrEqual(86400_000)

    const section = (title: string) => md.split(`## ${title}\n\n`)[1]!.split('\n\n')[0]!.trimEnd()
    expect(section('See')).toBe(
      [
        '- A long queue at the desk — Dana Owner ●●● 3',
        '- I felt \\*ignored\\* \\[here\\](https://example.test) and alone',
      ].join('\n'),
    )
    expect(section('Think and feel: pains')).toBe(
      [
        '- **Waiting** ● 1',
        '  - Running late — Dana Owner ● 1',
        '  - 1\\. Lost in the hall — Pat Guest',
      ].join('\n'),
    )
    expect(section('Say')).toBe('- > Forty minutes \\| and no word — _patient comment, 2026-11-03_')
    expect(section('Hear')).toBe('_No notes._')
    expect(section('Follow-up actions')).toBe(
      [
        '- [ ] Call back within a day (owner: Front desk, due 2026-12-15)',
        '- [x] Put up a sign',
      ].join('\n'),
    )
    // The anonymous note's author is nowhere in the document.
    expect(md.match(/Pat Guest/g)).toHaveLength(1)
    expect(md.endsWith('\n')).toBe(true)
  })

  it("writes a journey map column by column, with its emotion line, in the board's language", async () => {
    const { owner, ownerId, practiceId } = await freshPractice(app)
    const board = await createBoard(owner, {
      title: 'Café / check-in',
      canvasId: 'journey-map',
      language: 'es',
    })
    const apply = operator(practiceId, board.id)
    const me = staffOf(ownerId)
    const [first, second] = board.journey
    await apply(me, { type: 'emotion.set', touchpointId: first!.touchpointId, value: -2 })
    await apply(me, { type: 'emotion.set', touchpointId: second!.touchpointId, value: 1 })
    await apply(me, {
      type: 'note.add',
      noteId: ulid(),
      area: `pains.${second!.touchpointId}`,
      text: 'Nadie contesta el teléfono',
    })

    const res = await owner.get(`/api/boards/${board.id}/export.md`)
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="Caf_ _ check-in.md"; filename*=UTF-8''Caf%C3%A9%20%2F%20check-in.md`,
    )
    const md = res.body as string
    expect(md).toContain('**Lienzo:** Mapa del recorrido')
    expect(md).toContain(
      `## ${second!.title}\n\n### Hace\n\n_Sin notas._\n\n### Piensa\n\n_Sin notas._\n\n### Siente\n\n_Sin notas._\n\n### Dolores\n\n- Nadie contesta el teléfono — Dana Owner\n`,
    )
    const rows = board.journey.map((column, i) => {
      const shown = i === 0 ? '-2 (muy negativa)' : i === 1 ? '+1 (positiva)' : 'sin marcar'
      return `| ${column.title} | ${shown} |`
    })
    expect(md).toContain(
      [
        '## Línea de emociones',
        '',
        '| Punto de contacto | Emoción |',
        '| --- | --- |',
        ...rows,
      ].join('\n'),
    )
    expect(md).toContain('## Acciones de seguimiento\n\nTodavía no hay acciones.')
  })
})
