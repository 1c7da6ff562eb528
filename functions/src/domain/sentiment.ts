import type { Language } from './practice'
import type { SentimentLabel, Sentiment } from './survey-records'
import {
  compileTerms,
  fold,
  isClauseEnd,
  tokenize,
  type PolarityLexicon,
  type TermSet,
} from './themes'

/**
 * The sentiment of a patient's free-text comment, offline. English reads polarity and negation
 * from a model handed in (wink-nlp's, loaded by ingest/ on the first English comment), calibrated
 * by the English lexicon (`workshops/sentiment-en.json`); Spanish, which wink does not read,
 * scores with its lexicon alone and its own negation scope. Both then weigh clauses the same way
 * and squash the sum into -1..1. Pure: the lexicons and the model come from the caller.
 */

export { sentimentLabels, type SentimentLabel } from './survey-records'

export interface CommentAnalysis {
  sentiment: Sentiment
  /** Theme ids from the theme lexicon (`workshops/themes.json`), in lexicon order. */
  themes: string[]
}

/** One word (or clause punctuation) of an English comment as the model read it. */
export interface EnglishWord {
  /** Folded as `tokenize` folds (an emoji as written), so the lexicon's terms match it. */
  text: string
  /** Whether the model found it under a negation ("did not *listen*"). */
  negated: boolean
  /** The model's polarity of the word read alone, on AFINN's scale; 0 for punctuation. */
  polarity: number
}

/**
 * Reads an English comment into words. Async because the model behind it is loaded on first use
 * (it is most of the Lambda's code); called only for English text that is not blank.
 */
export type ReadEnglishWords = (text: string) => Promise<readonly EnglishWord[]>

/** Each language's polarity lexicon: the whole of it for Spanish, the calibration for English. */
export type PolarityLexicons = Readonly<Record<Language, PolarityLexicon>>

export interface SentimentScorerOptions {
  lexicons: PolarityLexicons
  readEnglish: ReadEnglishWords
}

/**
 * Scores at or beyond these are positive or negative; between them, neutral. Measured on
 * test/fixtures/comments-labelled.json: accuracy 0.92 at ±0.2 and ±0.25, 0.90 at ±0.1, 0.87 at
 * ±0.3. At ±0.2 one plain word of praise or complaint ("helpful", "late") leaves neutral, and so
 * does a negated complaint ("not rude").
 */
export const thresholds = { positive: 0.2, negative: -0.2 } as const

/** VADER's normalisation constant: a sum of 4 (one "great" and a bit) scores about 0.7. */
const alpha = 15
/** A negated complaint is milder praise than the complaint was a complaint: "not bad". */
const negatedNegative = 0.5
/** How far a Spanish negator reaches when no punctuation or clause break stops it first. */
const negationReach = 6
/** How many words may sit between an intensifier and the term it strengthens. */
const intensifierReach = 2

type Role = 'term' | 'negator' | 'intensifier' | 'contrast' | 'concession' | 'break'
interface Entry {
  role: Role
  value: number
  /** A phrase holding its own negator ("no complaints") is scored as written, never flipped. */
  selfNegated: boolean
}

interface Prepared {
  terms: TermSet<Entry>
  /** English negation comes from wink; Spanish from the lexicon's negators. */
  negatorsScope: boolean
}

function prepare(lexicon: PolarityLexicon, language: Language): Prepared {
  const negatorWords = new Set(lexicon.negators.map(fold))
  const selfNegated = (term: string) =>
    fold(term)
      .split(' ')
      .some((_word, index, words) =>
        [...negatorWords].some((negator) => {
          const parts = negator.split(' ')
          return parts.every((part, offset) => words[index + offset] === part)
        }),
      )
  const entries: [string, Entry][] = [
    ...Object.entries(lexicon.terms).map(([term, value]): [string, Entry] => [
      term,
      { role: 'term', value, selfNegated: selfNegated(term) },
    ]),
    ...Object.entries(lexicon.intensifiers).map(([term, value]): [string, Entry] => [
      term,
      { role: 'intensifier', value, selfNegated: false },
    ]),
    ...lexicon.contrasts.map((term): [string, Entry] => [term, role('contrast')]),
    ...lexicon.concessions.map((term): [string, Entry] => [term, role('concession')]),
    ...lexicon.clauseBreaks.map((term): [string, Entry] => [term, role('break')]),
  ]
  const negatorsScope = language !== 'en'
  if (negatorsScope)
    entries.push(...lexicon.negators.map((term): [string, Entry] => [term, role('negator')]))
  return { terms: compileTerms(entries), negatorsScope }
}

function role(kind: Role): Entry {
  return { role: kind, value: 0, selfNegated: false }
}

/** A word or clause punctuation, and whether wink found it under a negation (English only). */
interface Token {
  text: string
  negated: boolean
  /** wink's own polarity for a token no lexicon term covers (English only), on AFINN's scale. */
  fallback: number
}

/**
 * wink's English tokens arrive already scored: how each word reads alone and whether it sits under
 * a negation. Scoring only trims that negation, where the lexicon breaks a clause.
 */
function englishTokens(
  words: readonly EnglishWord[],
  breaks: (tokens: string[], index: number) => boolean,
): Token[] {
  const tokens: Token[] = words.map((word) => ({
    text: word.text,
    negated: word.negated,
    fallback: word.polarity,
  }))
  // wink carries a negation to the end of the clause, across "and": "didn't rush and listened".
  // A clause break ends it.
  const texts = tokens.map((token) => token.text)
  let cut = false
  tokens.forEach((token, index) => {
    if (!token.negated) cut = false
    else if (breaks(texts, index)) cut = true
    if (cut) token.negated = false
  })
  return tokens
}

interface Span {
  entry: Entry
  start: number
  end: number
  negated: boolean
}
type Piece = Span | { clauseEnd: string; start: number }

/** The comment's polarity sum on AFINN's scale, before squashing. */
function polaritySum(
  { terms, negatorsScope }: Prepared,
  text: string,
  englishWords: readonly EnglishWord[] | undefined,
): number {
  const endsNegation = (tokens: readonly string[], index: number) => {
    const role = terms.at(tokens, index)?.match.value.role
    return role === 'break' || role === 'contrast' || role === 'concession'
  }
  const tokens: Token[] = englishWords
    ? englishTokens(englishWords, endsNegation)
    : tokenize(text).map((word) => ({ text: word, negated: false, fallback: 0 }))
  const pieces = piecesOf(tokens, terms)
  if (negatorsScope) scopeNegation(pieces)
  return sum(pieces, clauseWeights(pieces))
}

/** The best term at each place, left to right, and clause punctuation; wink fills English gaps. */
function piecesOf(tokens: readonly Token[], terms: TermSet<Entry>): Piece[] {
  const texts = tokens.map((token) => token.text)
  const pieces: Piece[] = []
  for (let index = 0; index < tokens.length;) {
    const token = tokens[index] as Token
    const found = isClauseEnd(token.text) ? undefined : terms.at(texts, index)
    if (isClauseEnd(token.text)) pieces.push({ clauseEnd: token.text, start: index })
    else if (found) {
      pieces.push({
        entry: found.match.value,
        start: index,
        end: found.end,
        negated: token.negated,
      })
    } else if (token.fallback !== 0) {
      const entry: Entry = { role: 'term', value: token.fallback, selfNegated: false }
      pieces.push({ entry, start: index, end: index + 1, negated: token.negated })
    }
    index = found ? found.end : index + 1
  }
  return pieces
}

/** Spanish: a negator covers what follows until punctuation, a clause break or its reach. */
function scopeNegation(pieces: Piece[]): void {
  let until = -1
  for (const piece of pieces) {
    if ('clauseEnd' in piece) {
      until = -1
      continue
    }
    const role = piece.entry.role
    if (role === 'break' || role === 'contrast' || role === 'concession') until = -1
    piece.negated = piece.start < until
    // A negator inside a scope extends it ("no me llamaron nunca"): Spanish negative concord.
    if (role === 'negator') until = piece.end + negationReach
  }
}

/**
 * Weights by start: a contrast ("but") halves its sentence before it and raises the rest by half,
 * since what follows it is the point; a concession ("although") halves its own clause.
 */
function clauseWeights(pieces: readonly Piece[]): Map<number, number> {
  const weights = new Map<number, number>()
  let sentence: Span[] = []
  const closeSentence = () => {
    const contrast = sentence.findLastIndex((span) => span.entry.role === 'contrast')
    if (contrast >= 0) {
      sentence.forEach((span, index) => {
        weights.set(span.start, (weights.get(span.start) ?? 1) * (index < contrast ? 0.5 : 1.5))
      })
    }
    sentence = []
  }
  let conceding = false
  for (const piece of pieces) {
    if ('clauseEnd' in piece) {
      conceding = false
      if (/[.!?…]/u.test(piece.clauseEnd)) closeSentence()
      continue
    }
    if (piece.entry.role === 'concession') conceding = true
    if (conceding) weights.set(piece.start, 0.5)
    sentence.push(piece)
  }
  closeSentence()
  return weights
}

/** Adds up the terms, each strengthened by the intensifiers just before it, flipped if negated. */
function sum(pieces: readonly Piece[], weights: ReadonlyMap<number, number>): number {
  let total = 0
  let boost = 1
  let boostEnds = -1
  for (const piece of pieces) {
    if ('clauseEnd' in piece || piece.start > boostEnds) boost = 1
    if ('clauseEnd' in piece) continue
    const { role, value, selfNegated } = piece.entry
    if (role === 'intensifier') {
      boost *= value
      boostEnds = piece.end + intensifierReach
      continue
    }
    if (role !== 'term' || value === 0) continue
    let polarity = value * boost
    boost = 1
    if (piece.negated && !selfNegated) {
      polarity = polarity > 0 ? -polarity : -polarity * negatedNegative
    }
    total += polarity * (weights.get(piece.start) ?? 1)
  }
  return total
}

/** Squashes a polarity sum into -1..1, rounded to three places. */
function squash(sum: number): number {
  return Math.round((sum / Math.sqrt(sum * sum + alpha)) * 1000) / 1000
}

/**
 * The label of a score, by `thresholds`.
 *
 * @example
 * labelFor(0.1) // 'neutral'
 */
export function labelFor(score: number): SentimentLabel {
  if (score >= thresholds.positive) return 'positive'
  if (score <= thresholds.negative) return 'negative'
  return 'neutral'
}

/**
 * A scorer over the given lexicons and English model: each language's terms are compiled once, on
 * its first comment. The same text always gets the same score; blank text is neutral, and never
 * loads the model.
 *
 * @example
 * const score = createSentimentScorer({ lexicons: polarityLexicons, readEnglish })
 * await score('The doctor listened, but I waited two hours.', 'en') // { label: 'negative', score: -0.307 }
 * await score('Todo normal.', 'es') // { label: 'neutral', score: 0 }
 */
export function createSentimentScorer({
  lexicons,
  readEnglish,
}: SentimentScorerOptions): (text: string, language: Language) => Promise<Sentiment> {
  const prepared = new Map<Language, Prepared>()
  const prepareOnce = (language: Language) => {
    let found = prepared.get(language)
    if (!found) prepared.set(language, (found = prepare(lexicons[language], language)))
    return found
  }
  return async (text, language) => {
    if (text.trim() === '') return { label: 'neutral', score: 0 }
    const englishWords = language === 'en' ? await readEnglish(text) : undefined
    const score = squash(polaritySum(prepareOnce(language), text, englishWords))
    return { label: labelFor(score), score }
  }
}
