import { z } from 'zod'
import { Language } from '../practice'
import { Slug } from '../surveys'
import { matchThemes, ThemeTerms } from '../themes'

/**
 * What staff did that patients praise ("kept us informed", "explained everything", "got us in
 * the same day"), and the words of a failure put right ("but", "even though", "luckily"). Read
 * from `workshops/praise.json` with the comment themes' term syntax, so an editor who knows one
 * file knows the other.
 */
export const PraiseTheme = z.strictObject({
  id: Slug,
  label: z.record(Language, z.string().trim().min(1).max(60)),
  terms: z.record(Language, ThemeTerms),
})
export type PraiseTheme = z.infer<typeof PraiseTheme>

export const PraiseLexicon = z.strictObject({
  about: z.string().min(1),
  themes: z.array(PraiseTheme).min(1),
  /** Words that turn a complaint into a story of recovery: "the wait was long, but Ana…". */
  turns: z.record(Language, z.array(z.string().trim().min(1)).min(1)),
  /** Words of a failure, so a turn after one is a recovery and not a plain "but". */
  failures: z.record(Language, ThemeTerms),
})
export type PraiseLexicon = z.infer<typeof PraiseLexicon>

/**
 * The praise themes a moment's words touch, in lexicon order, read in each of the practice's
 * languages (a Spanish-speaking practice's moment may be written in either).
 *
 * @example
 * praiseOf(['Ana kept us informed'], ['en'], lexicon) // ['kept-informed']
 */
export function praiseOf(
  texts: readonly string[],
  languages: readonly Language[],
  lexicon: Pick<PraiseLexicon, 'themes'>,
): string[] {
  const found = new Set(
    languages.flatMap((language) =>
      texts.flatMap((text) => matchThemes(text, language, lexicon.themes)),
    ),
  )
  return lexicon.themes.map((theme) => theme.id).filter((id) => found.has(id))
}
