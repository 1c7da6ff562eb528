/**
 * The comments of figure 14's week: what a large practice's patients write in one week, built from
 * the demo generator's banks (functions/src/demo/comments.ts, review-texts.ts) and its stories that
 * name staff (staff-stories.ts, on the demo's team). A seeded mix, the same every run.
 */
import { comments, type Tone } from '../../functions/src/demo/comments'
import { seeded, type Random } from '../../functions/src/demo/random'
import { reviewTexts } from '../../functions/src/demo/review-texts'
import { staffStories, type StoryKind } from '../../functions/src/demo/staff-stories'
import type { Language } from '../../functions/src/domain/practice'

/** What a comment is, for the report's mix (a story naming someone, or one of the plain bank's tones). */
export type Kind = `named ${StoryKind}` | Tone

export interface WeekComment {
  kind: Kind
  text: string
  language: Language
  /** 0-10, as the patient answered "how likely to recommend"; a review's stars are 1-5. */
  score: number
  /** A review on a site rather than a survey comment. */
  review: boolean
}

/**
 * Shares of the week's comments. Named: 6% praise a staffer or clinician by name or alias, 3% tell
 * of a failure they put right, 1% name someone in a complaint; the rest are the plain bank's tones.
 */
export const mix: readonly (readonly [Kind, number])[] = [
  ['named praise', 0.06],
  ['named recovery', 0.03],
  ['named complaint', 0.01],
  ['praise', 0.3],
  ['complaint', 0.25],
  ['mixed', 0.15],
  ['suggestion', 0.2],
]

const scoreOf: Record<string, readonly [number, number]> = {
  praise: [9, 10],
  recovery: [7, 10],
  complaint: [0, 6],
  mixed: [6, 8],
  suggestion: [7, 9],
}

const reviewTone: Record<Tone, 'praise' | 'mixed' | 'complaint'> = {
  praise: 'praise',
  complaint: 'complaint',
  mixed: 'mixed',
  suggestion: 'mixed',
}

function text(kind: Kind, language: Language, review: boolean, random: Random): string {
  if (kind.startsWith('named ')) {
    const story = kind.slice('named '.length)
    return random.pick(staffStories.filter((s) => s.kind === story && s.language === language)).text
  }
  const tone = kind as Tone
  if (review) {
    const pool = reviewTexts.filter(
      (r) => r.language === language && r.tone === reviewTone[tone] && r.text,
    )
    return random.pick(pool).text
  }
  const pool = comments.filter((c) => c.language === language && c.tone === tone)
  const first = random.pick(pool).text
  // Some patients write two things: fewer repeated texts, as in a real week.
  return random.chance(0.35) ? `${first} ${random.pick(pool).text}` : first
}

/**
 * `count` comments, `reviewShare` of them reviews, 15% in Spanish.
 *
 * @example
 * weekComments(2000, 0.1).filter((c) => c.review).length // about 200
 */
export function weekComments(count: number, reviewShare: number, seed = 2026): WeekComment[] {
  const random = seeded(seed)
  return Array.from({ length: count }, () => {
    const kind = random.weighted(mix)
    const language: Language = random.chance(0.15) ? 'es' : 'en'
    const review = random.chance(reviewShare)
    const [low, high] = scoreOf[kind.replace('named ', '')]!
    return {
      kind,
      language,
      review,
      text: text(kind, language, review, random),
      score: random.int(low, high),
    }
  })
}
