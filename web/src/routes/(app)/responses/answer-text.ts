import type { Language } from '$lib/api'
import type { AnswerValue } from '$lib/api-responses'
import type { Localized, Question } from '$lib/api-surveys'

/** The text in the wanted language, else whichever the survey has. */
export function localized(text: Localized | undefined, language: Language): string {
  if (!text) return ''
  return text[language]?.trim() || Object.values(text).find((value) => value?.trim()) || ''
}

export type ShownAnswer = { kind: 'text'; text: string } | { kind: 'comment'; text: string }

/**
 * An answer as staff read it: options by their labels, yes/no as Yes/No, scales as "4 of 5",
 * a chosen provider by name;
 * free text comes back as a comment to quote in the patient's own words.
 */
export function showAnswer(
  question: Question,
  value: AnswerValue,
  language: Language,
  providerName: (id: string) => string | undefined = () => undefined,
): ShownAnswer {
  const labelOf = (option: string) =>
    'options' in question
      ? localized(question.options.find((o) => o.value === option)?.label, language) || option
      : option
  switch (question.type) {
    case 'nps':
      return { kind: 'text', text: `${String(value)} of 10` }
    case 'rating':
      return { kind: 'text', text: `${String(value)} of ${question.max}` }
    case 'yesno':
      return { kind: 'text', text: value === true ? 'Yes' : value === false ? 'No' : String(value) }
    case 'single':
      return { kind: 'text', text: labelOf(String(value)) }
    case 'multi':
      return {
        kind: 'text',
        text: (Array.isArray(value) ? value : [String(value)]).map(labelOf).join(', '),
      }
    case 'text':
      return { kind: 'comment', text: String(value) }
    case 'provider':
      return { kind: 'text', text: providerName(String(value)) ?? 'A provider no longer listed' }
  }
}

/** An answer to a question the version does not have (it could not be loaded). */
export function rawAnswer(value: AnswerValue): ShownAnswer {
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'Yes' : 'No' }
  if (Array.isArray(value)) return { kind: 'text', text: value.join(', ') }
  return { kind: 'text', text: String(value) }
}
