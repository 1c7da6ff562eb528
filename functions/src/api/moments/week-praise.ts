import { createHash } from 'node:crypto'
import { isoWeekRange } from '../../domain/moments/iso-week'
import type { Recognisable } from '../../domain/moments/recognisable'
import type { Practice } from '../../domain/practice'
import type { Db } from '../../store/db'
import * as weekPraise from '../../store/week-praise'
import { weekCandidates } from './week-candidates'

type Tally = weekPraise.WeekPraise['people']

/** What the tally was read with: the same people, names, aliases and opt-outs. */
const rosterHash = (people: readonly Recognisable[]) =>
  createHash('sha256')
    .update(JSON.stringify(people.map((p) => [p.kind, p.id, p.name, p.aliases, p.featureOptOut])))
    .digest('base64url')

/**
 * Per person (`user:<id>`, `provider:<id>`), how many of the week's comments and reviews praised
 * them, and with which themes. A finished week's tally is kept (a week at most, and only for this
 * roster), so the wall's 13 weeks cost one read each instead of reading every comment again.
 *
 * @example
 * const tally = await praiseOfWeek(db, practice, '2026-W47', people) // { 'provider:01J…': { mentions: 3, themes: { listened: 2 } } }
 */
export async function praiseOfWeek(
  db: Db,
  practice: Pick<Practice, 'id' | 'timeZone' | 'languages'>,
  week: string,
  people: readonly Recognisable[],
  now = new Date(),
): Promise<Tally> {
  const finished = isoWeekRange(week, practice.timeZone).end.getTime() <= now.getTime()
  const roster = rosterHash(people)
  if (finished) {
    const kept = await weekPraise.get(db, practice.id, week, roster, now)
    if (kept) return kept.people
  }
  const tally: Tally = {}
  for (const candidate of await weekCandidates(db, practice, week, people)) {
    if (candidate.origin.kind === 'staff') continue
    for (const person of candidate.staff) {
      const row = (tally[`${person.kind}:${person.id}`] ??= { mentions: 0, themes: {} })
      row.mentions++
      for (const theme of candidate.praise) row.themes[theme] = (row.themes[theme] ?? 0) + 1
    }
  }
  if (finished) {
    await weekPraise.put(db, practice.id, {
      week,
      roster,
      computedAt: now.toISOString(),
      people: tally,
    })
  }
  return tally
}
