import type { Language } from '$lib/api'
import { languageLabels } from '$lib/labels'
import type { EditorQuestion } from './editor-model'

/**
 * Where the editor shows a field's error. Errors are stored by "key path": the server's
 * `questions.3.prompt.es` becomes `q.k7.prompt.es`, which survives reordering and is also the id
 * (`f-q-k7-prompt-es`) of the input that shows it.
 */

export interface PlacedError {
  keyPath: string
  /** "Question 4, prompt (Español)". */
  label: string
  message: string
}

/** The DOM id of the element that shows a key path's error. */
export const fieldId = (keyPath: string) => `f-${keyPath.replaceAll('.', '-')}`

/** The server's path (`questions.3.options.1.label.es`) as a key path (`q.k7.options.o12.label.es`). */
export function keyPathOf(serverPath: string, questions: readonly EditorQuestion[]): string {
  const parts = serverPath.split('.')
  if (parts[0] !== 'questions' || parts.length < 2) return serverPath
  const question = questions[Number(parts[1])]
  if (!question) return 'questions'
  const rest = parts.slice(2)
  if (rest[0] === 'options' && rest.length > 1) {
    const option = question.options[Number(rest[1])]
    if (option) rest[1] = option.key
    else rest.splice(1)
  }
  return ['q', question.key, ...rest].join('.')
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

/** A person's words for a key path: "Question 4, prompt (Español)". */
export function describe(
  keyPath: string,
  questions: readonly EditorQuestion[],
  allLanguages: readonly Language[],
): string {
  const parts = keyPath.split('.')
  const words: string[] = []
  let language = ''
  const last = parts.at(-1) as Language
  if (allLanguages.includes(last)) {
    language = ` (${languageLabels[last]})`
    parts.pop()
  }
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? ''
    if (part === 'q') {
      const key = parts[++i] ?? ''
      const index = questions.findIndex((question) => question.key === key)
      words.push(`Question ${index + 1}`)
    } else if (part === 'options' && parts[i + 1]?.startsWith('o')) {
      const question = questions.find((q) => q.key === parts[i - 1])
      const index = question?.options.findIndex((option) => option.key === parts[i + 1]) ?? -1
      words.push(`option ${index + 1}`)
      i++
    } else {
      words.push(names[part] ?? part)
    }
  }
  return words.join(', ') + language
}

/**
 * The key path an error is shown at: its own field if the page has one, else the nearest
 * enclosing part that does (the option, the question card), else '' for the summary only.
 */
export function nearestShown(keyPath: string, shown: (keyPath: string) => boolean): string {
  let path = keyPath
  while (path && !shown(path)) {
    path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : ''
  }
  return path
}
