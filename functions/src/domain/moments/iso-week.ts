import { tz } from '@date-fns/tz'
import { addDays, format, startOfISOWeek } from 'date-fns'
import { dayRange } from '../periods'

/**
 * ISO weeks (`2026-W48`) in the practice's time zone: the moment is a weekly ritual, and a comment
 * written at 11 pm on Sunday in Chicago belongs to that Sunday's week, whatever UTC says.
 */

/** The ISO week containing `at`, in the practice's time zone. */
export function isoWeekOf(at: Date, timeZone: string): string {
  return format(at, "RRRR-'W'II", { in: tz(timeZone) })
}

/** The Monday and Sunday of an ISO week, as days (`2026-11-23`, `2026-11-29`). */
export function daysOfIsoWeek(week: string): { monday: string; sunday: string } {
  const [year, number] = week.split('-W').map(Number) as [number, number]
  // Week 1 is the week with 4 January in it (ISO 8601); noon UTC keeps the day whatever the zone.
  const firstMonday = startOfISOWeek(new Date(Date.UTC(year, 0, 4, 12)), { in: tz('UTC') })
  const monday = addDays(firstMonday, (number - 1) * 7)
  const day = (d: Date) => format(d, 'yyyy-MM-dd', { in: tz('UTC') })
  return { monday: day(monday), sunday: day(addDays(monday, 6)) }
}

/**
 * The instants an ISO week spans in the practice's time zone: Monday 00:00 up to (not including)
 * the next Monday 00:00.
 *
 * @example
 * isoWeekRange('2026-W48', 'America/Chicago') // { start: 2026-11-23T06:00Z, end: 2026-11-30T06:00Z }
 */
export function isoWeekRange(week: string, timeZone: string): { start: Date; end: Date } {
  const { monday, sunday } = daysOfIsoWeek(week)
  return dayRange(monday, sunday, timeZone)
}

/** The weeks before and after, for a week picker. */
export function shiftIsoWeek(week: string, by: number): string {
  const { monday } = daysOfIsoWeek(week)
  const [y, m, d] = monday.split('-').map(Number) as [number, number, number]
  return isoWeekOf(addDays(new Date(Date.UTC(y, m - 1, d, 12)), by * 7), 'UTC')
}
