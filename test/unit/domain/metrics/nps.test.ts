import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nps, npsDifference, questionHistogram } from '../../../../functions/src/domain/metrics'
import { countersFrom, histogramOf, near, surveyOf } from './fixtures'

const answers = fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 400 })
const survey = surveyOf([{ id: 'recommend', type: 'nps', prompt: { en: 'Recommend?' } }])

describe('nps', () => {
  it('agrees with scoring each raw answer +1, 0 or −1 and taking its mean and spread', () => {
    fc.assert(
      fc.property(answers, (raw) => {
        const counters = countersFrom(
          survey,
          raw.map((recommend) => ({ recommend })),
        )
        const result = nps(questionHistogram(counters, 'recommend'))
        const points = raw.map((a): number => (a >= 9 ? 1 : a <= 6 ? -1 : 0))
        expect(result.n).toBe(raw.length)
        expect(result.promoters).toBe(points.filter((p) => p === 1).length)
        expect(result.detractors).toBe(points.filter((p) => p === -1).length)
        expect(result.passives).toBe(points.filter((p) => p === 0).length)
        if (raw.length === 0) return
        const mean = points.reduce((a, b) => a + b, 0) / raw.length
        const variance = points.reduce((sum, p) => sum + (p - mean) ** 2, 0) / raw.length
        expect(near(result.score, 100 * mean)).toBe(true)
        expect(near(result.margin, 100 * 1.96 * Math.sqrt(variance / raw.length), 1e-7)).toBe(true)
      }),
    )
  })

  it('stays within −100..100 with a margin of at least 0 and at most 196/√n', () => {
    fc.assert(
      fc.property(
        answers.filter((raw) => raw.length > 0),
        (raw) => {
          const { score, margin, n } = nps(histogramOf(raw))
          expect(score).toBeGreaterThanOrEqual(-100)
          expect(score).toBeLessThanOrEqual(100)
          expect(margin).toBeGreaterThanOrEqual(0)
          expect(margin).toBeLessThanOrEqual(196 / Math.sqrt(n) + 1e-9)
        },
      ),
    )
  })

  it('never falls when a promoter is added, nor rises when a detractor is', () => {
    fc.assert(
      fc.property(
        answers.filter((raw) => raw.length > 0),
        fc.integer({ min: 9, max: 10 }),
        fc.integer({ min: 0, max: 6 }),
        (raw, promoter, detractor) => {
          const before = nps(histogramOf(raw)).score as number
          expect(nps(histogramOf([...raw, promoter])).score).toBeGreaterThanOrEqual(before)
          expect(nps(histogramOf([...raw, detractor])).score).toBeLessThanOrEqual(before)
        },
      ),
    )
  })

  it('matches a hand-worked example: 50 promoters, 30 passives, 20 detractors', () => {
    const result = nps({ '10': 50, '8': 30, '3': 20 })
    expect(result.score).toBeCloseTo(30, 10)
    // p + d − (p − d)² = 0.7 − 0.09 = 0.61; 196·√(0.61/100) = 15.3081
    expect(result.margin).toBeCloseTo(15.3081, 4)
    expect(nps({ '10': 7 })).toMatchObject({ score: 100, margin: 0, n: 7 })
  })

  it('has no score and no margin when nobody answered, and ignores values off the 0-10 scale', () => {
    const empty = { n: 0, score: null, margin: null, enough: false, promoters: 0 }
    expect(nps({})).toMatchObject(empty)
    expect(nps({ '11': 4, '-1': 2, yes: 3 })).toMatchObject(empty)
  })
})

describe('npsDifference', () => {
  const nonEmpty = answers.filter((raw) => raw.length > 0)

  it('is antisymmetric, with a combined margin no smaller than either margin', () => {
    fc.assert(
      fc.property(nonEmpty, nonEmpty, (rawA, rawB) => {
        const a = nps(histogramOf(rawA))
        const b = nps(histogramOf(rawB))
        const ab = npsDifference(a, b)
        const ba = npsDifference(b, a)
        expect((ab.difference as number) + (ba.difference as number) === 0).toBe(true)
        expect(ab.margin).toBe(ba.margin)
        expect(ab.margin).toBeGreaterThanOrEqual(Math.max(a.margin as number, b.margin as number))
        expect(ab.significant).toBe(Math.abs(ab.difference as number) > (ab.margin as number))
      }),
    )
  })

  it('calls 80/20 against 50/50 significant and a score against itself not', () => {
    // Margins 196·√(0.64/100) = 15.68 and 196·√(1/100) = 19.6; combined √(15.68² + 19.6²) = 25.10
    const result = npsDifference(nps({ '10': 80, '3': 20 }), nps({ '10': 50, '3': 50 }))
    expect(result.difference).toBeCloseTo(60, 10)
    expect(result.margin).toBeCloseTo(25.1, 2)
    expect(result.significant).toBe(true)
    const same = nps({ '9': 10, '5': 3 })
    expect(npsDifference(same, same)).toMatchObject({ difference: 0, significant: false })
  })

  it('has nothing to compare when a side has no answers', () => {
    expect(npsDifference(nps({}), nps({ '10': 40 }))).toEqual({
      difference: null,
      margin: null,
      significant: false,
    })
  })
})
