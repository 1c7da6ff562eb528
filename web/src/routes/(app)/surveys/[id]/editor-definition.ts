import type { Language } from '$lib/api'
import type { Localized, Question, SurveyDefinition } from '$lib/api-surveys'
import type { EditorQuestion } from './editor-model'

/** The survey-wide texts and settings of the editor's working copy. */
export interface EditorDraft {
  title: Localized
  intro: Localized
  thankYou: Localized
  languages: readonly Language[]
  questions: readonly EditorQuestion[]
}

/** Trimmed, without empty languages. */
export function clean(text: Localized, languages: readonly Language[]): Localized {
  const result: Localized = {}
  for (const language of languages) {
    const value = text[language]?.trim()
    if (value) result[language] = value
  }
  return result
}

export function hasText(text: Localized | undefined): boolean {
  return !!text && Object.values(text).some((value) => !!value?.trim())
}

/**
 * The draft as the API takes it. The API's shapes are strict (an unknown key is a 400), so each
 * question carries only the keys its type allows, and languages keep the server's order.
 *
 * @example
 * toDefinition({ title: { en: ' Visit ' }, intro: {}, thankYou: {}, languages: ['en'], questions: [] }, ['en', 'es'])
 * // { title: { en: 'Visit' }, languages: ['en'], questions: [] }
 */
export function toDefinition(draft: EditorDraft, all: readonly Language[]): SurveyDefinition {
  const optional = (text: Localized) => (hasText(text) ? { ...clean(text, all) } : undefined)
  const languages = all.filter((language) => draft.languages.includes(language))
  const intro = optional(draft.intro)
  const thankYou = optional(draft.thankYou)
  return {
    title: clean(draft.title, all),
    ...(intro && { intro }),
    ...(thankYou && { thankYou }),
    languages,
    questions: draft.questions.map((question) => toQuestion(question, all)),
  }
}

export function toQuestion(q: EditorQuestion, all: readonly Language[]): Question {
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
    case 'provider':
      return { ...base, type: 'provider' }
  }
}
