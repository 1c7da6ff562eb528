import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { erfc, normalCdf, twoSidedP } from '../../../../functions/src/domain/metrics'

describe('normal distribution', () => {
  // Reference values from standard normal tables (R: pnorm, qnorm).
  it.each([
    [0, 0.5],
    [1, 0.8413447460685429],
    [2, 0.9772498680518208],
    [3, 0.9986501019683699],
    [-1.959963984540054, 0.025],
    [-2.575829303548901, 0.005],
    [-5, 2.866515718791939e-7],
    [-6, 9.865876450376981e-10],
    [-8, 6.22096057427178e-16],
  ])('gives Φ(%s) = %s to many digits, far into the tail', (z, expected) => {
    expect(Math.abs(normalCdf(z) - expected) / expected).toBeLessThan(1e-12)
  })

  it('gives the textbook two-sided p-values at the 5% and 1% critical values', () => {
    expect(twoSidedP(1.959964)).toBeCloseTo(0.05, 7)
    expect(twoSidedP(-2.5758293)).toBeCloseTo(0.01, 7)
    expect(erfc(0)).toBe(1)
  })

  it('is symmetric: Φ(z) + Φ(−z) = 1 and p(z) = p(−z)', () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (z) => {
        expect(normalCdf(z) + normalCdf(-z)).toBeCloseTo(1, 14)
        expect(twoSidedP(z)).toBe(twoSidedP(-z))
      }),
    )
  })

  it('gives p-values in [0, 1] that fall as |z| grows (no plateaus as with a rounded table)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 8, noNaN: true }),
        fc.double({ min: 1e-6, max: 8, noNaN: true }),
        (z, step) => {
          const p = twoSidedP(z)
          expect(p).toBeGreaterThanOrEqual(0)
          expect(p).toBeLessThanOrEqual(1)
          expect(twoSidedP(z + step)).toBeLessThan(p)
        },
      ),
    )
  })

  it('is continuous where it switches from the series to the continued fraction', () => {
    // A jump at the seam would break monotonicity for z near 1.5·√2.
    const below = erfc(1.5 - 1e-12)
    const above = erfc(1.5)
    expect(below).toBeGreaterThan(above)
    expect((below - above) / above).toBeLessThan(1e-10)
  })
})
