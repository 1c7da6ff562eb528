import type { Answer, Answers, Question } from './types'

/**
 * Skip logic as the patient goes, the same rule the server checks (functions/src/domain/answers.ts):
 * a yes/no question whose answer equals its `skip.when` jumps to `skip.to`, or past the end.
 * Returns the questions this patient will actually see, given the answers so far; a question not
 * yet answered skips nothing.
 */
export function pathOf(questions: readonly Question[], answers: Answers): Question[] {
  const path: Question[] = []
  let skipUntil: string | null = null
  for (const question of questions) {
    if (skipUntil !== null) {
      if (question.id !== skipUntil) continue
      skipUntil = null
    }
    path.push(question)
    if (question.type === 'yesno' && question.skip && answers[question.id] === question.skip.when) {
      if (question.skip.to === 'end') break
      skipUntil = question.skip.to
    }
  }
  return path
}

/** Whether an answer counts as given (blank text and an empty choice list do not). */
export function isAnswered(value: Answer | undefined): boolean {
  if (value === undefined) return false
  if (typeof value === 'string') return value.trim() !== ''
  if (Array.isArray(value)) return value.length > 0
  return true
}

/**
 * What is sent: answers to the questions on this patient's path only (skipped questions must be
 * absent), text trimmed, and nothing for questions left blank.
 */
export function answersToSend(questions: readonly Question[], answers: Answers): Answers {
  const sent: Answers = {}
  for (const question of pathOf(questions, answers)) {
    const value = answers[question.id]
    if (value === undefined || !isAnswered(value)) continue
    sent[question.id] = typeof value === 'string' ? value.trim() : value
  }
  return sent
}
