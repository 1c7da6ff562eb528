import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  touchpointHistogram,
  touchpointScore,
  touchpointScores,
  wilsonInterval,
} from '../../../../functions/src/domain/metrics'
import { countersFrom, histogramOf, near, surveyOf } from './fixtures'

// Two 1-5 questions on the visit, one on booking, and a 0-10 visit rating that touch points skip.
const survey = surveyOf([
  { id: 'listened', type: 'rating', prompt: { en: 'Listened' }, touchpoint: 'visit' },
  { id: 'explained', type: 'rating', prompt: { en: 'Explained' }, touchpoint: 'visit' },
  { id: 'booking-ease', type: 'rating', prompt: { en: 'Booking' }, touchpoint: 'booking' },
  {
    id: 'provider',
    type: 'rating',
    min: 0,
    max: 10,
    prompt: { en: 'Provider' },
    touchpoint: 'visit',
  },
])
const oneToFive = fc.integer({ min: 1, max: 5 })
const responses = fc.array(
  fc.record(
    {
      listened: oneToFive,
      explained: oneToFive,
      'booking-ease': oneToFive,
      provider: fc.integer({ min: 0, max: 10 }),
    },
    { requiredKeys: [] },
  ),
  { maxLength: 80 },
)
const ratings = fc.array(oneToFive, { minLength: 1, maxLength: 300 })

describe('touchpointScore', () => {
  it('agrees with the mean and the share of 4-5 over the raw 1-5 answers of that touch point', () => {
    fc.assert(
      fc.property(responses, (all) => {
        const counters = countersFrom(survey, all)
        const raw = all.flatMap((answers) =>
          [answers.listened, answers.explained].filter((a) => a !== undefined),
        )
        const score = touchpointScore('visit', touchpointHistogram(counters, 'visit'))
        expect(score.n).toBe(raw.length)
        if (raw.length === 0) return
        const top = raw.filter((a) => a >= 4).length
        expect(near(score.mean, raw.reduce((a, b) => a + b, 0) / raw.length)).toBe(true)
        expect(near(score.topBox, top / raw.length)).toBe(true)
        expect(score.topBoxCount).toBe(top)
        expect(score.topBoxInterval).toEqual(wilsonInterval(top, raw.length))
      }),
    )
  })

  it('keeps the mean within 1..5 and the top-box share within its interval', () => {
    fc.assert(
      fc.property(ratings, (raw) => {
        const { mean, topBox, topBoxInterval } = touchpointScore('visit', histogramOf(raw))
        expect(mean).toBeGreaterThanOrEqual(1)
        expect(mean).toBeLessThanOrEqual(5)
        expect(topBoxInterval[0]).toBeLessThanOrEqual(topBox as number)
        expect(topBoxInterval[1]).toBeGreaterThanOrEqual(topBox as number)
      }),
    )
  })

  it('never lowers the mean, the top-box share or its bounds when a 5 is added', () => {
    fc.assert(
      fc.property(ratings, (raw) => {
        const before = touchpointScore('visit', histogramOf(raw))
        const after = touchpointScore('visit', histogramOf([...raw, 5]))
        expect(after.mean).toBeGreaterThanOrEqual(before.mean as number)
        expect(after.topBox).toBeGreaterThanOrEqual(before.topBox as number)
        expect(after.topBoxInterval[0]).toBeGreaterThanOrEqual(before.topBoxInterval[0])
        expect(after.topBoxInterval[1]).toBeGreaterThanOrEqual(before.topBoxInterval[1])
      }),
    )
  })

  it('has no mean or share when nobody answered, and counts only 1-5', () => {
    const empty = {
      touchpoint: 'billing',
      n: 0,
      mean: null,
      topBox: null,
      topBoxCount: 0,
      topBoxInterval: [0, 1],
      enough: false,
    }
    expect(touchpointScore('billing', {})).toEqual(empty)
    expect(touchpointScore('billing', { '0': 3, '9': 2 })).toEqual(empty)
  })
})

describe('touchpointScores', () => {
  it('follows the journey order given, including steps nobody rated', () => {
    const counters = countersFrom(survey, [{ listened: 5, 'booking-ease': 2 }])
    const scores = touchpointScores(counters, { touchpoints: ['booking', 'check-in', 'visit'] })
    expect(scores.map((s) => [s.touchpoint, s.n, s.mean])).toEqual([
      ['booking', 1, 2],
      ['check-in', 0, null],
      ['visit', 1, 5],
    ])
    expect(touchpointScores(counters).map((s) => s.touchpoint)).toEqual(['booking', 'visit'])
  })
})
