import type { Language } from '$lib/api'
import type { Localized, Question, QuestionType, Survey } from '$lib/api-surveys'
import { languageLabels } from '$lib/labels'

/** Staff read English; a string without English falls back to whatever language it has. */
export function localize(text: Localized | undefined, language: Language = 'en'): string {
  if (!text) return ''
  return text[language]?.trim() || Object.values(text).find((value) => value?.trim()) || ''
}

export const questionTypeLabels: Record<QuestionType, string> = {
  nps: 'Likelihood to recommend',
  rating: 'Rating',
  single: 'Single choice',
  multi: 'Multiple choice',
  yesno: 'Yes/No',
  text: 'Text',
  provider: 'Provider seen',
}

export const questionTypeHints: Record<QuestionType, string> = {
  nps: 'The 0 to 10 “would you recommend us” question behind the Net Promoter Score.',
  rating: 'A scale such as 1 to 5, with words at each end.',
  single: 'Patients pick one answer from a list.',
  multi: 'Patients tick every answer that applies.',
  yesno: 'A yes or no answer; can skip ahead on one of them.',
  text: 'Patients write in their own words.',
  provider: 'Patients pick who they saw from your providers; the answer counts for that provider.',
}

/** What a question asks for, in a few words: "Rating, 1 to 5". */
export function questionSummary(question: Question): string {
  switch (question.type) {
    case 'nps':
      return 'Likelihood to recommend, 0 to 10'
    case 'rating':
      return `Rating, ${question.min} to ${question.max}`
    case 'single':
      return `Single choice, ${question.options.length} options`
    case 'multi':
      return `Multiple choice, ${question.options.length} options`
    case 'yesno':
      return 'Yes/No'
    case 'text':
      return `Text, up to ${question.maxLength} characters`
    case 'provider':
      return "Provider seen, from the practice's providers"
  }
}

/** The badge a survey wears in lists and on its page. */
export function statusLabel(survey: Pick<Survey, 'status' | 'publishedVersion'>): string {
  if (survey.status === 'archived') return 'Archived'
  if (survey.status === 'published' && survey.publishedVersion)
    return `Live v${survey.publishedVersion}`
  return 'Draft'
}

/** "English and Español". */
export function languageList(languages: readonly Language[]): string {
  const names = languages.map((language) => languageLabels[language])
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

/** A slug as the API accepts for ids: lower-case letters, digits and dashes, at most 40. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 40)
    .replace(/-+$/, '')
}

/** `base`, or `base-2`, `base-3`… whichever is not taken yet. */
export function uniqueSlug(base: string, taken: readonly string[]): string {
  const root = base || 'item'
  if (!taken.includes(root)) return root
  for (let n = 2; ; n++) {
    const candidate = `${root.slice(0, 40 - String(n).length - 1)}-${n}`
    if (!taken.includes(candidate)) return candidate
  }
}
