import { tick } from 'svelte'
import { SvelteSet } from 'svelte/reactivity'
import type { Language } from '$lib/api'
import type {
  Composite,
  Localized,
  Option,
  Question,
  QuestionType,
  SurveyDefinition,
} from '$lib/api-surveys'
import { languageLabels } from '$lib/labels'
import { localize, slugify, uniqueSlug } from '../survey-text'

/**
 * The survey editor's working copy. The API's shapes are strict (an unknown key is a 400), so the
 * editor keeps its own flat, fully-populated shape, with a stable `key` per question and option for
 * keyed lists and element ids, and turns it back into a `SurveyDefinition` to save.
 *
 * Field errors are stored by "key path": the server's `questions.3.prompt.es` becomes
 * `q.k7.prompt.es`, which survives reordering and is also the id (`f-q-k7-prompt-es`) of the input
 * that shows it.
 */

export interface EditorOption {
  key: string
  value: string
  label: Localized
  /** New options take their value from the English label until someone edits the value. */
  autoValue: boolean
}

export type SkipWhen = '' | 'yes' | 'no'

export interface EditorQuestion {
  key: string
  id: string
  type: QuestionType
  prompt: Localized
  help: Localized
  required: boolean
  /** '' for none. */
  touchpoint: string
  lowLabel: Localized
  highLabel: Localized
  min: number
  max: number
  options: EditorOption[]
  skipWhen: SkipWhen
  /** A later question's id, or 'end'. */
  skipTo: string
  maxLength: number
  /** Settings the editor does not show but must keep (reports use them). */
  kept: {
    composite?: Composite
    measure?: 'provider-rating'
    topBox?: (string | boolean)[]
    maxChoices?: number
  }
}

export interface PlacedError {
  keyPath: string
  /** "Question 4, prompt (Español)". */
  label: string
  message: string
}

let nextKey = 0
const newKey = (prefix: string) => `${prefix}${++nextKey}`

/** The DOM id of the element that shows a key path's error. */
export const fieldId = (keyPath: string) => `f-${keyPath.replaceAll('.', '-')}`

function copy(text: Localized | undefined): Localized {
  return { ...(text ?? {}) }
}

/** Trimmed, without empty languages. */
function clean(text: Localized, languages: readonly Language[]): Localized {
  const result: Localized = {}
  for (const language of languages) {
    const value = text[language]?.trim()
    if (value) result[language] = value
  }
  return result
}

function hasText(text: Localized | undefined): boolean {
  return !!text && Object.values(text).some((value) => !!value?.trim())
}

function toEditorQuestion(question: Question): EditorQuestion {
  const editor: EditorQuestion = {
    key: newKey('k'),
    id: question.id,
    type: question.type,
    prompt: copy(question.prompt),
    help: copy(question.help),
    required: question.required,
    touchpoint: question.touchpoint ?? '',
    lowLabel: {},
    highLabel: {},
    min: 1,
    max: 5,
    options: [],
    skipWhen: '',
    skipTo: 'end',
    maxLength: 1000,
    kept: {},
  }
  switch (question.type) {
    case 'nps':
      editor.lowLabel = copy(question.lowLabel)
      editor.highLabel = copy(question.highLabel)
      break
    case 'rating':
      editor.min = question.min
      editor.max = question.max
      editor.lowLabel = copy(question.lowLabel)
      editor.highLabel = copy(question.highLabel)
      if (question.composite) editor.kept.composite = question.composite
      if (question.measure) editor.kept.measure = question.measure
      break
    case 'single':
      editor.options = question.options.map(toEditorOption)
      editor.kept.topBox = [...question.topBox]
      if (question.composite) editor.kept.composite = question.composite
      break
    case 'multi':
      editor.options = question.options.map(toEditorOption)
      if (question.maxChoices !== undefined) editor.kept.maxChoices = question.maxChoices
      break
    case 'yesno':
      if (question.skip) {
        editor.skipWhen = question.skip.when ? 'yes' : 'no'
        editor.skipTo = question.skip.to
      }
      editor.kept.topBox = [...question.topBox]
      if (question.composite) editor.kept.composite = question.composite
      break
    case 'text':
      editor.maxLength = question.maxLength
      break
  }
  return editor
}

function toEditorOption(option: Option): EditorOption {
  return { key: newKey('o'), value: option.value, label: copy(option.label), autoValue: false }
}

export function blankOption(): EditorOption {
  return { key: newKey('o'), value: '', label: {}, autoValue: true }
}

const idBases: Record<QuestionType, string> = {
  nps: 'recommend',
  rating: 'rating',
  single: 'choice',
  multi: 'choices',
  yesno: 'yes-no',
  text: 'comment',
}

/** A new question of a type, with sensible defaults (and ready-made wording where it is standard). */
function blankQuestion(type: QuestionType, id: string): EditorQuestion {
  const question = toEditorQuestion({
    id,
    type: 'text',
    required: false,
    prompt: {},
    maxLength: 1000,
  })
  question.type = type
  if (type === 'nps') {
    question.prompt = {
      en: 'How likely are you to recommend our practice to a friend or family member?',
      es: '¿Qué tan probable es que recomiende nuestro consultorio a un amigo o familiar?',
    }
    question.lowLabel = { en: 'Not at all likely', es: 'Nada probable' }
    question.highLabel = { en: 'Extremely likely', es: 'Extremadamente probable' }
  }
  if (type === 'rating') {
    question.lowLabel = { en: 'Very poor', es: 'Muy malo' }
    question.highLabel = { en: 'Excellent', es: 'Excelente' }
  }
  if (type === 'single' || type === 'multi') question.options = [blankOption(), blankOption()]
  return question
}

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
    const all = this.allLanguages
    const optional = (text: Localized) => (hasText(text) ? { ...clean(text, all) } : undefined)
    const languages = all.filter((language) => this.languages.includes(language))
    const intro = optional(this.intro)
    const thankYou = optional(this.thankYou)
    return {
      title: clean(this.title, all),
      ...(intro && { intro }),
      ...(thankYou && { thankYou }),
      languages,
      questions: this.questions.map((question) => this.#toQuestion(question)),
    }
  }

  #toQuestion(q: EditorQuestion): Question {
    const all = this.allLanguages
    const help = hasText(q.help) ? clean(q.help, all) : undefined
    const base = {
      id: q.id,
      prompt: clean(q.prompt, all),
      ...(help && { help }),
      required: q.required,
      ...(q.touchpoint && { touchpoint: q.touchpoint }),
    }
    const labels = () => ({
      ...(hasText(q.lowLabel) && { lowLabel: clean(q.lowLabel, all) }),
      ...(hasText(q.highLabel) && { highLabel: clean(q.highLabel, all) }),
    })
    const options = () =>
      q.options.map((option) => ({ value: option.value.trim(), label: clean(option.label, all) }))
    const { composite, measure, topBox = [], maxChoices } = q.kept
    switch (q.type) {
      case 'nps':
        return { ...base, type: 'nps', ...labels() }
      case 'rating':
        return {
          ...base,
          type: 'rating',
          min: q.min,
          max: q.max,
          ...labels(),
          ...(composite && { composite }),
          ...(measure && { measure }),
        }
      case 'single': {
        const values = q.options.map((option) => option.value.trim())
        return {
          ...base,
          type: 'single',
          options: options(),
          // A removed option is no longer a "best answer".
          topBox: topBox.filter((value): value is string => values.includes(String(value))),
          ...(composite && { composite }),
        }
      }
      case 'multi':
        return {
          ...base,
          type: 'multi',
          options: options(),
          ...(maxChoices !== undefined && { maxChoices }),
        }
      case 'yesno':
        return {
          ...base,
          type: 'yesno',
          ...(q.skipWhen && { skip: { when: q.skipWhen === 'yes', to: q.skipTo } }),
          topBox: topBox.filter((value): value is boolean => typeof value === 'boolean'),
          ...(composite && { composite }),
        }
      case 'text':
        return { ...base, type: 'text', maxLength: q.maxLength }
    }
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
    const missing: { keyPath: string; label: string }[] = []
    const need = (text: Localized, keyPath: string, optional = false) => {
      if (optional && !hasText(text)) return
      if (!text[language]?.trim()) missing.push({ keyPath: `${keyPath}.${language}`, label: '' })
    }
    need(this.title, 'title')
    need(this.intro, 'intro', true)
    need(this.thankYou, 'thankYou', true)
    for (const question of this.questions) {
      const at = `q.${question.key}`
      need(question.prompt, `${at}.prompt`)
      need(question.help, `${at}.help`, true)
      if (question.type === 'nps' || question.type === 'rating') {
        need(question.lowLabel, `${at}.lowLabel`, true)
        need(question.highLabel, `${at}.highLabel`, true)
      }
      if (question.type === 'single' || question.type === 'multi') {
        for (const option of question.options)
          need(option.label, `${at}.options.${option.key}.label`)
      }
    }
    return missing.map((item) => ({ ...item, label: this.describe(item.keyPath) }))
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
    const parts = keyPath.split('.')
    const words: string[] = []
    let language = ''
    const last = parts.at(-1) as Language
    if (this.allLanguages.includes(last)) {
      language = ` (${languageLabels[last]})`
      parts.pop()
    }
    const names: Record<string, string> = {
      title: 'Title',
      intro: 'Introduction',
      thankYou: 'Thank-you message',
      languages: 'Languages',
      questions: 'Questions',
      prompt: 'question text',
      help: 'help text',
      lowLabel: 'low end label',
      highLabel: 'high end label',
      touchpoint: 'touch point',
      maxLength: 'maximum length',
      min: 'scale start',
      max: 'scale end',
      skip: 'skip',
      to: 'destination',
      topBox: 'best answers',
      id: 'id',
      label: 'label',
      value: 'stored value',
      required: 'required',
      options: 'options',
    }
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] ?? ''
      if (part === 'q') {
        const index = this.indexOf(parts[++i] ?? '')
        words.push(`Question ${index + 1}`)
      } else if (part === 'options' && parts[i + 1]?.startsWith('o')) {
        const question = this.questions.find((q) => q.key === parts[i - 1])
        const index = question?.options.findIndex((option) => option.key === parts[i + 1]) ?? -1
        words.push(`option ${index + 1}`)
        i++
      } else {
        words.push(names[part] ?? part)
      }
    }
    return words.join(', ') + language
  }

  /** The server's path (`questions.3.options.1.label.es`) as a key path (`q.k7.options.o12.label.es`). */
  keyPathOf(serverPath: string): string {
    const parts = serverPath.split('.')
    if (parts[0] !== 'questions' || parts.length < 2) return serverPath
    const question = this.questions[Number(parts[1])]
    if (!question) return 'questions'
    const rest = parts.slice(2)
    if (rest[0] === 'options' && rest.length > 1) {
      const option = question.options[Number(rest[1])]
      if (option) rest[1] = option.key
      else rest.splice(1)
    }
    return ['q', question.key, ...rest].join('.')
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
    await tick()
    const errors: Record<string, string> = {}
    const placed: PlacedError[] = []
    for (const { keyPath, message } of wanted) {
      let path = keyPath
      while (path && !document.getElementById(fieldId(path))) {
        path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : ''
      }
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

/** The server's messages in the editor's words. */
function humanMessage(message: string): string {
  const missing = /^Missing the (\w+) text$/.exec(message)
  if (missing) {
    const language = missing[1] as Language
    return `Add the ${languageLabels[language] ?? language} text, or turn ${languageLabels[language] ?? language} off`
  }
  if (message === 'Required') return 'Enter the text'
  return message
}
