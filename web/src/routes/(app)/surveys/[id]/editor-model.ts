import type { Composite, Localized, Option, Question, QuestionType } from '$lib/api-surveys'

/**
 * The survey editor's own shape of a question: flat and fully populated whatever the type, with a
 * stable `key` per question and option for keyed lists and element ids. `toEditorQuestion` reads a
 * question the API holds into it; `editor-definition.ts` turns it back.
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

let nextKey = 0
const newKey = (prefix: string) => `${prefix}${++nextKey}`

/** A copy the editor may change without touching the definition it came from. */
export function copy(text: Localized | undefined): Localized {
  return { ...(text ?? {}) }
}

/** A question the API holds, as the editor edits it: every field set, whatever the type. */
export function toEditorQuestion(question: Question): EditorQuestion {
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

/** What a new question's id is made from (`recommend`, `recommend-2`…). */
export const idBases: Record<QuestionType, string> = {
  nps: 'recommend',
  rating: 'rating',
  single: 'choice',
  multi: 'choices',
  yesno: 'yes-no',
  text: 'comment',
  provider: 'provider',
}

/** A new question of a type, with sensible defaults (and ready-made wording where it is standard). */
export function blankQuestion(type: QuestionType, id: string): EditorQuestion {
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
  if (type === 'provider') {
    question.prompt = { en: 'Who did you see today?', es: '¿A quién vio hoy?' }
  }
  return question
}
