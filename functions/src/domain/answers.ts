import { Id } from './practice'
import type { Question, SurveyDefinition } from './surveys'

export type Answer = number | boolean | string | string[]
export type Answers = Record<string, Answer>

export interface AnswerProblem {
  /** The question the problem is about (or the unknown id that was sent). */
  questionId: string
  message: string
}

export type Checked =
  { ok: true; answers: Answers; skipped: string[] } | { ok: false; problems: AnswerProblem[] }

/**
 * Check a respondent's answers against the exact version they answered: known questions only,
 * each of its type and range, required ones present unless skip logic passed them by, and nothing
 * answered that skip logic passed by. Text is trimmed; an empty text counts as no answer.
 */
export function checkAnswers(survey: SurveyDefinition, given: Record<string, unknown>): Checked {
  const problems: AnswerProblem[] = []
  const byId = new Map(survey.questions.map((question) => [question.id, question]))
  for (const id of Object.keys(given)) {
    if (!byId.has(id)) problems.push({ questionId: id, message: 'No such question in this survey' })
  }

  const answers: Answers = {}
  const skipped: string[] = []
  let skipUntil: string | undefined
  for (const question of survey.questions) {
    if (skipUntil !== undefined) {
      if (question.id === skipUntil) skipUntil = undefined
      else {
        skipped.push(question.id)
        if (present(given[question.id])) {
          problems.push({
            questionId: question.id,
            message: 'This question was skipped, so it takes no answer',
          })
        }
        continue
      }
    }
    const raw = given[question.id]
    if (!present(raw)) {
      if (question.required)
        problems.push({ questionId: question.id, message: 'An answer is required' })
      continue
    }
    const checked = checkOne(question, raw)
    if ('problem' in checked) {
      problems.push({ questionId: question.id, message: checked.problem })
      continue
    }
    answers[question.id] = checked.value
    if (question.type === 'yesno' && question.skip && checked.value === question.skip.when) {
      skipUntil = question.skip.to === 'end' ? '\u0000end' : question.skip.to
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers, skipped }
}

function present(value: unknown): boolean {
  if (value === undefined || value === null) return false
  if (typeof value === 'string') return value.trim() !== ''
  if (Array.isArray(value)) return value.length > 0
  return true
}

type CheckedOne = { value: Answer } | { problem: string }

/** The normalised answer, or what is wrong with it. */
function checkOne(question: Question, value: unknown): CheckedOne {
  switch (question.type) {
    case 'nps':
      return integerIn(value, 0, 10)
    case 'rating':
      return integerIn(value, question.min, question.max)
    case 'yesno':
      return typeof value === 'boolean'
        ? { value }
        : { problem: 'Expected yes (true) or no (false)' }
    case 'single': {
      if (typeof value !== 'string') return { problem: 'Expected one of the options' }
      return question.options.some((option) => option.value === value)
        ? { value }
        : { problem: 'Not one of the options' }
    }
    case 'multi': {
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
        return { problem: 'Expected a list of options' }
      }
      const unique = [...new Set(value as string[])]
      if (unique.some((item) => !question.options.some((option) => option.value === item))) {
        return { problem: 'Not one of the options' }
      }
      if (question.maxChoices && unique.length > question.maxChoices) {
        return { problem: `Choose at most ${question.maxChoices}` }
      }
      return { value: unique }
    }
    case 'provider':
      // Which providers exist is the store's to say; here only the shape of an id.
      return Id.safeParse(value).success && typeof value === 'string'
        ? { value }
        : { problem: 'Expected one of the providers' }
    case 'text': {
      if (typeof value !== 'string') return { problem: 'Expected text' }
      const text = value.trim()
      return text.length > question.maxLength
        ? { problem: `Keep it under ${question.maxLength} characters` }
        : { value: text }
    }
  }
}

// Messages never quote what was sent: it may be a patient's own words.
function integerIn(value: unknown, min: number, max: number): CheckedOne {
  const valid = typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
  return valid ? { value } : { problem: `Expected a whole number from ${min} to ${max}` }
}
