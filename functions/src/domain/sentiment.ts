import model from 'wink-eng-lite-web-model'
import winkNLP, { type ItemToken } from 'wink-nlp'
import { polarityLexicons, themes } from '../../../workshops'
import type { Language } from './practice'
import type { SentimentLabel, Sentiment } from './survey-records'
import {
  compileTerms,
  fold,
  isClauseEnd,
  matchThemes,
  tokenize,
  type PolarityLexicon,
  type TermSet,
} from './themes'

/**
 * Sentiment and themes of a patient's free-text comment, offline. English reads polarity and
 * negation from wink-nlp's bundled model, calibrated by `workshops/sentiment-en.json`; Spanish,
 * which wink does not read, scores with `workshops/sentiment-es.json` and its own negation scope.
 * Both then weigh clauses the same way and squash the sum into -1..1.
 */

export { sentimentLabels, type SentimentLabel } from './survey-records'

export interface CommentAnalysis {
  sentiment: Sentiment
  /** Theme ids from `workshops/themes.json`, in lexicon order. */
  themes: string[]
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

const prepared = new Map<Language, Prepared>()

function prepare(language: Language): Prepared {
  const found = prepared.get(language)
  if (found) return found
  const lexicon: PolarityLexicon = polarityLexicons[language]
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
  const result = { terms: compileTerms(entries), negatorsScope }
  prepared.set(language, result)
  return result
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

type Nlp = ReturnType<typeof winkNLP>
let nlp: Nlp | undefined
/** The model takes about 0.4 s to read: only on the first English comment, once per process. */
function wink(): Nlp {
  return (nlp ??= winkNLP(model))
}

const winkWords = new Map<string, number>()
/** Enough for a clinic's vocabulary; a process that meets more words starts the cache over. */
const winkWordsMax = 50_000

/**
 * wink's polarity of one word read alone, on AFINN's scale. wink scores only whole sentences (the
 * mean of their terms), so each word is read alone for our calibration to replace it word by word.
 */
function winkPolarity(word: string): number {
  let polarity = winkWords.get(word)
  if (polarity === undefined) {
    if (winkWords.size >= winkWordsMax) winkWords.clear()
    const reader = wink()
    polarity = Number(reader.readDoc(word).out(reader.its.sentiment)) * 5 || 0
    winkWords.set(word, polarity)
  }
  return polarity
}

/** wink splits "can't", "won't", "shan't" into these and "n't". */
const contractionHeads = new Set(['ca', 'wo', 'sha'])

function englishTokens(
  text: string,
  breaks: (tokens: string[], index: number) => boolean,
): Token[] {
  const reader = wink()
  const its = reader.its
  const tokens: Token[] = []
  reader
    .readDoc(text)
    .tokens()
    .each((token: ItemToken) => {
      const type = String(token.out(its.type))
      const negated = token.out(its.negationFlag) === true
      const raw = token.out()
      if (type === 'emoji' || type === 'emoticon') {
        tokens.push({ text: raw, negated, fallback: winkPolarity(raw) })
        return
      }
      // wink's normal form opens contractions ("n't" → "not", "ca" → "can") but also respells
      // ("through" → "thru"), so it is taken only for contractions; either is split as the
      // lexicons are ("check-in" → "check", "in").
      const word =
        /['’]/u.test(raw) || contractionHeads.has(raw.toLowerCase())
          ? String(token.out(its.normal))
          : raw
      for (const part of tokenize(word)) {
        tokens.push({ text: part, negated, fallback: isClauseEnd(part) ? 0 : winkPolarity(part) })
      }
    })
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
function polaritySum(text: string, language: Language): number {
  const { terms, negatorsScope } = prepare(language)
  const endsNegation = (tokens: readonly string[], index: number) => {
    const role = terms.at(tokens, index)?.match.value.role
    return role === 'break' || role === 'contrast' || role === 'concession'
  }
  const tokens: Token[] =
    language === 'en'
      ? englishTokens(text, endsNegation)
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
 * Sentiment and themes of one comment, computed when a response is accepted. Pure: the same text
 * always gets the same answer. Empty or blank text is neutral with no themes.
 *
 * @example
 * analyzeComment('The doctor listened, but I waited two hours.', 'en')
 * // { sentiment: { label: 'negative', score: -0.307 }, themes: ['wait-time', 'clinician-communication'] }
 * analyzeComment('Todo normal.', 'es') // { sentiment: { label: 'neutral', score: 0 }, themes: [] }
 */
export function analyzeComment(text: string, language: Language): CommentAnalysis {
  if (text.trim() === '') return { sentiment: { label: 'neutral', score: 0 }, themes: [] }
  const score = squash(polaritySum(text, language))
  return {
    sentiment: { label: labelFor(score), score },
    themes: matchThemes(text, language, themes),
  }
}
