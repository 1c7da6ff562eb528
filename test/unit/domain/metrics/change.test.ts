import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  nps,
  npsChange,
  npsDifference,
  proportion,
  topBoxChange,
  touchpointChange,
  touchpointScore,
  twoProportionTest,
} from '../../../../functions/src/domain/metrics'
import { histogramOf } from './fixtures'

const counts = fc
  .integer({ min: 0, max: 400 })
  .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)))
const minimum = fc.integer({ min: 1, max: 100 })
const npsAnswers = fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 300 })

describe('topBoxChange', () => {
  it('reports the share difference, its direction, and the z test only when both sides are enough', () => {
    fc.assert(
      fc.property(counts, counts, minimum, ([k1, n1], [k2, n2], min) => {
        const current = proportion(k1, n1, { minimum: min })
        const previous = proportion(k2, n2, { minimum: min })
        const change = topBoxChange(current, previous)
        expect(change.current).toBe(current)
        expect(change.previous).toBe(previous)
        if (n1 === 0 || n2 === 0) expect(change.delta).toBeNull()
        else expect(change.delta).toBeCloseTo(k1 / n1 - k2 / n2, 12)
        const delta = change.delta ?? 0
        expect(change.direction).toBe(delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat')
        const test = twoProportionTest({ k: k1, n: n1 }, { k: k2, n: n2 })
        expect(change.significant).toBe(test.significant && n1 >= min && n2 >= min)
      }),
    )
  })

  it('calls 45 of 100 against 30 of 100 a significant rise, and the reverse a fall', () => {
    const up = topBoxChange(proportion(45, 100), proportion(30, 100))
    expect(up).toMatchObject({ significant: true, direction: 'up' })
    expect(up.delta).toBeCloseTo(0.15, 12)
    expect(topBoxChange(proportion(30, 100), proportion(45, 100))).toMatchObject({
      significant: true,
      direction: 'down',
    })
    expect(topBoxChange(proportion(9, 20), proportion(6, 20))).toMatchObject({
      significant: false, // the same shares on 20 answers each are not enough
      direction: 'up',
    })
    expect(topBoxChange(proportion(0, 0), proportion(6, 20))).toMatchObject({
      delta: null,
      significant: false,
      direction: 'flat',
    })
  })
})

describe('touchpointChange', () => {
  it('agrees with topBoxChange on the same counts of 4s and 5s', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 200 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 200 }),
        (now, before) => {
          const current = touchpointScore('visit', histogramOf(now))
          const previous = touchpointScore('visit', histogramOf(before))
          const top = (raw: number[]) => raw.filter((a) => a >= 4).length
          const expected = topBoxChange(
            proportion(top(now), now.length),
            proportion(top(before), before.length),
          )
          const change = touchpointChange(current, previous)
          expect(change.delta).toBe(expected.delta)
          expect(change.significant).toBe(expected.significant)
          expect(change.direction).toBe(expected.direction)
        },
      ),
    )
  })
})

describe('npsChange', () => {
  it('is significant exactly when both sides are enough and the move exceeds the combined margin', () => {
    fc.assert(
      fc.property(npsAnswers, npsAnswers, minimum, (now, before, min) => {
        const current = nps(histogramOf(now), { minimum: min })
        const previous = nps(histogramOf(before), { minimum: min })
        const change = npsChange(current, previous)
        const { difference, margin } = npsDifference(current, previous)
        expect(change.delta).toBe(difference)
        const enoughBoth = now.length >= min && before.length >= min
        expect(change.significant).toBe(
          enoughBoth && difference !== null && Math.abs(difference) > (margin as number),
        )
        if (!current.enough || !previous.enough) expect(change.significant).toBe(false)
        const delta = change.delta ?? 0
        expect(change.direction).toBe(delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat')
        // Swapping the periods mirrors the move.
        const back = npsChange(previous, current)
        expect(back.significant).toBe(change.significant)
        if (change.delta !== null) expect(change.delta + (back.delta as number) === 0).toBe(true)
      }),
    )
  })

  it('calls 80/20 against 50/50 a significant rise of 60 points', () => {
    const change = npsChange(nps({ '10': 80, '3': 20 }), nps({ '10': 50, '3': 50 }))
    expect(change).toMatchObject({ significant: true, direction: 'up' })
    expect(change.delta).toBeCloseTo(60, 10)
  })
})
