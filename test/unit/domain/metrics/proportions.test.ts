import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  proportion,
  twoProportionTest,
  wilsonInterval,
  z95,
} from '../../../../functions/src/domain/metrics'
import { near } from './fixtures'

/** k of n with 0 ≤ k ≤ n. */
const counts = (maxN = 2000) =>
  fc
    .integer({ min: 0, max: maxN })
    .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)))

describe('wilsonInterval', () => {
  it('matches published values', () => {
    const [low, high] = wilsonInterval(8, 10)
    expect(low).toBeCloseTo(0.49, 3)
    expect(high).toBeCloseTo(0.943, 3)
    // At 0 of n and n of n the interval has the closed form [0, z²/(n+z²)] and [n/(n+z²), 1].
    expect(wilsonInterval(0, 10)).toEqual([0, expect.closeTo(z95 ** 2 / (10 + z95 ** 2), 12)])
    expect(wilsonInterval(10, 10)).toEqual([expect.closeTo(10 / (10 + z95 ** 2), 12), 1])
  })

  it('lies within [0, 1] and contains k/n', () => {
    fc.assert(
      fc.property(counts(), ([k, n]) => {
        const [low, high] = wilsonInterval(k, n)
        expect(0 <= low && low <= high && high <= 1).toBe(true)
        if (n > 0) expect(low <= k / n && k / n <= high).toBe(true)
      }),
    )
  })

  it('has as bounds the proportions p with |k/n − p| = z·√(p(1−p)/n), its definition', () => {
    fc.assert(
      fc.property(
        counts().filter(([, n]) => n > 0),
        ([k, n]) => {
          for (const bound of wilsonInterval(k, n)) {
            const gap = (k / n - bound) ** 2
            const allowed = (z95 ** 2 * bound * (1 - bound)) / n
            expect(Math.abs(gap - allowed)).toBeLessThanOrEqual(1e-9 * allowed + 1e-15)
          }
        },
      ),
    )
  })

  it('never lowers either bound when a top-box answer is added, nor raises them for another answer', () => {
    fc.assert(
      fc.property(counts(), ([k, n]) => {
        const [low, high] = wilsonInterval(k, n)
        const [upLow, upHigh] = wilsonInterval(k + 1, n + 1)
        const [downLow, downHigh] = wilsonInterval(k, n + 1)
        expect(upLow).toBeGreaterThanOrEqual(low)
        expect(upHigh).toBeGreaterThanOrEqual(high)
        expect(downLow).toBeLessThanOrEqual(low)
        expect(downHigh).toBeLessThanOrEqual(high)
      }),
    )
  })

  it('never widens when n grows and the share stays the same', () => {
    fc.assert(
      fc.property(counts(500), fc.integer({ min: 2, max: 50 }), ([k, n], times) => {
        const [low, high] = wilsonInterval(k, n)
        const [bigLow, bigHigh] = wilsonInterval(k * times, n * times)
        expect(bigHigh - bigLow).toBeLessThanOrEqual(high - low)
      }),
    )
  })

  it('is all of [0, 1] with no answers, as nothing is known', () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1])
    expect(proportion(0, 0)).toMatchObject({
      k: 0,
      n: 0,
      share: null,
      interval: [0, 1],
      enough: false,
    })
  })
})

describe('twoProportionTest', () => {
  it('matches the 2×2 chi-square test by hand: 45 of 100 against 30 of 100', () => {
    // χ² = N(ad − bc)² / (r₁r₂c₁c₂) = 200·(45·70 − 55·30)² / (100·100·75·125) = 4.8 = z²
    const result = twoProportionTest({ k: 45, n: 100 }, { k: 30, n: 100 })
    expect(result.z).toBeCloseTo(Math.sqrt(4.8), 10)
    expect(result.pValue).toBeCloseTo(0.02846, 5) // R: prop.test(c(45, 30), c(100, 100), correct = FALSE)
    expect(result.significant).toBe(true)
    // 52 of 100 against 48 of 100: χ² = 200·(52·52 − 48·48)²/(100·100·100·100) = 0.32
    const close = twoProportionTest({ k: 52, n: 100 }, { k: 48, n: 100 })
    expect(close.z).toBeCloseTo(Math.sqrt(0.32), 10)
    expect(close.pValue).toBeCloseTo(0.5716, 4)
    expect(close.significant).toBe(false)
  })

  it('squares to the chi-square statistic of the 2×2 table, computed cell by cell', () => {
    fc.assert(
      fc.property(counts(3000), counts(3000), ([k1, n1], [k2, n2]) => {
        const column1 = k1 + k2
        const column2 = n1 + n2 - column1
        fc.pre(n1 > 0 && n2 > 0 && column1 > 0 && column2 > 0)
        const total = n1 + n2
        let chiSquare = 0
        for (const [observed, row, column] of [
          [k1, n1, column1],
          [n1 - k1, n1, column2],
          [k2, n2, column1],
          [n2 - k2, n2, column2],
        ] as const) {
          const expected = (row * column) / total
          chiSquare += (observed - expected) ** 2 / expected
        }
        const { z } = twoProportionTest({ k: k1, n: n1 }, { k: k2, n: n2 })
        expect(near((z as number) ** 2, chiSquare, 1e-8)).toBe(true)
        expect(Math.sign(z as number)).toBe(Math.sign(k1 / n1 - k2 / n2))
      }),
    )
  })

  it('is symmetric: swapping the groups flips z and keeps the p-value', () => {
    fc.assert(
      fc.property(counts(), counts(), ([k1, n1], [k2, n2]) => {
        const ab = twoProportionTest({ k: k1, n: n1 }, { k: k2, n: n2 })
        const ba = twoProportionTest({ k: k2, n: n2 }, { k: k1, n: n1 })
        expect(ab.pValue).toBe(ba.pValue)
        expect(ab.significant).toBe(ba.significant)
        if (ab.z !== null) expect(ab.z + (ba.z as number) === 0).toBe(true)
        if (ab.pValue !== null) {
          expect(ab.pValue >= 0 && ab.pValue <= 1).toBe(true)
          expect(ab.significant).toBe(ab.pValue < 0.05)
        }
      }),
    )
  })

  it('finds nothing between equal shares, and a smaller p-value the further apart the shares', () => {
    fc.assert(
      fc.property(counts(300), fc.integer({ min: 1, max: 10 }), ([k, n], times) => {
        fc.pre(n > 0)
        const same = twoProportionTest({ k, n }, { k: k * times, n: n * times })
        expect(same.z).toBeCloseTo(0, 12)
        expect(same.pValue).toBeCloseTo(1, 12)
        expect(same.significant).toBe(false)
      }),
    )
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.nat(), (n, seed) => {
        const k = seed % n // k < n, so one more top-box answer fits
        const base = twoProportionTest({ k: 0, n }, { k, n }).pValue as number
        expect(twoProportionTest({ k: 0, n }, { k: k + 1, n }).pValue).toBeLessThanOrEqual(base)
      }),
    )
  })

  it('tests nothing when a side has no answers', () => {
    expect(twoProportionTest({ k: 0, n: 0 }, { k: 3, n: 9 })).toEqual({
      z: null,
      pValue: null,
      significant: false,
    })
  })
})
