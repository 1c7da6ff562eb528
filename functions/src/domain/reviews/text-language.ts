import type { Language } from '../practice'

// Short words that are common in one language and rare in the other: enough to tell a Spanish
// review from an English one, which is all the comment reader needs to pick its lexicon.
const markers: Record<Language, ReadonlySet<string>> = {
  en: new Set(
    'the and was were with very they to of is it my for but not this that you'.split(' '),
  ),
  es: new Set(
    'el la los las y muy fue con que de es mi por pero no este esta para una lo'.split(' '),
  ),
}

/**
 * Which of the practice's languages a review is written in, for reading its sentiment and
 * themes: the language whose common words it uses most, the practice's first on a tie. Reviews,
 * unlike survey answers, do not say their language.
 *
 * @example
 * textLanguage('La recepcionista fue muy amable', ['en', 'es']) // 'es'
 * textLanguage('Great staff', ['en', 'es']) // 'en'
 */
export function textLanguage(text: string, languages: readonly Language[]): Language {
  const first = languages[0] ?? 'en'
  if (languages.length < 2) return first
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? []
  let best = first
  let bestCount = 0
  for (const language of languages) {
    const count = words.filter((word) => markers[language].has(word)).length
    if (count > bestCount) {
      best = language
      bestCount = count
    }
  }
  return best
}
