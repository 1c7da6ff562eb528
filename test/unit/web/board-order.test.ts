import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  blocksOf,
  orderAfterStep,
  orderAt,
  orderBetween,
  sortNotes,
} from '../../../web/src/lib/board/order'

interface Item {
  id: string
  order: number
  createdAt: string
  group: string | null
}

const item = (id: string, order: number, group: string | null = null): Item => ({
  id,
  order,
  createdAt: '2026-03-02T14:30:00.000Z',
  group,
})
const ids = (items: readonly { id: string }[]) => items.map((i) => i.id)

describe('orderBetween', () => {
  it('picks the middle of two neighbours, and steps past a missing one', () => {
    expect(orderBetween(1, 2)).toBe(1.5)
    expect(orderBetween(undefined, 3)).toBe(2)
    expect(orderBetween(4, undefined)).toBe(5)
    expect(orderBetween(undefined, undefined)).toBe(1)
  })

  it('never lands outside the gap, even when the gap is too small to split', () => {
    expect(orderBetween(2, 2)).toBe(2)
    const tiny = orderBetween(1, 1 + Number.EPSILON)
    expect(tiny).toBeGreaterThanOrEqual(1)
    expect(tiny).toBeLessThan(1 + Number.EPSILON)
  })
})

describe('orderAt', () => {
  it('puts a dropped note exactly where it was dropped, for any list and position', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { maxLength: 12 }),
        fc.nat(),
        (orders, rawIndex) => {
          const list = sortNotes(orders.map((o, i) => item(`n${i}`, o)))
          const index = rawIndex % (list.length + 1)
          const dropped = item('new', orderAt(list, index))
          const after = sortNotes([...list, dropped])
          expect(after.findIndex((n) => n.id === 'new')).toBe(index)
        },
      ),
    )
  })

  it('keeps twenty notes dropped one after another into the same gap in drop order', () => {
    let list = [item('a', 1), item('b', 2)]
    for (let i = 0; i < 20; i++) list = sortNotes([...list, item(`x${i}`, orderAt(list, 1))])
    // Each new note went just after "a", so the latest is first.
    expect(ids(list)).toEqual(['a', ...Array.from({ length: 20 }, (_, i) => `x${19 - i}`), 'b'])
  })
})

describe('orderAfterStep', () => {
  const list = [item('a', 1), item('b', 2), item('c', 3)]

  it('moves a note one place up or down', () => {
    const up = orderAfterStep(list, 'c', -1) as number
    expect(ids(sortNotes([item('a', 1), item('b', 2), item('c', up)]))).toEqual(['a', 'c', 'b'])
    const down = orderAfterStep(list, 'a', 1) as number
    expect(ids(sortNotes([item('a', down), item('b', 2), item('c', 3)]))).toEqual(['b', 'a', 'c'])
  })

  it('says there is nowhere to go at either end, or for a note not in the list', () => {
    expect(orderAfterStep(list, 'a', -1)).toBeNull()
    expect(orderAfterStep(list, 'c', 1)).toBeNull()
    expect(orderAfterStep(list, 'zzz', 1)).toBeNull()
  })
})

describe('sortNotes and blocksOf', () => {
  it('sorts by order, then by age, then by id', () => {
    const older = { ...item('z', 1), createdAt: '2026-03-02T14:00:00.000Z' }
    expect(ids(sortNotes([item('b', 1), item('a', 1), older, item('c', 0)]))).toEqual([
      'c',
      'z',
      'a',
      'b',
    ])
  })

  it('draws notes with the same label together where the first of them stands', () => {
    const blocks = blocksOf([
      item('a', 1),
      item('b', 2, 'Parking'),
      item('c', 3),
      item('d', 4, ' parking '),
      item('e', 5, 'Phones'),
    ])
    expect(
      blocks.map((b) => (b.kind === 'note' ? b.note.id : `${b.label}:${ids(b.notes).join('')}`)),
    ).toEqual(['a', 'Parking:bd', 'c', 'Phones:e'])
  })
})
