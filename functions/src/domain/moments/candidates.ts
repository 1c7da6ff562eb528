import type { Language } from '../practice'
import type { Sentiment } from '../survey-records'
import { matchThemes } from '../themes'
import { momentQuote } from './moment-quote'
import type { PraiseLexicon } from './praise'
import type { PersonRef, Recognisable } from './recognisable'
import { findMentions, fold, type Mention } from './staff-mentions'

/** Where a candidate came from: a survey comment, a review, or a colleague's "I saw this happen". */
export type OriginKind = 'response' | 'review' | 'staff'

/** One of the week's comments, reviews or staff stories, as the candidate picker reads it. */
export interface StoryIn {
  origin: { kind: OriginKind; id: string }
  text: string
  language: Language
  /** When it was written (ISO). */
  at: string
  touchpoint?: string
  /** How happy the patient was, 0 (not at all) to 1: NPS 10 or five stars is 1. */
  rating?: number
  /** A staff story names its people itself. */
  staff?: readonly PersonRef[]
}

export interface CandidatePerson {
  kind: PersonRef['kind']
  id: string
  name: string
}

export interface Candidate {
  origin: StoryIn['origin']
  /** De-identified: no patient names, contact details, ID numbers or dates. */
  quote: string
  staff: CandidatePerson[]
  /** A first name two people share: the manager says which. */
  possibleStaff: CandidatePerson[]
  touchpoint?: string
  /** Why it was picked, in words a manager reads aloud. */
  reason: string
  /** 1 is the best. */
  rank: number
  score: number
  /** Praise themes found (`workshops/praise.json` ids). */
  praise: string[]
  recovery: boolean
  at: string
}

export interface CandidateOptions {
  people: readonly Recognisable[]
  lexicon: PraiseLexicon
  /** The comment reader's sentiment of a piece of text (the same reader as everywhere). */
  sentiment: (text: string, language: Language) => Promise<Sentiment>
}

interface Segment {
  text: string
  start: number
  end: number
  /** Begins after a turn ("but", "pero"): what follows puts right what came before. */
  afterTurn: boolean
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The text cut at sentence ends and at turns, each piece with where it sits in the text. */
function segments(text: string, turns: readonly string[]): Segment[] {
  const turnPattern = turns
    .map((turn) => turn.split(/\s+/).map(escapeRegExp).join('\\s+'))
    .sort((a, b) => b.length - a.length)
    .join('|')
  // Folding keeps offsets: accents are stripped per character below, so lengths match.
  const folded = [...text].map((ch) => fold(ch).charAt(0) || ch).join('')
  // A dot after a title or an initial ("Dra. Márquez", "Dr. O.") does not end a sentence.
  const cut = new RegExp(
    `(?<!\\b(?:dr|dra|mr|mrs|ms|mx|sr|sra|srta|prof|[a-z]))\\.+|[!?¡¿;\\n]+|\\b(?:${turnPattern})\\b`,
    'gu',
  )
  const pieces: Segment[] = []
  let from = 0
  let afterTurn = false
  for (const match of folded.matchAll(cut)) {
    pieces.push({ text: text.slice(from, match.index), start: from, end: match.index, afterTurn })
    afterTurn = /\p{L}/u.test(match[0]) || (afterTurn && pieces.at(-1)!.text.trim() === '')
    from = match.index + match[0].length
  }
  pieces.push({ text: text.slice(from), start: from, end: text.length, afterTurn })
  return pieces.filter((piece) => /\p{L}/u.test(piece.text))
}

const segmentAt = (pieces: Segment[], at: number) =>
  pieces.find((piece) => at >= piece.start && at < piece.end)

function names(people: readonly CandidatePerson[]): string {
  const list = people.map((p) => p.name)
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`
}

const asPerson = (p: Recognisable): CandidatePerson => ({ kind: p.kind, id: p.id, name: p.name })

/**
 * Reads one story. `undefined` when it is not a candidate: it names someone in a complaint,
 * names someone who asked not to be featured, or neither praises a named person nor tells of a
 * failure put right.
 */
async function read(
  story: StoryIn,
  { people, lexicon, sentiment }: CandidateOptions,
): Promise<Omit<Candidate, 'rank'> | undefined> {
  const { text, language } = story
  const found = findMentions(text, people)
  const namedPeople = [
    ...found.mentions.map((m) => m.person),
    ...(story.staff ?? []).flatMap((ref) =>
      people.filter((p) => p.kind === ref.kind && p.id === ref.id),
    ),
  ]
  // "Don't feature me" covers stories that merely name them, not just the ones that praise them.
  if (namedPeople.some((p) => p.featureOptOut)) return undefined

  const fromStaff = story.origin.kind === 'staff'
  const pieces = segments(text, lexicon.turns[language] ?? [])
  // Most comments name no one and have no turn: skip reading their sentiment (the week's cost).
  const named = found.mentions.length > 0 || found.ambiguous.length > 0
  if (!named && !fromStaff && !pieces.some((piece) => piece.afterTurn)) return undefined

  const feel = await Promise.all(pieces.map((piece) => sentiment(piece.text, language)))
  const praiseIn = pieces.map((piece) => matchThemes(piece.text, language, lexicon.themes))
  const whole = await sentiment(text, language)
  const failureTerms = [{ id: 'failure', terms: lexicon.failures }]
  const failed = pieces.map(
    (piece, i) =>
      feel[i]!.label === 'negative' || matchThemes(piece.text, language, failureTerms).length > 0,
  )
  const warm = pieces.map((_, i) => feel[i]!.label === 'positive' || praiseIn[i]!.length > 0)

  const praised = new Map<Recognisable, Mention>()
  for (const mention of found.mentions) {
    const index = pieces.indexOf(segmentAt(pieces, mention.start)!)
    if (index < 0) continue
    // A clause that speaks ill of them and has no praise in it is a complaint about them; not in
    // a colleague's story, which tells what went wrong before they put it right.
    if (!fromStaff && feel[index]!.label === 'negative' && praiseIn[index]!.length === 0)
      return undefined
    if (warm[index] || whole.label === 'positive') praised.set(mention.person, mention)
  }
  const recovery = pieces.some(
    (piece, j) => piece.afterTurn && warm[j] && failed.slice(0, j).some(Boolean),
  )
  if (praised.size === 0 && !recovery && !fromStaff) return undefined

  const staff = fromStaff
    ? namedPeople.filter((p, i, all) => all.indexOf(p) === i).map(asPerson)
    : [...praised.keys()].map(asPerson)
  const possibleStaff = found.ambiguous
    .flatMap((a) => a.people)
    .filter((p, i, all) => !p.featureOptOut && all.indexOf(p) === i)
    .map(asPerson)
  const praise = [...new Set(praiseIn.flat())]
  const labels = praise.map((id) => lexicon.themes.find((t) => t.id === id)?.label.en ?? id)

  const reasons: string[] = []
  if (fromStaff) reasons.push('A colleague saw it happen')
  if (!fromStaff && staff.length > 0) {
    const how = [...praised.values()].map((m) =>
      m.possessive ? `someone on ${m.person.name}'s team` : m.person.name,
    )
    reasons.push(`Praises ${names(how.map((name) => ({ kind: 'user', id: '', name })))}`)
  }
  if (recovery) reasons.push('Tells of a failure put right')
  if (labels.length > 0) reasons.push(labels.join(', '))
  for (const a of found.ambiguous) {
    const who = a.people.filter((p) => !p.featureOptOut).map(asPerson)
    if (who.length > 1)
      reasons.push(`"${a.matched}" could be ${names(who).replace(/ and ([^,]+)$/, ' or $1')}`)
  }

  const length = text.trim().length
  const score =
    (staff.length > 0 ? 2 : 0) +
    (recovery ? 1.5 : 0) +
    (fromStaff ? 1 : 0) +
    0.5 * Math.min(praise.length, 3) +
    Math.max(0, whole.score) +
    0.5 * (story.rating ?? 0.5) +
    (length >= 60 && length <= 600 ? 0.3 : 0) -
    (length < 25 ? 0.5 : 0)
  const keep = people.flatMap((p) => [p.name, ...p.aliases])
  return {
    origin: story.origin,
    quote: momentQuote(text, keep),
    staff,
    possibleStaff,
    ...(story.touchpoint ? { touchpoint: story.touchpoint } : {}),
    reason: reasons.join(' · '),
    score: Math.round(score * 1000) / 1000,
    praise,
    recovery,
    at: story.at,
  }
}

/**
 * The week's candidates for the customer-experience moment, best first: stories that praise a
 * named staffer or provider, or tell of a failure put right, and every colleague's "I saw this
 * happen". A story that names someone in a complaint, or names someone who opted out, is left out.
 *
 * @example
 * const ranked = await rankCandidates(stories, { people, lexicon: praise, sentiment })
 * ranked[0] // { quote: 'The wait was long but Ana kept us informed…', staff: [{ name: 'Ana Núñez', … }], rank: 1, … }
 */
export async function rankCandidates(
  stories: readonly StoryIn[],
  options: CandidateOptions,
): Promise<Candidate[]> {
  const read_ = await Promise.all(stories.map((story) => read(story, options)))
  return read_
    .filter((c): c is Omit<Candidate, 'rank'> => c !== undefined)
    .sort(
      (a, b) =>
        b.score - a.score || b.at.localeCompare(a.at) || a.origin.id.localeCompare(b.origin.id),
    )
    .map((candidate, index) => ({ ...candidate, rank: index + 1 }))
}
