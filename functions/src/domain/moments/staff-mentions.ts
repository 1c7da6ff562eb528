import type { Recognisable } from './recognisable'

/**
 * Which of the practice's people a patient's words name. Patients write "Dr. O", "dr okafor's
 * nurse", "Ana at the desk", "la Dra. Núñez", "luisito": matching folds accents, case and
 * possessives, accepts a title before any surname, a first name, a full name and the aliases
 * the person set, and refuses to guess when two people share the first name it found.
 * Measured on test/unit/domain/moments/staff-mentions-table.test.ts (precision and recall).
 */

export type MentionKind = 'full name' | 'title and surname' | 'alias' | 'first name' | 'surname'

export interface Mention {
  person: Recognisable
  /** The words that named them, as the patient wrote them. */
  matched: string
  by: MentionKind
  /** "Dr. Okafor's nurse": someone on their team, not (only) them. */
  possessive: boolean
  start: number
  end: number
}

/** A first name two or more people share, with nothing else in the text to tell which. */
export interface AmbiguousMention {
  matched: string
  people: Recognisable[]
  start: number
  end: number
}

export interface MentionsFound {
  mentions: Mention[]
  ambiguous: AmbiguousMention[]
}

interface Token {
  folded: string
  start: number
  end: number
  capitalised: boolean
  possessive: boolean
  /** First word of a sentence: a capital there says nothing about a name. */
  sentenceStart: boolean
}

interface Pattern {
  words: string[]
  by: MentionKind
  person: Recognisable
}

/** Titles before a surname, folded (English and Spanish, as patients write them). */
const titleWords = new Set([
  'dr',
  'dra',
  'doctor',
  'doctora',
  'doc',
  'nurse',
  'enfermera',
  'enfermero',
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'sr',
  'sra',
  'srta',
  'senor',
  'senora',
  'senorita',
  'prof',
  'professor',
])

/** Surname particles: part of a surname, never a surname alone ("de la Cruz"). */
const particles = new Set([
  'de',
  'del',
  'la',
  'las',
  'los',
  'y',
  'da',
  'di',
  'do',
  'du',
  'van',
  'von',
])

/**
 * First names that are also everyday words ("Will you call", "hope", "la luz"): matched only when
 * capitalised away from the start of a sentence.
 */
const wordlikeNames = new Set([
  'will',
  'joy',
  'hope',
  'faith',
  'grace',
  'may',
  'june',
  'april',
  'rose',
  'dawn',
  'mark',
  'bill',
  'pat',
  'sunny',
  'summer',
  'angel',
  'luz',
  'paz',
  'sol',
  'rosa',
  'blanca',
  'dolores',
  'amparo',
  'consuelo',
  'rocio',
  'pilar',
])

/** Accents, case and curly apostrophes folded away: "Núñez" and "nunez" are one word. */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'").toLowerCase()
}

function tokens(text: string): Token[] {
  const found: Token[] = []
  const word = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{M}\p{N}]+)*/gu
  let previousEnd = 0
  for (const match of text.matchAll(word)) {
    const raw = match[0]
    const start = match.index
    const between = text.slice(previousEnd, start)
    let folded = fold(raw)
    const possessive =
      /'s$/.test(folded) || /s'$/.test(fold(text.slice(start, start + raw.length + 1)))
    folded = folded.replace(/'s$/, '')
    found.push({
      folded,
      start,
      end: start + raw.length,
      capitalised: /^\p{Lu}/u.test(raw),
      possessive,
      sentenceStart: found.length === 0 || /[.!?¡¿:;\n]/.test(between),
    })
    previousEnd = start + raw.length
  }
  return found
}

/** A name's own words: bracketed asides ("Pat (desk)") and leading titles left out. */
function nameWords(name: string): { words: string[]; titled: boolean } {
  const words = name
    .replace(/\([^)]*\)?|\[[^\]]*\]?/g, ' ')
    .split(/[\s.]+/)
    .map((w) => fold(w).replace(/[^\p{L}\p{N}'-]/gu, ''))
    .filter((w) => /\p{L}/u.test(w))
  let titled = false
  while (words.length > 1 && titleWords.has(words[0]!)) {
    words.shift()
    titled = true
  }
  return { words, titled }
}

function patternsOf(person: Recognisable): Pattern[] {
  const { words, titled } = nameWords(person.name)
  const patterns: Pattern[] = []
  const [first, ...rest] = words
  if (!first) return patterns
  const surnames = rest.filter((w) => !particles.has(w))
  if (rest.length > 0) patterns.push({ words, by: 'full name', person })
  // "Ana Núñez López" is also "Ana Núñez" and "Ana López".
  for (const surname of surnames) {
    if (rest.length > 1) patterns.push({ words: [first, surname], by: 'full name', person })
    for (const title of titleWords) {
      patterns.push({ words: [title, surname], by: 'title and surname', person })
    }
    // "Patel was great": a surname alone, held to the first name's rule (capitalised).
    if (surname.length >= 3) patterns.push({ words: [surname], by: 'surname', person })
  }
  // A one-word name with a title ("Dra. Okafor") is a surname; otherwise the first word is a first name.
  if (rest.length === 0 && titled) {
    for (const title of titleWords)
      patterns.push({ words: [title, first], by: 'title and surname', person })
    patterns.push({ words: [first], by: 'surname', person })
  } else {
    patterns.push({ words: [first], by: 'first name', person })
  }
  for (const alias of person.aliases) {
    const aliasWords = alias
      .split(/[\s.,]+/)
      .map((w) => fold(w))
      .filter(Boolean)
    if (aliasWords.length > 0) patterns.push({ words: aliasWords, by: 'alias', person })
  }
  return patterns
}

const strength: Record<MentionKind, number> = {
  'full name': 3,
  alias: 3,
  'title and surname': 2,
  surname: 1,
  'first name': 1,
}

interface Hit {
  pattern: Pattern
  from: number
  to: number
}

/** Whether a bare first name at this token reads as a name rather than a word. */
function looksLikeName(token: Token, word: string, textHasCapitals: boolean): boolean {
  if (!textHasCapitals) return !wordlikeNames.has(word)
  if (!token.capitalised) return false
  return !(wordlikeNames.has(word) && token.sentenceStart)
}

/**
 * Each roster's patterns, by their first word, built once: a week's 2,000 comments are read
 * against the same roster, and rebuilding them per comment took 1.3 s of the week's 5 (figure 14).
 */
const compiled = new WeakMap<readonly Recognisable[], Map<string, Pattern[]>>()

function patternsByFirstWord(people: readonly Recognisable[]): Map<string, Pattern[]> {
  let byWord = compiled.get(people)
  if (!byWord) {
    byWord = new Map()
    for (const pattern of people.flatMap(patternsOf)) {
      const first = pattern.words[0]!
      byWord.set(first, [...(byWord.get(first) ?? []), pattern])
    }
    compiled.set(people, byWord)
  }
  return byWord
}

function hitsIn(list: Token[], byWord: Map<string, Pattern[]>, textHasCapitals: boolean): Hit[] {
  const hits: Hit[] = []
  for (let i = 0; i < list.length; i++) {
    for (const pattern of byWord.get(list[i]!.folded) ?? []) {
      const { words } = pattern
      if (i + words.length > list.length) continue
      if (!words.every((w, k) => list[i + k]!.folded === w)) continue
      const bare = pattern.by === 'first name' || pattern.by === 'surname'
      if (bare && !looksLikeName(list[i]!, words[0]!, textHasCapitals)) continue
      hits.push({ pattern, from: i, to: i + words.length })
    }
  }
  return hits
}

/**
 * The people a text names, strongest match first at each place; a first name shared by several
 * people is ambiguous unless one of them is named in full elsewhere in the same text.
 *
 * @example
 * const ana = { kind: 'user', id: 'U1', name: 'Ana Núñez', aliases: [], featureOptOut: false }
 * findMentions("ana nunez's smile and Dr. K's jokes", [ana, drK]).mentions.map((m) => m.person.id)
 * // ['U1', 'P1']
 */
export function findMentions(text: string, people: readonly Recognisable[]): MentionsFound {
  const list = tokens(text)
  const textHasCapitals = /\p{Lu}/u.test(text)
  const hits = hitsIn(list, patternsByFirstWord(people), textHasCapitals)
  // Longest and strongest first, then claim tokens: a token belongs to one match.
  hits.sort(
    (a, b) =>
      b.to - b.from - (a.to - a.from) ||
      strength[b.pattern.by] - strength[a.pattern.by] ||
      a.from - b.from,
  )
  const claimed = new Set<number>()
  const chosen: Hit[][] = []
  for (const hit of hits) {
    const span = Array.from({ length: hit.to - hit.from }, (_, k) => hit.from + k)
    const same = chosen.find((group) => group[0]!.from === hit.from && group[0]!.to === hit.to)
    if (same) {
      if (!same.some((h) => h.pattern.person === hit.pattern.person)) same.push(hit)
      continue
    }
    if (span.some((t) => claimed.has(t))) continue
    span.forEach((t) => claimed.add(t))
    chosen.push([hit])
  }
  const namedClearly = new Set(
    chosen.filter((group) => group.length === 1).map((group) => group[0]!.pattern.person),
  )
  const mentions: Mention[] = []
  const ambiguous: AmbiguousMention[] = []
  for (const group of chosen.sort((a, b) => a[0]!.from - b[0]!.from)) {
    const { from, to } = group[0]!
    const start = list[from]!.start
    const end = list[to - 1]!.end
    const matched = text.slice(start, end)
    // "Ana Núñez was lovely … Ana called back": the second Ana is the one named in full.
    const resolved =
      group.length > 1 ? group.filter((h) => namedClearly.has(h.pattern.person)) : group
    if (resolved.length === 1) {
      const hit = resolved[0]!
      mentions.push({
        person: hit.pattern.person,
        matched,
        by: hit.pattern.by,
        possessive: list[to - 1]!.possessive,
        start,
        end,
      })
    } else {
      ambiguous.push({ matched, people: group.map((h) => h.pattern.person), start, end })
    }
  }
  return { mentions, ambiguous }
}

/** Each person once, in the order the text first names them. */
export function peopleNamed(found: MentionsFound): Recognisable[] {
  return [...new Set(found.mentions.map((m) => m.person))]
}
