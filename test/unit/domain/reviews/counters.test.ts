import { describe, expect, it } from 'vitest'
import {
  counterMoves,
  reviewIncrements,
  reviewScope,
  reviewScopes,
  type CountedReview,
} from '../../../../functions/src/domain/reviews/counters'

const base: CountedReview = {
  week: '2026-11-16',
  month: '2026-11',
  source: 'google',
  locationId: 'loc1',
  stars: 5,
  sentiment: { label: 'positive', score: 0.6 },
  themes: ['staff'],
  removed: false,
}

describe('reviewIncrements', () => {
  it('counts stars, their histogram and the text reading', () => {
    expect(reviewIncrements(base)).toEqual({
      reviews: 1,
      'stars.n': 1,
      'stars.v.5': 1,
      'stars.sum': 5,
      'text.n': 1,
      'sent.positive': 1,
      'th.staff.n': 1,
    })
  })

  it('counts a negative theme as negative', () => {
    const negative = { ...base, stars: 1, sentiment: { label: 'negative' as const, score: -0.5 } }
    expect(reviewIncrements(negative)).toMatchObject({ 'th.staff.n': 1, 'th.staff.neg': 1 })
  })

  it('keeps a recommendation out of the stars', () => {
    const increments = reviewIncrements({ ...base, recommendation: 'negative', stars: 1 })
    expect(increments['rec.negative']).toBe(1)
    expect(increments['stars.n']).toBeUndefined()
  })

  it('counts nothing for a removed review', () => {
    expect(reviewIncrements({ ...base, removed: true })).toEqual({})
  })
})

describe('scopes', () => {
  it('moves the practice, the source, the location and both', () => {
    expect(reviewScopes(base)).toEqual(['all', 'S#google', 'L#loc1', 'L#loc1#S#google'])
    expect(reviewScopes({ source: 'yelp' })).toEqual(['all', 'S#yelp'])
  })

  it('reads the one scope a filter names', () => {
    expect(reviewScope({})).toBe('all')
    expect(reviewScope({ locationId: 'a', source: 'yelp' })).toBe('L#a#S#yelp')
  })
})

describe('counterMoves', () => {
  it('adds everything for a new review: 2 periods × 4 scopes', () => {
    const moves = counterMoves(undefined, base)
    expect(moves).toHaveLength(8)
    expect(moves.every((move) => move.add.reviews === 1)).toBe(true)
  })

  it('moves only the stars of an edit from 5 to 1', () => {
    const [week] = counterMoves(base, { ...base, stars: 1 })
    expect(week!.add).toEqual({ 'stars.v.5': -1, 'stars.v.1': 1, 'stars.sum': -4 })
  })

  it('moves nothing when nothing counted changed', () => {
    expect(counterMoves(base, { ...base })).toEqual([])
  })

  it('takes a review out of its old week and into its new one', () => {
    const moves = counterMoves(base, { ...base, week: '2026-11-23' })
    const weeks = moves.filter((move) => move.period === 'W' && move.scope === 'all')
    expect(weeks.map((move) => [move.start, move.add.reviews])).toEqual([
      ['2026-11-16', -1],
      ['2026-11-23', 1],
    ])
    expect(moves.filter((move) => move.period === 'M')).toEqual([])
  })

  it('takes everything out when a review is removed', () => {
    const moves = counterMoves(base, { ...base, removed: true })
    expect(moves).toHaveLength(8)
    expect(moves[0]!.add.reviews).toBe(-1)
  })
})
