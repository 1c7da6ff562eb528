import type { Answers } from './answers'
import type { CommentReading } from './counters'
import type { Language } from './practice'
import { analyzeComment } from './sentiment'
import type { SurveyDefinition } from './surveys'

/**
 * How a response's free text reads, once, as it is accepted: the sentiment and themes stored on
 * the response and added to its counters. Several text answers are read as one comment; a response
 * without text has no reading (and counts toward no sentiment).
 *
 * @example
 * readComment(pulse, { recommend: 4, improve: 'Waited an hour and nobody said why' }, 'en')
 * // { sentiment: { label: 'negative', score: -0.6 }, themes: ['wait-time'] }
 */
export function readComment(
  survey: SurveyDefinition,
  answers: Answers,
  language: Language,
): CommentReading | undefined {
  const text = survey.questions
    .filter((question) => question.type === 'text')
    .map((question) => answers[question.id])
    .filter((answer): answer is string => typeof answer === 'string' && answer.trim() !== '')
    .join('\n')
  if (!text) return undefined
  const { sentiment, themes } = analyzeComment(text, language)
  return { sentiment, themes }
}
