import { z } from 'zod'
import { Language } from './practice'
import { Slug } from './surveys'

/**
 * The lexicons in `workshops/` (themes.json, sentiment-en.json, sentiment-es.json): their schemas,
 * the term syntax they share and how a term is found in a comment, plus theme detection. Scoring
 * is in sentiment.ts; both are handed the loaded files by ingest/comment-reader.ts, since domain
 * never imports `workshops/` (which imports these schemas).
 *
 * A term is lower-case words separated by single spaces. Accents are optional on both sides
 * ("rapido" finds "rápido"), hyphens and apostrophes split words ("check-in" is "check in"), a
 * word ending in `*` matches every word that starts with it (`wait*`: wait, waited, waiting) and a
 * lone `*` after the first word matches any one word (`call* * back`: "called me back").
 */

const word = String.raw`[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}'’-]*\*?`
export const Term = z
  .string()
  .regex(
    new RegExp(`^${word}(?: (?:${word}|\\*))*$`, 'u'),
    'Use lower-case words separated by single spaces; end a word with * to match its prefix',
  )
export type Term = z.infer<typeof Term>

/** Lower case with accents (and ñ's tilde) removed, so typing them is optional everywhere. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}

/** Punctuation that ends a clause; it stays in the token list so no phrase reaches across it. */
const clauseEnd = /^[.,;:!?¡¿…()]$/u

/**
 * Folded words and clause punctuation, in order. Other symbols (quotes, $, emoji) are dropped.
 *
 * @example
 * tokenize('¿Rápido? Sí, check-in.') // ['¿', 'rapido', '?', 'si', ',', 'check', 'in', '.']
 */
export function tokenize(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+|[.,;:!?¡¿…()]/gu) ?? []
}

export function isClauseEnd(token: string): boolean {
  return clauseEnd.test(token)
}

type Pattern = { kind: 'exact' | 'prefix'; text: string } | { kind: 'any' }

/** A term ready to match, with what it stands for (a polarity, a role, a theme id). */
export interface Compiled<T> {
  term: string
  patterns: Pattern[]
  value: T
  /** Longer phrases first, then more exact words, then longer prefixes: see `compareRank`. */
  rank: [number, number, number]
}

function compile<T>(term: string, value: T): Compiled<T> {
  const patterns: Pattern[] = fold(term)
    .split(' ')
    .flatMap((part): Pattern[] => {
      if (part === '*') return [{ kind: 'any' }]
      const pieces = part.split(/[^\p{L}\p{N}*]+/u).filter(Boolean)
      return pieces.map((piece) =>
        piece.endsWith('*')
          ? { kind: 'prefix', text: piece.slice(0, -1) }
          : { kind: 'exact', text: piece },
      )
    })
  const exact = patterns.filter((pattern) => pattern.kind === 'exact').length
  const letters = patterns.reduce(
    (sum, pattern) => sum + ('text' in pattern ? pattern.text.length : 0),
    0,
  )
  return { term, patterns, value, rank: [patterns.length, exact, letters] }
}

function compareRank(a: Compiled<unknown>, b: Compiled<unknown>): number {
  return b.rank[0] - a.rank[0] || b.rank[1] - a.rank[1] || b.rank[2] - a.rank[2]
}

function fits(pattern: Pattern, token: string | undefined): boolean {
  if (token === undefined || isClauseEnd(token)) return false
  if (pattern.kind === 'any') return true
  return pattern.kind === 'exact' ? token === pattern.text : token.startsWith(pattern.text)
}

/** A set of terms, indexed by first word so a comment is not compared with every term. */
export interface TermSet<T> {
  /** The best term that starts at `tokens[start]`, by `compareRank`, and where it ends. */
  at(tokens: readonly string[], start: number): { match: Compiled<T>; end: number } | undefined
}

/**
 * Compiles terms once; match many comments with the result.
 *
 * @example
 * const terms = compileTerms([['tard*', -2], ['tarde', 0]])
 * terms.at(tokenize('Tardaron mucho'), 0)?.match.value // -2
 * terms.at(tokenize('Por la tarde'), 2)?.match.value // 0: an exact word beats a prefix
 */
export function compileTerms<T>(entries: Iterable<readonly [string, T]>): TermSet<T> {
  const byWord = new Map<string, Compiled<T>[]>()
  const byPrefix: Compiled<T>[] = []
  for (const [term, value] of entries) {
    const compiled = compile(term, value)
    const first = compiled.patterns[0]
    if (!first || first.kind === 'any') continue // refused by Term; nothing to index on
    if (first.kind === 'prefix') byPrefix.push(compiled)
    else byWord.set(first.text, [...(byWord.get(first.text) ?? []), compiled])
  }
  const candidates = (token: string) =>
    [
      ...(byWord.get(token) ?? []),
      ...byPrefix.filter((compiled) => fits(compiled.patterns[0] as Pattern, token)),
    ].sort(compareRank)

  function at(tokens: readonly string[], start: number) {
    const token = tokens[start]
    if (token === undefined || isClauseEnd(token)) return undefined
    for (const compiled of candidates(token)) {
      if (compiled.patterns.every((pattern, offset) => fits(pattern, tokens[start + offset]))) {
        return { match: compiled, end: start + compiled.patterns.length }
      }
    }
    return undefined
  }
  return { at }
}

/** A theme term, or one marked `!` whose words do not count for the theme: `!waiting room`. */
export const ThemeTerm = z
  .string()
  .refine((term) => Term.safeParse(term.replace(/^!/, '')).success, {
    message: 'Use lower-case words separated by single spaces; start with ! to exclude a phrase',
  })
export const ThemeTerms = z
  .array(ThemeTerm)
  .refine((terms) => terms.some((term) => !term.startsWith('!')), {
    message: 'Give at least one term that finds the theme',
  })

export const Theme = z.strictObject({
  id: Slug,
  /** What a dashboard calls the theme, in every language. */
  label: z.record(Language, z.string().trim().min(1).max(60)),
  /** The journey touch point the theme belongs to: one of the standard six. */
  touchpoint: Slug,
  terms: z.record(Language, ThemeTerms),
})
export type Theme = z.infer<typeof Theme>

/** `workshops/themes.json`: `about` tells an editor the term syntax, since JSON has no comments. */
export const ThemeLexicon = z.strictObject({
  about: z.string().min(1),
  themes: z
    .array(Theme)
    .min(1)
    .superRefine((themes, ctx) => {
      const seen = new Set<string>()
      themes.forEach((theme, index) => {
        if (seen.has(theme.id)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'id'],
            message: `Theme "${theme.id}" is used twice`,
          })
        }
        seen.add(theme.id)
      })
    }),
})
export type ThemeLexicon = z.infer<typeof ThemeLexicon>

/** AFINN's scale: -5 (worst) to 5 (best). */
export const Polarity = z.number().min(-5).max(5)

/**
 * `workshops/sentiment-<language>.json`. Terms carry a polarity; negators flip the terms after
 * them; intensifiers multiply the next one; contrasts ("but") weigh the clause after them over the
 * one before; concessions ("although") weigh their own clause down; clause breaks ("and") end a
 * negation. How sentiment.ts applies each is in the file's `about`.
 */
export const PolarityLexicon = z
  .strictObject({
    about: z.string().min(1),
    language: Language,
    terms: z.record(Term, Polarity),
    negators: z.array(Term),
    intensifiers: z.record(Term, z.number().min(0.1).max(3)),
    contrasts: z.array(Term),
    concessions: z.array(Term),
    clauseBreaks: z.array(Term),
  })
  .superRefine((lexicon, ctx) => {
    // Folding makes "está" and "esta" one term; two of them would silently shadow each other.
    const seen = new Map<string, string>()
    const roles = [
      ['terms', Object.keys(lexicon.terms)],
      ['negators', lexicon.negators],
      ['intensifiers', Object.keys(lexicon.intensifiers)],
      ['contrasts', lexicon.contrasts],
      ['concessions', lexicon.concessions],
      ['clauseBreaks', lexicon.clauseBreaks],
    ] as const
    for (const [role, terms] of roles) {
      for (const term of terms) {
        const key = fold(term)
        const earlier = seen.get(key)
        if (earlier) {
          ctx.addIssue({
            code: 'custom',
            path: [role, term],
            message: `"${term}" is already listed as ${earlier}`,
          })
        }
        seen.set(key, `${role} "${term}"`)
      }
    }
  })
export type PolarityLexicon = z.infer<typeof PolarityLexicon>

/** What matching needs of a theme: comment themes and praise themes (moments) both have it. */
export type MatchableTheme = Pick<Theme, 'id' | 'terms'>

const compiledThemes = new WeakMap<readonly MatchableTheme[], Map<Language, TermSet<boolean>[]>>()

/**
 * Each theme's terms for a language, valued true when they find the theme and false when they
 * exclude a phrase. A Spanish comment also tries the English whole words ("el copay", "el
 * portal"), not English prefixes, which catch Spanish words: `record*` would find "recordaron".
 */
function themeTerms(themes: readonly MatchableTheme[], language: Language): TermSet<boolean>[] {
  let byLanguage = compiledThemes.get(themes)
  if (!byLanguage) compiledThemes.set(themes, (byLanguage = new Map()))
  let sets = byLanguage.get(language)
  if (!sets) {
    sets = themes.map((theme) => {
      const borrowed = language === 'en' ? [] : theme.terms.en.filter((term) => !term.includes('*'))
      return compileTerms(
        [...theme.terms[language], ...borrowed].map(
          (term) => [term.replace(/^!/, ''), !term.startsWith('!')] as const,
        ),
      )
    })
    byLanguage.set(language, sets)
  }
  return sets
}

/** Whether a theme's terms find it: the best term at each place decides, so `!waiting room`
 * (two words) keeps "the waiting room was clean" from `wait*` (one). */
function finds(terms: TermSet<boolean>, tokens: readonly string[]): boolean {
  for (let index = 0; index < tokens.length;) {
    const found = terms.at(tokens, index)
    if (found?.match.value) return true
    index = found ? found.end : index + 1
  }
  return false
}

/**
 * The ids of the themes a comment touches, in lexicon order.
 *
 * @example
 * matchThemes('Esperé dos horas y nadie me llamó', 'es', themes) // ['wait-time', 'phone-follow-up']
 */
export function matchThemes(
  text: string,
  language: Language,
  themes: readonly MatchableTheme[],
): string[] {
  const tokens = tokenize(text)
  if (tokens.length === 0) return []
  const sets = themeTerms(themes, language)
  return themes
    .filter((_theme, index) => {
      const terms = sets[index]
      return terms !== undefined && finds(terms, tokens)
    })
    .map((theme) => theme.id)
}
