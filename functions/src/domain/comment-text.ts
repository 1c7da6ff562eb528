import type { Answers } from './answers'
import type { Question } from './surveys'

/** How quotes join a response's answers: on one line, each still telling where it starts. */
export const quoteSeparator = ' · '

/** A free-text answer of a response, with the question it answers. */
export interface CommentPart {
  question: Question
  text: string
}

/**
 * A response's free-text answers, in question order, trimmed; blank ones are left out. The one
 * place that decides what a response's comment is, so the text read for sentiment, quoted on the
 * dashboard and pinned to a board is the same.
 *
 * @example
 * commentParts(pulse.questions, { recommend: 9, improve: ' Parking. ' }).map((part) => part.text)
 * // ['Parking.']
 */
export function commentParts(questions: readonly Question[], answers: Answers): CommentPart[] {
  return questions.flatMap((question) => {
    const answer = question.type === 'text' ? answers[question.id] : undefined
    return typeof answer === 'string' && answer.trim() !== ''
      ? [{ question, text: answer.trim() }]
      : []
  })
}

/**
 * A response's comment: its free-text answers joined, or '' when it has none.
 *
 * @example
 * commentText(cahps.questions, answers) // 'Long wait. · The nurse was kind.'
 * commentText(cahps.questions, answers, '\n') // as the comment reader reads it
 */
export function commentText(
  questions: readonly Question[],
  answers: Answers,
  separator: string = quoteSeparator,
): string {
  return commentParts(questions, answers)
    .map((part) => part.text)
    .join(separator)
}
