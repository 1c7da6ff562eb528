import { isAnswered, pathOf } from './flow'
import { strings, type Strings } from './strings'
import type { Answer, Answers, Language, PublicSurvey, Question } from './types'

export type Problem = 'required' | 'invalid'

/**
 * Where a patient is in a survey: the answers so far, the question on screen and the language.
 * Shared by the patient page and the staff preview; saving and sending belong to the patient page.
 *
 * @example
 * const flow = new SurveyFlow(survey, 'es')
 * flow.answer('recommend', 9)
 * flow.next() // 'moved'
 */
export class SurveyFlow {
  readonly survey: PublicSurvey
  answers = $state<Answers>({})
  currentId = $state<string>('')
  language = $state<Language>('en')
  /** Why the current question cannot be left yet (shown under it), if it cannot. */
  problem = $state<Problem | null>(null)

  /** The questions this patient will see, given skip logic and the answers so far. */
  readonly path = $derived.by(() => pathOf(this.survey.questions, this.answers))
  readonly index = $derived(
    Math.max(
      0,
      this.path.findIndex((question) => question.id === this.currentId),
    ),
  )
  readonly current = $derived<Question | undefined>(this.path[this.index])
  readonly isFirst = $derived(this.index === 0)
  readonly isLast = $derived(this.index === this.path.length - 1)
  readonly text = $derived<Strings>(strings[this.language])

  constructor(survey: PublicSurvey, language: Language) {
    this.survey = survey
    this.language = language
    this.currentId = survey.questions[0]?.id ?? ''
  }

  answer(questionId: string, value: Answer | undefined): void {
    if (value === undefined) delete this.answers[questionId]
    else this.answers[questionId] = value
    // A fresh answer to the question on screen settles what was said about it.
    if (questionId === this.currentId && isAnswered(value)) this.problem = null
  }

  /** Moves on unless the question is required and unanswered; 'end' after the last question. */
  next(): 'moved' | 'blocked' | 'end' {
    const question = this.current
    if (!question) return 'end'
    if (question.required && !isAnswered(this.answers[question.id])) {
      this.problem = 'required'
      return 'blocked'
    }
    this.problem = null
    const following = this.path[this.index + 1]
    if (!following) return 'end'
    this.currentId = following.id
    return 'moved'
  }

  back(): boolean {
    const previous = this.path[this.index - 1]
    if (!previous) return false
    this.problem = null
    this.currentId = previous.id
    return true
  }

  /** Shows one question again, e.g. the one the server refused, with why. */
  show(questionId: string, problem: Problem | null = null): void {
    this.currentId = questionId
    this.problem = problem
  }

  restart(): void {
    this.answers = {}
    this.problem = null
    this.currentId = this.survey.questions[0]?.id ?? ''
  }
}
