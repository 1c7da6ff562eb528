import { describe, expect, it } from 'vitest'
import {
  meanStars,
  reviewFigures,
  reviewText,
  starHistogram,
} from '../../../../functions/src/domain/reviews/figures'

/** The textbook way, from the list of ratings itself: mean ± 1.96·s/√n with s over n − 1. */
function fromRatings(ratings: number[]) {
  const n = ratings.length
  const mean = ratings.reduce((a, b) => a + b, 0) / n
  const s = Math.sqrt(ratings.reduce((a, r) => a + (r - mean) ** 2, 0) / (n - 1))
  const half = (1.959964 * s) / Math.sqrt(n)
  return { mean, low: mean - half, high: mean + half }
}

const histogramOf = (ratings: number[]) => {
  const stars = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }
  for (const r of ratings) stars[r as 1 | 2 | 3 | 4 | 5] += 1
  return stars
}

describe('meanStars', () => {
  it('gives the mean and the normal 95% interval with the sample variance', () => {
    const ratings = [5, 5, 4, 1, 3, 5, 2, 4, 4, 5, 1, 5]
    const want = fromRatings(ratings)
    const got = meanStars(histogramOf(ratings))
    expect(got.n).toBe(12)
    expect(got.mean).toBeCloseTo(want.mean, 12)
    expect(got.interval?.[0]).toBeCloseTo(want.low, 12)
    expect(got.interval?.[1]).toBeCloseTo(want.high, 12)
  })

  it('keeps the interval within 1..5 stars', () => {
    const got = meanStars(histogramOf([5, 5, 5, 4]))
    expect(fromRatings([5, 5, 5, 4]).high).toBeGreaterThan(5)
    expect(got.interval?.[1]).toBe(5)
    expect(meanStars(histogramOf([1, 1, 1, 2])).interval?.[0]).toBe(1)
  })

  it('has no interval for one rating and no mean for none', () => {
    expect(meanStars(histogramOf([4]))).toEqual({ n: 1, mean: 4, interval: null })
    expect(meanStars(histogramOf([]))).toEqual({ n: 0, mean: null, interval: null })
  })

  it('collapses to the mean when every rating is the same', () => {
    expect(meanStars(histogramOf([3, 3, 3]))).toEqual({ n: 3, mean: 3, interval: [3, 3] })
  })
})

describe('reviewFigures', () => {
  const counters = {
    reviews: 5,
    'stars.n': 3,
    'stars.v.5': 2,
    'stars.v.2': 1,
    'stars.sum': 12,
    'rec.positive': 1,
    'rec.negative': 1,
  }

  it('counts recommendations in count but not in the average or the histogram', () => {
    const figures = reviewFigures(counters, { minimum: 3 })
    expect(figures).toMatchObject({
      count: 5,
      rated: 3,
      average: 4,
      stars: { 1: 0, 2: 1, 3: 0, 4: 0, 5: 2 },
      recommendations: { positive: 1, negative: 1 },
      enough: true,
    })
  })

  it('is not enough below the practice minimum of rated reviews', () => {
    expect(reviewFigures(counters, { minimum: 4 }).enough).toBe(false)
    expect(reviewFigures({}, { minimum: 0 }).enough).toBe(false)
  })

  it('reads the histogram from the stars.v names only', () => {
    expect(starHistogram({ 'stars.v.3': 2, 'stars.sum': 6, 'q.x.v.3': 9 })).toEqual({
      1: 0,
      2: 0,
      3: 2,
      4: 0,
      5: 0,
    })
  })
})

describe('reviewText', () => {
  it('gives sentiment counts and themes with their negative share, most mentioned first', () => {
    const text = reviewText({
      'text.n': 4,
      'sent.positive': 2,
      'sent.negative': 2,
      'th.wait.n': 3,
      'th.wait.neg': 2,
      'th.staff.n': 1,
      'th.gone.n': 0,
    })
    expect(text).toEqual({
      n: 4,
      positive: 2,
      neutral: 0,
      negative: 2,
      themes: [
        { theme: 'wait', n: 3, negative: 2, negativeShare: 2 / 3 },
        { theme: 'staff', n: 1, negative: 0, negativeShare: 0 },
      ],
    })
  })
})
