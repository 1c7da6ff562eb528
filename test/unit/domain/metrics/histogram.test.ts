import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  countOf,
  mergeCounters,
  pick,
  questionHistogram,
  touchpointHistogram,
  touchpointIds,
} from '../../../../functions/src/domain/metrics'
import { countersFrom, histogramOf, surveyOf } from './fixtures'

const survey = surveyOf([
  { id: 'recommend', type: 'nps', prompt: { en: 'Recommend?' } },
  { id: 'recommend-friend', type: 'nps', prompt: { en: 'Recommend to a friend?' } },
  { id: 'booking-ease', type: 'rating', prompt: { en: 'Booking' }, touchpoint: 'booking' },
])

const responses = fc.array(
  fc.record(
    {
      recommend: fc.integer({ min: 0, max: 10 }),
      'recommend-friend': fc.integer({ min: 0, max: 10 }),
      'booking-ease': fc.integer({ min: 1, max: 5 }),
    },
    { requiredKeys: [] },
  ),
  { maxLength: 60 },
)

describe('histograms', () => {
  it('sums each counter over the records merged, and merges nothing to {}', () => {
    const counts = fc.dictionary(
      fc.constantFrom('responses', 'q.a.v.1', 'q.a.v.2', 'tp.b.v.5'),
      fc.nat(1000),
    )
    fc.assert(
      fc.property(fc.array(counts, { maxLength: 6 }), (records) => {
        const merged = mergeCounters(records)
        for (const name of new Set(records.flatMap((record) => Object.keys(record)))) {
          expect(merged[name]).toBe(records.reduce((sum, record) => sum + (record[name] ?? 0), 0))
        }
        expect(Object.keys(merged).length).toBe(new Set(records.flatMap(Object.keys)).size)
      }),
    )
    expect(mergeCounters([])).toEqual({})
  })

  it('gives the same counters for two periods merged as for all their responses at once', () => {
    fc.assert(
      fc.property(responses, fc.nat(), (all, cut) => {
        const at = all.length === 0 ? 0 : cut % (all.length + 1)
        const periods = [
          countersFrom(survey, all.slice(0, at)),
          countersFrom(survey, all.slice(at)),
        ]
        expect(mergeCounters(periods)).toEqual(countersFrom(survey, all))
      }),
    )
  })

  it("extracts exactly one question's answers, not those of a question whose id starts alike", () => {
    fc.assert(
      fc.property(responses, (all) => {
        const counters = countersFrom(survey, all)
        const given = (id: 'recommend' | 'recommend-friend' | 'booking-ease') =>
          all.flatMap((answers) => (answers[id] === undefined ? [] : [answers[id]]))
        expect(questionHistogram(counters, 'recommend')).toEqual(histogramOf(given('recommend')))
        expect(questionHistogram(counters, 'recommend-friend')).toEqual(
          histogramOf(given('recommend-friend')),
        )
        expect(touchpointHistogram(counters, 'booking')).toEqual(histogramOf(given('booking-ease')))
      }),
    )
  })

  it('lists the touch points that have answers', () => {
    expect(
      touchpointIds({ 'tp.visit.v.4': 1, 'tp.booking.n': 2, 'tp.booking.v.5': 2, 'q.x.v.1': 1 }),
    ).toEqual(['booking', 'visit'])
    expect(touchpointIds({ responses: 3 })).toEqual([])
  })

  it('counts chosen values and keeps only the values of a scale', () => {
    expect(countOf({ '9': 2, '10': 1, '4': 1 }, [9, 10])).toBe(3)
    expect(countOf({ '9': 2, '10': 1, '4': 1 })).toBe(4)
    expect(countOf({}, [1])).toBe(0)
    expect(pick({ '5': 2, '7': 1, x: 4 }, [1, 2, 3, 4, 5])).toEqual({ '5': 2 })
  })
})
