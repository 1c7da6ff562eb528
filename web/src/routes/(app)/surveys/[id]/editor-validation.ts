import type { Language } from '$lib/api'
import type { Localized } from '$lib/api-surveys'
import { languageLabels } from '$lib/labels'
import { hasText, type EditorDraft } from './editor-definition'

/**
 * The key paths where a language's text is missing: the places a patient would meet a blank if
 * the language were switched on now (optional texts count only if some language has them).
 */
export function missingText(draft: Omit<EditorDraft, 'languages'>, language: Language): string[] {
  const missing: string[] = []
  const need = (text: Localized, keyPath: string, optional = false) => {
    if (optional && !hasText(text)) return
    if (!text[language]?.trim()) missing.push(`${keyPath}.${language}`)
  }
  need(draft.title, 'title')
  need(draft.intro, 'intro', true)
  need(draft.thankYou, 'thankYou', true)
  for (const question of draft.questions) {
    const at = `q.${question.key}`
    need(question.prompt, `${at}.prompt`)
    need(question.help, `${at}.help`, true)
    if (question.type === 'nps' || question.type === 'rating') {
      need(question.lowLabel, `${at}.lowLabel`, true)
      need(question.highLabel, `${at}.highLabel`, true)
    }
    if (question.type === 'single' || question.type === 'multi') {
      for (const option of question.options) need(option.label, `${at}.options.${option.key}.label`)
    }
  }
  return missing
}

/** The server's messages in the editor's words. */
export function humanMessage(message: string): string {
  const missing = /^Missing the (\w+) text$/.exec(message)
  if (missing) {
    const language = missing[1] as Language
    return `Add the ${languageLabels[language] ?? language} text, or turn ${languageLabels[language] ?? language} off`
  }
  if (message === 'Required') return 'Enter the text'
  return message
}
