import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { surveyTemplates } from '../../../../workshops'
import { summarize } from '../../../../functions/src/domain/analytics/summary'
import { counterIncrements, type CommentReading } from '../../../../functions/src/domain/counters'
import { mergeCounters } from '../../../../functions/src/domain/metrics'
import { SurveyDefinition } from '../../../../functions/src/domain/surveys'

function template(id: string): SurveyDefinition {
  const {
    id: _id,
    description: _d,
    minutes: _m,
    everyTouchpoint: _e,
    ...definition
  } = surveyTemplates.find((t) => t.id === id)!
  return SurveyDefinition.parse(definition)
}
const pulse = template('visit-pulse')
const cahps = template('cg-cahps-visit')
const journey = ['booking', 'check-in', 'visit', 'records', 'billing', 'follow-up']

const rating = fc.integer({ min: 1, max: 5 })
const pulseAnswer = fc.record({
  recommend: fc.integer({ min: 0, max: 10 }),
  booking: rating,
  'check-in': rating,
  visit: rating,
})
const reading = fc.option(
  fc.record({
    sentiment: fc.record({
      label: fc.constantFrom('positive' as const, 'neutral' as const, 'negative' as const),
      score: fc.constant(0),
    }),
    themes: fc.subarray(['wait-time', 'billing-cost', 'staff-courtesy']),
  }),
  { nil: undefined },
)
const responses = fc.array(fc.tuple(pulseAnswer, reading), { maxLength: 120 })

const countersOf = (all: [Record<string, number>, CommentReading | undefined][]) =>
  mergeCounters(all.map(([answers, comment]) => counterIncrements(pulse, answers, comment)))

describe('summarize', () => {
  it('agrees with a count over the raw answers', () => {
    fc.assert(
      fc.property(responses, (all) => {
        const summary = summarize(countersOf(all), {}, { touchpoints: journey, minimum: 30 })
        const scores = all.map(([answers]) => answers.recommend)
        const promoters = scores.filter((s) => s >= 9).length
        const detractors = scores.filter((s) => s <= 6).length
        expect(summary.responses).toBe(all.length)
        expect(summary.nps).toMatchObject({ n: all.length, promoters, detractors })
        if (all.length) {
          expect(summary.nps.score).toBeCloseTo((100 * (promoters - detractors)) / all.length, 9)
        }
        const checkIn = all.map(([answers]) => answers['check-in'])
        const checkInScore = summary.touchpoints.find((t) => t.touchpoint === 'check-in')!
        expect(checkInScore.n).toBe(checkIn.length)
        expect(checkInScore.topBox).toBe(
          checkIn.length ? checkIn.filter((r) => r >= 4).length / checkIn.length : null,
        )
        // Touch points nobody rated are still listed, in journey order.
        expect(summary.touchpoints.map((t) => t.touchpoint)).toEqual(journey)
        expect(summary.touchpoints.at(-1)!.n).toBe(0)
        const comments = all.flatMap(([, comment]) => (comment ? [comment] : []))
        expect(summary.comments.n).toBe(comments.length)
        expect(summary.comments.negative).toBe(
          comments.filter((c) => c.sentiment.label === 'negative').length,
        )
        const waits = comments.filter((c) => c.themes.includes('wait-time'))
        expect(summary.comments.themes.find((t) => t.theme === 'wait-time')?.n ?? 0).toBe(
          waits.length,
        )
      }),
    )
  })

  it('lists a touch point that fell beyond chance as needing attention, and not one that held', () => {
    const repeat = (answers: Record<string, number>, times: number) =>
      Array.from({ length: times }, () => counterIncrements(pulse, answers))
    const before = mergeCounters([
      ...repeat({ recommend: 9, booking: 5, 'check-in': 5 }, 60),
      ...repeat({ recommend: 9, booking: 4, 'check-in': 2 }, 10),
    ])
    const now = mergeCounters([
      ...repeat({ recommend: 9, booking: 5, 'check-in': 2 }, 40),
      ...repeat({ recommend: 9, booking: 4, 'check-in': 5 }, 30),
    ])
    const summary = summarize(now, before, { touchpoints: journey, minimum: 30 })
    expect(summary.needsAttention).toEqual(['check-in'])
    const checkIn = summary.touchpoints.find((t) => t.touchpoint === 'check-in')!
    expect(checkIn.change).toMatchObject({ direction: 'down', significant: true })
    expect(summary.touchpoints.find((t) => t.touchpoint === 'booking')!.change.significant).toBe(
      false,
    )
  })

  it('scores CAHPS composites and the provider rating from any mix of surveys', () => {
    const counters = mergeCounters([
      counterIncrements(cahps, {
        'urgent-contact': false,
        'routine-contact': true,
        'routine-appointment': 'always',
        'question-contact': false,
        'explained-clearly': 'always',
        listened: 'usually',
        'provider-rating': 10,
      }),
      counterIncrements(pulse, { recommend: 10, visit: 5 }),
    ])
    const summary = summarize(counters, {}, { touchpoints: journey, minimum: 1 })
    const access = summary.composites.find((c) => c.composite === 'access')!
    expect(access).toMatchObject({ n: 1, score: 1 })
    const communication = summary.composites.find((c) => c.composite === 'provider-communication')!
    expect(communication.score).toBeCloseTo(0.5, 12)
    expect(summary.providerRating).toMatchObject({ n: 1, k: 1, share: 1 })
    // The pulse asked no CAHPS item: it adds to NPS, not to the composites.
    expect(summary.nps.n).toBe(1)
  })
})
