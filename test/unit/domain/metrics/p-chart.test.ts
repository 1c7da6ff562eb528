import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  pChart,
  pChartCenter,
  pChartLimits,
} from '../../../../functions/src/domain/metrics/p-chart'

/**
 * Montgomery, "Introduction to Statistical Quality Control" (Example 7.1 in the 6th edition,
 * frozen orange juice concentrate cans; the NIST/SEMATECH e-Handbook of Statistical Methods,
 * §6.3.3.2 "Proportions control charts", works the same 30 samples of 50 as chips on wafers):
 * 347 nonconforming in 1,500, p̄ = 0.2313, UCL = 0.4102, LCL = 0.0524, and samples 15 and 23
 * (0.44 and 0.48) above the upper limit.
 */
const nonconforming = [
  12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7,
  13, 9, 6,
]
const samples = nonconforming.map((k) => ({ n: 50, k }))

describe('the p-chart of a textbook example', () => {
  it('has the published centre and limits', () => {
    const chart = pChart(samples, samples)!
    expect(chart.center).toBeCloseTo(0.2313, 4)
    for (const point of chart.points) {
      expect(point.upper).toBeCloseTo(0.4102, 4)
      expect(point.lower).toBeCloseTo(0.0524, 4)
    }
  })

  it('flags the two samples the book flags, and no other', () => {
    const flagged = pChart(samples, samples)!.points.flatMap((point, i) =>
      point.outside ? [{ sample: i + 1, outside: point.outside }] : [],
    )
    expect(flagged).toEqual([
      { sample: 15, outside: 'above' },
      { sample: 23, outside: 'above' },
    ])
  })
})

describe('limits that vary with n', () => {
  it('narrows with more answers: ±3·√(p̄(1−p̄)/n)', () => {
    // p̄ = 0.6: n = 40 gives ±0.2324, n = 1,000 gives ±0.0465.
    expect(pChartLimits(0.6, 40).upper).toBeCloseTo(0.8324, 4)
    expect(pChartLimits(0.6, 40).lower).toBeCloseTo(0.3676, 4)
    expect(pChartLimits(0.6, 1000).upper).toBeCloseTo(0.6465, 4)
  })

  it('floors the lower limit at 0 and caps the upper at 1', () => {
    expect(pChartLimits(0.05, 10)).toEqual({ lower: 0, upper: expect.closeTo(0.2568, 4) })
    expect(pChartLimits(0.95, 10)).toEqual({ lower: expect.closeTo(0.7432, 4), upper: 1 })
  })

  it('takes the centre from the baseline alone: Σk / Σn, not the mean of the shares', () => {
    expect(
      pChartCenter([
        { n: 10, k: 10 },
        { n: 90, k: 0 },
      ]),
    ).toBe(0.1)
    expect(pChartCenter([{ n: 0, k: 0 }])).toBeNull()
    const chart = pChart([{ n: 100, k: 40 }], [{ n: 100, k: 90 }])!
    expect(chart.center).toBe(0.4)
    expect(chart.points[0]).toMatchObject({ share: 0.9, outside: 'above' })
  })

  it('draws a week without answers with limits [0, 1] and no point', () => {
    expect(pChart([{ n: 30, k: 10 }], [{ n: 0, k: 0 }])!.points[0]).toEqual({
      share: null,
      lower: 0,
      upper: 1,
      outside: null,
    })
  })

  const count = fc
    .integer({ min: 0, max: 5000 })
    .chain((n) => fc.record({ n: fc.constant(n), k: fc.integer({ min: 0, max: n }) }))

  it('keeps every limit within [0, 1] around the centre, and flags exactly the points outside', () => {
    fc.assert(
      fc.property(fc.array(count, { minLength: 1 }), fc.array(count), (baseline, points) => {
        const chart = pChart(baseline, points)
        if (!chart) return
        for (const [i, point] of chart.points.entries()) {
          expect(point.lower).toBeGreaterThanOrEqual(0)
          expect(point.upper).toBeLessThanOrEqual(1)
          expect(point.lower).toBeLessThanOrEqual(chart.center)
          expect(point.upper).toBeGreaterThanOrEqual(chart.center)
          const { n, k } = points[i]!
          const share = n > 0 ? k / n : null
          const expected =
            share === null
              ? null
              : share > point.upper
                ? 'above'
                : share < point.lower
                  ? 'below'
                  : null
          expect(point.outside).toBe(expected)
        }
      }),
    )
  })
})
