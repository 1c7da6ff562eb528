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
  /** Questions whose answers the server refused, each shown with why until answered again. */
  refused = $state<string[]>([])

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
    if (this.refused.includes(questionId)) {
      this.refused = this.refused.filter((id) => id !== questionId)
    }
  }

  /** Moves on unless the question is required and unanswered; 'end' after the last question. */
  next(): 'moved' | 'blocked' | 'end' {
    const question = this.current
    if (!question) return 'end'
    if (question.required && !isAnswered(this.answers[question.id])) {
      this.problem = 'required'
      return 'blocked'
    }
    const following = this.path[this.index + 1]
    if (!following) {
      this.problem = null
      return 'end'
    }
    this.#arrive(following.id)
    return 'moved'
  }

  back(): boolean {
    const previous = this.path[this.index - 1]
    if (!previous) return false
    this.#arrive(previous.id)
    return true
  }

  /**
   * Goes to a question of the path (the browser's Back and Forward), but never past a required
   * question left unanswered: that one is shown instead, saying why. Returns where it went.
   */
  goTo(questionId: string): string {
    const target = this.path.findIndex((question) => question.id === questionId)
    if (target < 0) return this.currentId
    const blocking = this.path
      .slice(0, target)
      .find((question) => question.required && !isAnswered(this.answers[question.id]))
    if (blocking) {
      this.#arrive(blocking.id)
      this.problem = 'required'
    } else this.#arrive(questionId)
    return this.currentId
  }

  /** Shows one question again, e.g. the one the server refused, with why. */
  show(questionId: string, problem: Problem | null = null): void {
    this.currentId = questionId
    this.problem = problem
  }

  /** The server refused these answers: each question says so when shown; the first is shown now. */
  refuse(questionIds: readonly string[]): void {
    this.refused = this.path.filter((q) => questionIds.includes(q.id)).map((q) => q.id)
    const first = this.refused[0]
    if (first) this.show(first, 'invalid')
  }

  restart(): void {
    this.answers = {}
    this.problem = null
    this.refused = []
    this.currentId = this.survey.questions[0]?.id ?? ''
  }

  #arrive(questionId: string): void {
    this.currentId = questionId
    this.problem = this.refused.includes(questionId) ? 'invalid' : null
  }
}
