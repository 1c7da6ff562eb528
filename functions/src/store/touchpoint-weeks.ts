import { addDays, weekStart } from '../domain/analytics/periods'
import type { TouchpointWeek } from '../domain/governance/outcome'
import { countOf, pick, scale, touchpointHistogram, withPrefix } from '../domain/metrics/histogram'
import * as counters from './counters'
import type { Db } from './db'
import type { CounterScope } from './keys'

/**
 * A touch point's weeks, from the weekly counters of every survey together (`*`): one Query over
 * `W#<scope>#<monday>` for the range, so the cost depends on the number of weeks, never on the
 * number of responses behind them. Every week from `from`'s to `to`'s is answered, oldest first;
 * a week without answers has n 0 (and no `nps`).
 *
 * `n` counts the touch point's 1-5 answers (every question that measures it), `k` the 4s and 5s.
 * `nps` is the week's likelihood-to-recommend answers of the surveys in `npsSurveys` (the surveys
 * that rate this touch point and ask NPS: the counters keep NPS by survey, not by touch point),
 * one Query more per survey; none when the list is empty.
 *
 * @example
 * await weeklyTopBox(db, practiceId, 'check-in', '2026-09-07', '2026-12-01')
 * // [{ week: '2026-09-07', n: 20, k: 8, nps: { promoters: 9, passives: 5, detractors: 6 } }, …]
 */
export async function weeklyTopBox(
  db: Db,
  practiceId: string,
  touchpointId: string,
  from: string,
  to: string,
  { scope = 'all', npsSurveys = [] }: { scope?: CounterScope; npsSurveys?: readonly string[] } = {},
): Promise<TouchpointWeek[]> {
  const first = weekStart(from)
  const last = weekStart(to)
  if (first > last) return []
  const range = { period: 'W' as const, scope, first, last }
  const [rows, ...bySurvey] = await Promise.all([
    counters.readRange(db, practiceId, { ...range, surveyId: '*' }),
    ...npsSurveys.map((surveyId) => counters.readRange(db, practiceId, { ...range, surveyId })),
  ])
  const byWeek = new Map(rows!.map((row) => [row.start, row.values]))
  const npsByWeek = new Map<string, Record<string, number>>()
  for (const row of bySurvey.flat()) {
    const sum = npsByWeek.get(row.start) ?? {}
    for (const [name, count] of Object.entries(withPrefix(row.values, 'nps.v.')))
      sum[name] = (sum[name] ?? 0) + count
    npsByWeek.set(row.start, sum)
  }
  const weeks: TouchpointWeek[] = []
  for (let week = first; week <= last; week = addDays(week, 7)) {
    weeks.push(weekOf(week, touchpointId, byWeek.get(week) ?? {}, npsByWeek.get(week) ?? {}))
  }
  return weeks
}

function weekOf(
  week: string,
  touchpointId: string,
  values: Record<string, number>,
  npsValues: Record<string, number>,
): TouchpointWeek {
  const ratings = pick(touchpointHistogram(values, touchpointId), scale(1, 5))
  const recommend = pick(npsValues, scale(0, 10))
  const answered = countOf(recommend)
  return {
    week,
    n: countOf(ratings),
    k: countOf(ratings, [4, 5]),
    ...(answered > 0
      ? {
          nps: {
            promoters: countOf(recommend, [9, 10]),
            passives: countOf(recommend, [7, 8]),
            detractors: countOf(recommend, scale(0, 6)),
          },
        }
      : {}),
  }
}
