import { daysOfIsoWeek, isoWeekOf, shiftIsoWeek } from '$domain/moments/iso-week'
import { formatWeekOf } from '$lib/dates'

export { isoWeekOf, shiftIsoWeek }

/** An ISO week's name as people say it: "Week of Nov 23, 2026". */
export function weekName(week: string): string {
  return formatWeekOf(daysOfIsoWeek(week).monday)
}

/** The week an address asks for (`?week=2026-W48`), if it is one; else undefined. */
export function weekParam(url: URL): string | undefined {
  const week = url.searchParams.get('week') ?? ''
  return /^\d{4}-W(?:0[1-9]|[1-4]\d|5[0-3])$/.test(week) ? week : undefined
}
