import { isoWeekOf, shiftIsoWeek } from '../../domain/moments/iso-week'
import { dayRange } from '../../domain/periods'

/** `2026-11-01` or `2026-W44`, as the ISO week it falls in (the practice's time zone). */
function weekOfDayOrWeek(value: string, timeZone: string): string {
  if (value.includes('-W')) return value
  return isoWeekOf(dayRange(value, value, timeZone).start, timeZone)
}

/**
 * The weeks a `from`/`to` query covers: by default the last 13 weeks (a quarter) up to this one.
 *
 * @example
 * weekSpan({ from: '2026-W40' }, 'America/Chicago', '2026-W48') // { fromWeek: '2026-W40', toWeek: '2026-W48', weeks: 9 }
 */
export function weekSpan(
  query: { from?: string | undefined; to?: string | undefined },
  timeZone: string,
  thisWeek: string,
): { fromWeek: string; toWeek: string; weeks: number } {
  const toWeek = query.to ? weekOfDayOrWeek(query.to, timeZone) : thisWeek
  const fromWeek = query.from ? weekOfDayOrWeek(query.from, timeZone) : shiftIsoWeek(toWeek, -12)
  let weeks = 0
  for (let week = fromWeek; week <= toWeek && weeks < 600; week = shiftIsoWeek(week, 1)) weeks++
  return { fromWeek, toWeek, weeks }
}
