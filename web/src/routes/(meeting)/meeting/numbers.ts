import type { ReviewAnalytics, Summary } from '$lib/api-analytics'
import type { Language } from '$lib/api'
import { npsPoints, oneDecimal, percent, uncertainty, type MeetingWords } from './meeting-words'

/** One figure as the room reads it: the value, and under it its uncertainty or why there is none. */
export interface FigureText {
  /** Null when there are not enough answers for a number. */
  value: string | null
  detail: string
}

export interface Period {
  summary: Summary
  reviews: ReviewAnalytics | null
}

/** "+42" with "likely between 30 and 54, 88 answers", or "Not enough answers yet". */
export function npsFigure(period: Period, words: MeetingWords): FigureText {
  const { nps, minimum } = period.summary
  if (!nps.enough || nps.score === null)
    return { value: null, detail: `${words.notEnough} (${words.shortOf(nps.n, minimum)})` }
  return {
    value: npsPoints(nps.score),
    detail: uncertainty(words, nps.interval, npsPoints, words.answers(nps.n)),
  }
}

/** The touch point with the lowest top-box share among those with enough answers. */
export function weakestFigure(
  period: Period,
  names: ReadonlyMap<string, string>,
  words: MeetingWords,
): FigureText {
  const rated = period.summary.touchpoints.filter((t) => t.enough && t.topBox !== null)
  const weakest = rated.sort((a, b) => (a.topBox ?? 0) - (b.topBox ?? 0))[0]
  if (!weakest) return { value: null, detail: words.notEnough }
  return {
    value: names.get(weakest.touchpoint) ?? weakest.touchpoint,
    detail: `${words.ratedTopBox(percent(weakest.topBox!))}, ${uncertainty(
      words,
      weakest.topBoxInterval,
      percent,
      words.answers(weakest.n),
    )}`,
  }
}

/** Mean stars with their interval, or "Not enough reviews yet". */
export function reviewsFigure(period: Period, words: MeetingWords, language: Language): FigureText {
  const reviews = period.reviews
  if (!reviews) return { value: null, detail: words.loadFailed }
  if (!reviews.enough || reviews.average === null)
    return {
      value: null,
      detail: `${words.notEnoughReviews} (${words.shortOf(reviews.rated, reviews.minimum)})`,
    }
  const stars = (value: number) => oneDecimal(value, language)
  return {
    value: words.stars(stars(reviews.average)),
    detail: uncertainty(words, reviews.averageInterval, stars, words.reviewCount(reviews.rated)),
  }
}
