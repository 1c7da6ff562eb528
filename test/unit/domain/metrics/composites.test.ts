import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Answers } from '../../../../functions/src/domain/answers'
import {
  compositeScores,
  providerRating,
  wilsonInterval,
} from '../../../../functions/src/domain/metrics'
import { countersFrom, frequency, frequencyOptions, near, surveyOf } from './fixtures'

const single = (id: string, composite: string, topBox: string[]) => ({
  id,
  type: 'single' as const,
  prompt: { en: id },
  options: frequencyOptions,
  composite: composite as 'access',
  topBox,
})

const survey = surveyOf([
  { id: 'urgent-contact', type: 'yesno', prompt: { en: 'Urgent?' } },
  single('urgent-appointment', 'access', ['always']),
  single('routine-appointment', 'access', ['always']),
  {
    id: 'same-day',
    type: 'yesno',
    prompt: { en: 'Same day?' },
    composite: 'access',
    topBox: [true],
  },
  single('staff-helpful', 'office-staff', ['usually', 'always']),
  single('staff-courteous', 'office-staff', ['always']),
  // No top box defined: cannot be scored, so it must not drag the composite to 0.
  single('explained', 'provider-communication', []),
  {
    id: 'listened',
    type: 'rating',
    prompt: { en: 'Listened' },
    composite: 'provider-communication',
  },
  {
    id: 'rating',
    type: 'rating',
    min: 0,
    max: 10,
    measure: 'provider-rating',
    prompt: { en: 'Rate' },
  },
])

/** What the CAHPS method says each composite item should score, read off the raw answers. */
const items: Record<string, { id: string; top: (answer: Answers[string]) => boolean }[]> = {
  access: [
    { id: 'urgent-appointment', top: (a) => a === 'always' },
    { id: 'routine-appointment', top: (a) => a === 'always' },
    { id: 'same-day', top: (a) => a === true },
  ],
  'office-staff': [
    { id: 'staff-helpful', top: (a) => a === 'usually' || a === 'always' },
    { id: 'staff-courteous', top: (a) => a === 'always' },
  ],
  'provider-communication': [{ id: 'listened', top: (a) => (a as number) >= 4 }],
}

const often = fc.constantFrom(...frequency)
const responses = fc.array(
  fc.record(
    {
      'urgent-contact': fc.boolean(),
      'urgent-appointment': often,
      'routine-appointment': often,
      'same-day': fc.boolean(),
      'staff-helpful': often,
      'staff-courteous': often,
      explained: often,
      listened: fc.integer({ min: 1, max: 5 }),
      rating: fc.integer({ min: 0, max: 10 }),
    },
    { requiredKeys: [] }, // skip logic and unanswered optional questions leave gaps
  ),
  { maxLength: 80 },
)

describe('compositeScores', () => {
  it('averages item top-box shares over answered items, as computed from the raw answers', () => {
    fc.assert(
      fc.property(responses, (all) => {
        const scores = compositeScores(countersFrom(survey, all))
        const answeredItems = (composite: string) =>
          items[composite]!.filter(({ id }) =>
            all.some((answers: Answers) => answers[id] !== undefined),
          )
        // Composites with any answered item, in the CAHPS order.
        expect(scores.map((s) => s.composite)).toEqual(
          ['access', 'provider-communication', 'office-staff'].filter(
            (composite) => answeredItems(composite).length > 0,
          ),
        )
        for (const score of scores) {
          const expected = answeredItems(score.composite)
            .sort((a, b) => a.id.localeCompare(b.id))
            .map(({ id, top }) => {
              const answered = all.flatMap((answers: Answers) =>
                answers[id] === undefined ? [] : [answers[id]],
              )
              return { id, n: answered.length, k: answered.filter(top).length }
            })
          expect(score.items.map((item) => [item.questionId, item.n, item.k])).toEqual(
            expected.map(({ id, n, k }) => [id, n, k]),
          )
          const shares = expected.filter((e) => e.n > 0).map((e) => e.k / e.n)
          expect(score.n).toBe(Math.max(0, ...expected.map((e) => e.n)))
          if (shares.length === 0) expect(score.score).toBeNull()
          else {
            expect(near(score.score, shares.reduce((a, b) => a + b, 0) / shares.length)).toBe(true)
            // A mean of shares lies between the lowest and highest share.
            expect(score.score).toBeGreaterThanOrEqual(Math.min(...shares) - 1e-12)
            expect(score.score).toBeLessThanOrEqual(Math.max(...shares) + 1e-12)
          }
        }
      }),
    )
  })

  it('weighs items equally, not by how many answered them', () => {
    // 3 of 4 always on one item, 1 of 2 on the other: (0.75 + 0.5) / 2, not 4 of 6.
    const counters = countersFrom(survey, [
      { 'urgent-appointment': 'always', 'routine-appointment': 'always' },
      { 'urgent-appointment': 'always', 'routine-appointment': 'never' },
      { 'urgent-appointment': 'always' },
      { 'urgent-appointment': 'usually' },
    ])
    const access = compositeScores(counters)[0]!
    expect(access.score).toBeCloseTo(0.625, 12)
    expect(access.n).toBe(4)
    // Nobody answered same-day: it has no share, so it takes no part in the mean.
    expect(access.items.find((i) => i.questionId === 'same-day')).toBeUndefined()
  })

  it('has no composites without answers, and never scores an item that has no top box', () => {
    expect(compositeScores({})).toEqual([])
    const counters = countersFrom(survey, [{ explained: 'always', listened: 5 }])
    const communication = compositeScores(counters).find(
      (s) => s.composite === 'provider-communication',
    )!
    // "explained" has no top box defined: counted nowhere, so the composite is listened's 1 of 1.
    expect(communication.items.map((i) => i.questionId)).toEqual(['listened'])
    expect(communication.score).toBe(1)
  })
})

describe('providerRating', () => {
  it('is the share of 9s and 10s among the raw 0-10 answers, with its Wilson interval', () => {
    fc.assert(
      fc.property(responses, (all) => {
        const raw = all.flatMap((answers) => (answers.rating === undefined ? [] : [answers.rating]))
        const top = raw.filter((a) => a >= 9).length
        const result = providerRating(countersFrom(survey, all))
        expect(result).toMatchObject({ n: raw.length, k: top })
        expect(result.share).toBe(raw.length === 0 ? null : top / raw.length)
        expect(result.interval).toEqual(wilsonInterval(top, raw.length))
      }),
    )
  })

  it('has no share when the survey asked no provider rating', () => {
    const counters = countersFrom(surveyOf([{ id: 'x', type: 'rating', prompt: { en: 'X' } }]), [
      { x: 5 },
    ])
    expect(providerRating(counters)).toMatchObject({ n: 0, k: 0, share: null })
  })
})
