import { describe, expect, it } from 'vitest'
import { withDefaults } from '../../../../functions/src/domain/boards/operation-defaults'
import { Operation, type OperationInput } from '../../../../functions/src/domain/boards/operations'
import { testId } from '../../../support/board-fixtures'

const noteId = testId(1)
const actionId = testId(2)

/** Each operation type, bare and with every optional field (and text to trim). */
const inputs: OperationInput[] = [
  { type: 'note.add', noteId, area: 'says', text: '  Long wait  ' },
  {
    type: 'note.add',
    noteId,
    area: 'says',
    text: 'x',
    colour: 'pink',
    order: 2.5,
    anonymous: true,
  },
  { type: 'note.add', noteId, area: 'says', source: { kind: 'response', id: 'r1' } },
  { type: 'note.edit', noteId, text: ' Edited ' },
  { type: 'note.move', noteId, area: 'feels', order: 3 },
  { type: 'note.colour', noteId, colour: 'blue' },
  { type: 'note.group', noteId, group: ' Parking ' },
  { type: 'note.group', noteId, group: null },
  { type: 'note.delete', noteId },
  { type: 'vote.add', noteId },
  { type: 'vote.remove', noteId },
  { type: 'board.step', index: 1 },
  { type: 'board.timer', seconds: 60 },
  { type: 'board.timer', seconds: null },
  { type: 'board.hide', hidden: true },
  { type: 'board.lock', locked: true },
  { type: 'board.archive', archived: false },
  { type: 'board.anonymous', allowed: false },
  { type: 'board.votes', limit: 5 },
  { type: 'board.hideVotes', hidden: true },
  { type: 'board.rename', title: ' Skin check ', persona: ' New patient ' },
  { type: 'emotion.set', touchpointId: 'booking', value: -1 },
  { type: 'emotion.set', touchpointId: 'booking', value: null },
  { type: 'action.add', actionId, text: ' Call back ' },
  {
    type: 'action.add',
    actionId,
    text: 'Call back',
    noteId,
    owner: { id: null, name: ' Dana ' },
    due: '2026-04-01',
  },
  { type: 'action.edit', actionId },
  {
    type: 'action.edit',
    actionId,
    text: ' Done ',
    owner: { id: null, name: ' Ben ' },
    due: null,
    status: 'done',
  },
  { type: 'action.edit', actionId, owner: null },
  { type: 'action.delete', actionId },
]

describe('withDefaults', () => {
  it.each(inputs.map((input) => [input.type, input] as const))(
    'completes %s exactly as the schema does',
    (_type, input) => {
      expect(withDefaults(input)).toEqual(Operation.parse(input))
    },
  )

  it('covers every operation type there is', () => {
    const types = Operation.options.map((option) => option.shape.type.value)
    expect(new Set(inputs.map((input) => input.type))).toEqual(new Set(types))
  })
})
