import { praise } from '../../../../workshops'
import { rankCandidates, type Candidate } from '../../domain/moments/candidates'
import { isoWeekRange } from '../../domain/moments/iso-week'
import type { Recognisable } from '../../domain/moments/recognisable'
import type { Practice } from '../../domain/practice'
import { commentReader } from '../../ingest/comment-reader'
import type { Db } from '../../store/db'
import { weekStories } from '../../store/week-stories'

const sentiment = async (text: string, language: Practice['languages'][number]) =>
  (await commentReader.analyze(text, language)).sentiment

/**
 * The week's candidates, ranked, read with the same comment reader as every figure.
 *
 * @example
 * const items = await weekCandidates(db, practice, '2026-W48', await roster(db, practice.id))
 */
export async function weekCandidates(
  db: Db,
  practice: Pick<Practice, 'id' | 'timeZone' | 'languages'>,
  week: string,
  people: readonly Recognisable[],
): Promise<Candidate[]> {
  const stories = await weekStories(db, practice, week, isoWeekRange(week, practice.timeZone))
  return rankCandidates(stories, { people, lexicon: praise, sentiment })
}
