import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  compositeScores,
  defaultMinimum,
  enough,
  nps,
  proportion,
  providerRating,
  touchpointScore,
} from '../../../../functions/src/domain/metrics'

/** Every metric, fed n answers (all top box / promoters), with the given minimum. */
function everyMetric(n: number, minimum?: number) {
  const options = minimum === undefined ? {} : { minimum }
  // As counterIncrements names them: a composite item's answers and top boxes, provider ratings.
  const counters = {
    'cmp.office-staff.staff-helpful.n': n,
    'cmp.office-staff.staff-helpful.top': n,
    'pr.v.10': n,
  }
  return [
    nps({ '10': n }, options),
    proportion(n, n, options),
    touchpointScore('visit', { '5': n }, options),
    compositeScores(counters, options)[0] ?? proportion(0, 0, options),
    providerRating(counters, options),
  ]
}

describe('minimum', () => {
  it('defaults to the practice default of 30 answers', () => {
    expect(defaultMinimum).toBe(30)
    for (const figure of everyMetric(29)) expect(figure).toMatchObject({ n: 29, enough: false })
    for (const figure of everyMetric(30)) expect(figure).toMatchObject({ n: 30, enough: true })
  })

  it('flags every metric below the minimum, still computing its value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 200 }),
        (n, minimum) => {
          const [score, share, touchpoint, composite, rating] = everyMetric(n, minimum)
          for (const figure of [score, share, touchpoint, composite, rating]) {
            expect(figure).toMatchObject({ n, enough: n >= minimum })
          }
          expect(score).toMatchObject({ score: 100 })
          expect(share).toMatchObject({ share: 1 })
          expect(touchpoint).toMatchObject({ mean: 5, topBox: 1 })
          expect(composite).toMatchObject({ score: 1 })
          expect(rating).toMatchObject({ share: 1 })
        },
      ),
    )
  })

  it('never calls no answers enough, even with a minimum of 0', () => {
    expect(enough(0, { minimum: 0 })).toBe(false)
    for (const figure of everyMetric(0, 0)) expect(figure.enough).toBe(false)
  })
})
