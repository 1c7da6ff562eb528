import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  fishboneLayout,
  wrapText,
  type Box,
  type FishboneInput,
  type FishboneLayout,
  type Point,
} from '../../../web/src/lib/governance/fishbone-layout'

const defaultCategories = [
  'People',
  'Process',
  'Policy',
  'Place',
  'Technology and equipment',
  'Communication',
  'Patient factors',
]

/** Every label of the drawing: the head, each category's and each cause's. */
function labels(layout: FishboneLayout): { name: string; box: Box }[] {
  return [
    { name: 'head', box: layout.head.box },
    ...layout.bones.flatMap((bone) => [
      { name: `category ${bone.index}`, box: bone.label.box },
      ...bone.ribs.map((rib) => ({ name: `cause ${rib.causeId}`, box: rib.label.box })),
    ]),
  ]
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** Whether the segment p→q passes through the inside of the box (Liang-Barsky clipping). */
function crosses(p: Point, q: Point, box: Box): boolean {
  let t0 = 0
  let t1 = 1
  const dx = q.x - p.x
  const dy = q.y - p.y
  const edges: [number, number][] = [
    [-dx, p.x - box.x],
    [dx, box.x + box.width - p.x],
    [-dy, p.y - box.y],
    [dy, box.y + box.height - p.y],
  ]
  for (const [pe, qe] of edges) {
    if (pe === 0) {
      if (qe <= 0) return false
    } else {
      const t = qe / pe
      if (pe < 0) t0 = Math.max(t0, t)
      else t1 = Math.min(t1, t)
    }
  }
  return t1 - t0 > 1e-9
}

/** Distance from a point to a segment. */
function distance(point: Point, a: Point, b: Point): number {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const t = Math.max(
    0,
    Math.min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / (dx * dx + dy * dy)),
  )
  return Math.hypot(point.x - (a.x + t * dx), point.y - (a.y + t * dy))
}

// Words as committees write them, plus long unbroken ones (a URL, a drug name) that must be broken.
const word = fc.oneof(
  fc.constantFrom('the', 'wait', 'front', 'desk', 'no', 'one', 'tells', 'patients', 'why', 'rota'),
  fc.string({ minLength: 1, maxLength: 40 }).map((s) => s.replace(/\s/g, 'x') || 'x'),
)
const text = (max: number) =>
  fc.array(word, { minLength: 1, maxLength: max }).map((words) => words.join(' '))

const input: fc.Arbitrary<FishboneInput> = fc
  .uniqueArray(text(4), {
    minLength: 1,
    maxLength: 12,
    selector: (category) => category.toLocaleLowerCase(),
  })
  .chain((categories) =>
    fc.record({
      problem: text(20),
      categories: fc.constant(categories),
      causes: fc
        .array(
          fc.record({
            category: fc.constantFrom(...categories),
            text: text(50),
            whys: fc.integer({ min: 0, max: 7 }),
            root: fc.boolean(),
          }),
          { maxLength: 60 },
        )
        .map((causes) => causes.map((cause, i) => ({ ...cause, id: `c${i}` }))),
    }),
  )

describe('fishboneLayout', () => {
  it('never lets two labels overlap', () => {
    fc.assert(
      fc.property(input, (diagram) => {
        const all = labels(fishboneLayout(diagram))
        for (let i = 0; i < all.length; i++) {
          for (let j = i + 1; j < all.length; j++) {
            if (overlap(all[i]!.box, all[j]!.box)) {
              throw new Error(`${all[i]!.name} overlaps ${all[j]!.name}`)
            }
          }
        }
      }),
      { numRuns: 300 },
    )
  })

  it('puts every cause on its own category’s bone, once, and no bone or spine through a label', () => {
    fc.assert(
      fc.property(input, (diagram) => {
        const layout = fishboneLayout(diagram)
        const drawn = layout.bones.flatMap((bone) => bone.ribs.map((rib) => rib.causeId))
        expect(drawn.toSorted()).toEqual(diagram.causes.map((cause) => cause.id).toSorted())
        expect(layout.unplaced).toEqual([])
        for (const bone of layout.bones) {
          expect(bone.category).toBe(diagram.categories[bone.index])
          for (const rib of bone.ribs) {
            const cause = diagram.causes.find((c) => c.id === rib.causeId)!
            expect(cause.category).toBe(bone.category)
            expect(distance(rib.from, bone.from, bone.to)).toBeLessThan(1e-6)
            expect(rib.to.y).toBeCloseTo(rib.from.y)
            expect(rib.to.x).toBeLessThan(rib.from.x)
            expect(rib.label.box.x + rib.label.box.width).toBeCloseTo(rib.to.x)
          }
        }
        const lines = [
          layout.spine,
          ...layout.bones.map((bone) => ({ from: bone.from, to: bone.to })),
        ]
        for (const label of labels(layout).filter((l) => l.name !== 'head')) {
          for (const line of lines) {
            if (crosses(line.from, line.to, label.box)) {
              throw new Error(`a line crosses ${label.name}`)
            }
          }
        }
      }),
      { numRuns: 300 },
    )
  })

  it('fits every box, bone and the spine inside the viewBox', () => {
    fc.assert(
      fc.property(input, (diagram) => {
        const layout = fishboneLayout(diagram)
        const [x0, y0, w, h] = layout.viewBox.split(' ').map(Number) as [
          number,
          number,
          number,
          number,
        ]
        expect([x0, y0]).toEqual([0, 0])
        const inside = (p: Point) => p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h
        for (const { name, box } of labels(layout)) {
          if (!inside(box) || !inside({ x: box.x + box.width, y: box.y + box.height })) {
            throw new Error(`${name} is outside the viewBox ${layout.viewBox}`)
          }
        }
        for (const bone of layout.bones) expect(inside(bone.from) && inside(bone.to)).toBe(true)
        expect(inside(layout.spine.from) && inside(layout.spine.to)).toBe(true)
        for (const point of layout.head.shape) expect(inside(point)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('alternates bones above and below the spine, with the head at the right on the spine', () => {
    const layout = fishboneLayout({
      problem: 'Long wait',
      categories: defaultCategories,
      causes: [],
    })
    expect(layout.bones.map((bone) => bone.side)).toEqual([
      'above',
      'below',
      'above',
      'below',
      'above',
      'below',
      'above',
    ])
    const spineY = layout.spine.from.y
    for (const bone of layout.bones) {
      expect(bone.from.y).toBe(spineY)
      expect(bone.side === 'above' ? bone.to.y < spineY : bone.to.y > spineY).toBe(true)
    }
    const headTip = layout.head.shape.reduce((a, b) => (b.x > a.x ? b : a))
    expect(headTip.y).toBe(spineY)
    expect(layout.spine.to.x).toBe(layout.head.box.x)
    for (const bone of layout.bones)
      expect(bone.label.box.x + bone.label.box.width).toBeLessThan(layout.head.box.x)
  })

  it('grows taller with the causes of a category, and marks root causes and their whys in words', () => {
    const cause = (i: number) => ({
      id: `c${i}`,
      category: 'process',
      text: 'Nobody owns telling patients about the wait',
      whys: i,
      root: i === 2,
    })
    const heights = [0, 1, 3, 8].map(
      (n) =>
        fishboneLayout({
          problem: 'Long wait',
          categories: ['People', 'Process'],
          causes: Array.from({ length: n }, (_, i) => cause(i)),
        }).height,
    )
    expect(heights).toEqual(heights.toSorted((a, b) => a - b))
    expect(new Set(heights).size).toBe(4)

    const layout = fishboneLayout({
      problem: 'Long wait',
      categories: ['People', 'Process'],
      causes: [cause(0), cause(1), cause(2)],
    })
    // Matched ignoring case, as the server matches categories.
    expect(layout.bones[1]!.ribs.map((rib) => rib.meta)).toEqual([
      'no whys yet',
      '1 why',
      'Root cause · 2 whys',
    ])
  })

  it('leaves out causes of a category that is not there, and says which', () => {
    const layout = fishboneLayout({
      problem: 'Long wait',
      categories: ['People'],
      causes: [{ id: 'lost', category: 'Place', text: 'Small room', whys: 0, root: false }],
    })
    expect(layout.unplaced).toEqual(['lost'])
    expect(layout.bones[0]!.ribs).toEqual([])
  })
})

describe('wrapText', () => {
  it('wraps at spaces, breaks words longer than a line, and cuts with an ellipsis', () => {
    expect(wrapText('No one tells patients how long the wait is', 16)).toEqual({
      lines: ['No one tells', 'patients how', 'long the wait is'],
      cut: false,
    })
    expect(wrapText('Supercalifragilistic wait', 8).lines).toEqual([
      'Supercal',
      'ifragili',
      'stic',
      'wait',
    ])
    expect(wrapText('one two three four five six', 9, 2)).toEqual({
      lines: ['one two', 'three…'],
      cut: true,
    })
  })

  it('keeps every line within its width and every word, in order, when nothing is cut', () => {
    fc.assert(
      fc.property(text(30), fc.integer({ min: 4, max: 40 }), (words, chars) => {
        const { lines, cut } = wrapText(words, chars)
        expect(cut).toBe(false)
        for (const line of lines) expect(line.length).toBeLessThanOrEqual(chars)
        expect(lines.join('').replace(/\s+/g, '')).toBe(words.replace(/\s+/g, ''))
      }),
    )
  })
})
