import { describe, expect, it } from 'vitest'
import type { Action } from '../../../functions/src/domain/boards/board'
import {
  actionLines,
  exportedAuthor,
} from '../../../web/src/routes/(workshop)/w/[id]/export-labels'

const ana = { id: 'u_01J00000000000000000000001', name: 'Ana Ruiz', kind: 'staff' as const }

function action(n: number, more: Partial<Action> = {}): Action {
  return {
    id: `01J0000000000000000000000${n}`,
    text: `Action ${n}`,
    noteId: null,
    owner: null,
    due: null,
    status: 'open',
    createdBy: ana,
    createdAt: `2026-11-0${n}T10:00:00.000Z`,
    version: 1,
    ...more,
  }
}

describe('the PNG export', () => {
  it.each([
    // [note, expected]: the exporter's own notes too, since "You" means nothing to a reader
    [{ anonymous: false, author: ana }, 'Ana Ruiz'],
    [{ anonymous: true, author: null }, 'Anonymous'],
  ])('names the author of %o as %s, never "You"', (note, expected) => {
    expect(exportedAuthor(note)).toBe(expected)
  })

  it('lists the follow-up actions, open ones first, with owner, due day and done', () => {
    const lines = actionLines({
      a: action(1, { status: 'done' }),
      b: action(2, { owner: { id: null, name: 'Dr. Lee' }, due: '2026-11-20' }),
      c: action(3),
    })
    expect(lines).toEqual(['Action 2 — Dr. Lee, due Nov 20, 2026', 'Action 3', 'Action 1 (done)'])
  })
})
