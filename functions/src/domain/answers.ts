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
    if (typeof checked === 'string') {
      problems.push({ questionId: question.id, message: checked })
      continue
    }
    answers[question.id] = checked
    if (question.type === 'yesno' && question.skip && checked === question.skip.when) {
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

/** The normalised answer, or a message saying what is wrong with it. */
function checkOne(question: Question, value: unknown): Answer | string {
  switch (question.type) {
    case 'nps':
      return integerIn(value, 0, 10)
    case 'rating':
      return integerIn(value, question.min, question.max)
    case 'yesno':
      return typeof value === 'boolean' ? value : 'Expected yes (true) or no (false)'
    case 'single': {
      if (typeof value !== 'string') return 'Expected one of the options'
      return question.options.some((option) => option.value === value)
        ? value
        : `"${clip(value)}" is not one of the options`
    }
    case 'multi': {
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
        return 'Expected a list of options'
      }
      const unique = [...new Set(value as string[])]
      const unknown = unique.find(
        (item) => !question.options.some((option) => option.value === item),
      )
      if (unknown !== undefined) return `"${clip(unknown)}" is not one of the options`
      if (question.maxChoices && unique.length > question.maxChoices) {
        return `Choose at most ${question.maxChoices}`
      }
      return unique
    }
    case 'text': {
      if (typeof value !== 'string') return 'Expected text'
      const text = value.trim()
      return text.length > question.maxLength
        ? `Keep it under ${question.maxLength} characters`
        : text
    }
  }
}

function integerIn(value: unknown, min: number, max: number): number | string {
  if (typeof value !== 'number' || !Number.isInteger(value))
    return `Expected a whole number from ${min} to ${max}`
  return value >= min && value <= max ? value : `Expected a whole number from ${min} to ${max}`
}

/** Never echo much of what a patient typed back into an error (it may reach a log or a screen). */
function clip(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text
}
