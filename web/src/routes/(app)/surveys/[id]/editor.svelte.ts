import { tick } from 'svelte'
import { SvelteSet } from 'svelte/reactivity'
import type { Language } from '$lib/api'
import type { Localized, QuestionType, SurveyDefinition } from '$lib/api-surveys'
import { localize, slugify, uniqueSlug } from '../survey-text'
import { toDefinition } from './editor-definition'
import { describe, fieldId, keyPathOf, nearestShown, type PlacedError } from './editor-fields'
import {
  blankQuestion,
  copy,
  idBases,
  toEditorQuestion,
  type EditorOption,
  type EditorQuestion,
} from './editor-model'
import { humanMessage, missingText } from './editor-validation'

// The editor's pages and components import everything from here: the class is the façade over
// the pure conversions beside it.
export { fieldId, type PlacedError } from './editor-fields'
export { blankOption, type EditorOption, type EditorQuestion, type SkipWhen } from './editor-model'

/**
 * The survey editor's working copy, in the editor's own flat shape (`editor-model.ts`), turned
 * back into a `SurveyDefinition` to save (`editor-definition.ts`). Field errors are stored by key
 * path (`editor-fields.ts`).
 */
export class SurveyEditor {
  title = $state<Localized>({})
  intro = $state<Localized>({})
  thankYou = $state<Localized>({})
  languages = $state<Language[]>([])
  questions = $state<EditorQuestion[]>([])
  /** Questions whose details are open. */
  readonly expanded = new SvelteSet<string>()
  /** Messages by key path. */
  errors = $state<Record<string, string>>({})
  /** The same messages in page order, for the summary. */
  placed = $state<PlacedError[]>([])
  /** Every language the server offers; the editor has a field for each. */
  readonly allLanguages: readonly Language[]
  #saved = $state('')

  constructor(definition: SurveyDefinition, allLanguages: readonly Language[]) {
    this.allLanguages = allLanguages
    this.load(definition)
  }

  /** Replaces the working copy with a definition the server holds. */
  load(definition: SurveyDefinition): void {
    this.title = copy(definition.title)
    this.intro = copy(definition.intro)
    this.thankYou = copy(definition.thankYou)
    this.languages = [...definition.languages]
    this.questions = definition.questions.map(toEditorQuestion)
    this.#saved = JSON.stringify(this.definition())
    this.errors = {}
    this.placed = []
  }

  /** Whether the working copy differs from what was last saved. */
  readonly dirty = $derived.by(() => JSON.stringify(this.definition()) !== this.#saved)

  /** The draft as the API takes it: only the keys each question type allows. */
  definition(): SurveyDefinition {
    return toDefinition(this, this.allLanguages)
  }

  /**
   * Marks the working copy as saved once the server accepted it. It is not reloaded from the answer
   * (which holds the same content), so open questions and focus stay where they are.
   */
  markSaved(): void {
    this.#saved = JSON.stringify(this.definition())
    this.clearErrors()
  }

  // ---- Languages ----

  /**
   * Where a language's text is missing: the places a patient would meet a blank if the language
   * were switched on now (optional texts count only if some language has them).
   */
  missingText(language: Language): { keyPath: string; label: string }[] {
    return missingText(this, language).map((keyPath) => ({
      keyPath,
      label: this.describe(keyPath),
    }))
  }

  // ---- Questions ----

  add(type: QuestionType): EditorQuestion {
    const taken = this.questions.map((question) => question.id)
    const question = blankQuestion(type, uniqueSlug(idBases[type], taken))
    this.questions.push(question)
    this.expanded.add(question.key)
    return question
  }

  indexOf(key: string): number {
    return this.questions.findIndex((question) => question.key === key)
  }

  /** Moves a question by one place; returns its new (zero-based) position, or -1. */
  move(key: string, by: -1 | 1): number {
    const from = this.indexOf(key)
    const to = from + by
    if (from < 0 || to < 0 || to >= this.questions.length) return -1
    const [question] = this.questions.splice(from, 1)
    if (question) this.questions.splice(to, 0, question)
    return to
  }

  /** Questions whose skip rule jumps to this one. */
  skipsTo(key: string): EditorQuestion[] {
    const target = this.questions.find((question) => question.key === key)
    if (!target) return []
    return this.questions.filter(
      (question) => question.type === 'yesno' && question.skipWhen && question.skipTo === target.id,
    )
  }

  /** Removes a question and any skip rule that led to it. */
  remove(key: string): void {
    for (const question of this.skipsTo(key)) question.skipWhen = ''
    this.questions = this.questions.filter((question) => question.key !== key)
    this.expanded.delete(key)
  }

  // ---- Errors ----

  /** A person's words for a key path: "Question 4, prompt (Español)". */
  describe(keyPath: string): string {
    return describe(keyPath, this.questions, this.allLanguages)
  }

  /** The server's path (`questions.3.options.1.label.es`) as a key path (`q.k7.options.o12.label.es`). */
  keyPathOf(serverPath: string): string {
    return keyPathOf(serverPath, this.questions)
  }

  clearErrors(): void {
    this.errors = {}
    this.placed = []
  }

  /**
   * Shows the server's messages where they belong: each at its own field if the page has one,
   * else at the nearest enclosing part (the option, the question card), else in the summary. Opens
   * the questions concerned and returns the element to focus.
   */
  async place(problems: { field: string; message: string }[]): Promise<HTMLElement | null> {
    const wanted = problems.map((problem) => ({
      keyPath: this.keyPathOf(problem.field),
      message: humanMessage(problem.message),
    }))
    for (const { keyPath } of wanted) {
      const [first, key] = keyPath.split('.')
      if (first === 'q' && key) this.expanded.add(key)
    }
    // The opened questions' fields must be in the page before we look for them.
    await tick()
    const shown = (path: string) => !!document.getElementById(fieldId(path))
    const errors: Record<string, string> = {}
    const placed: PlacedError[] = []
    for (const { keyPath, message } of wanted) {
      const path = nearestShown(keyPath, shown)
      if (path && !errors[path]) errors[path] = message
      placed.push({ keyPath: path, label: this.describe(keyPath), message })
    }
    this.errors = errors
    this.placed = placed
    await tick()
    const first = placed.find((item) => item.keyPath)
    return first ? document.getElementById(fieldId(first.keyPath)) : null
  }

  /** The English prompt, or a placeholder, for headings and announcements. */
  promptOf(question: EditorQuestion): string {
    return localize(question.prompt) || 'Untitled question'
  }

  /** For "Skip to": the questions after this one. */
  laterQuestions(key: string): EditorQuestion[] {
    return this.questions.slice(this.indexOf(key) + 1)
  }

  /** A new option's value, from its English label, unique within the question. */
  autoValue(question: EditorQuestion, option: EditorOption): string {
    const taken = question.options.filter((other) => other !== option).map((other) => other.value)
    return uniqueSlug(slugify(option.label.en ?? '') || 'option', taken)
  }
}
