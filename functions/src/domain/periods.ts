import { TZDate } from '@date-fns/tz'
import { addDays, addMonths, format } from 'date-fns'

/**
 * A range of whole days in the practice's time zone, as instants: `from` 2026-11-01 and `to`
 * 2026-11-30 in Chicago mean 05:00Z on Nov 1 up to (not including) 06:00Z on Dec 1.
 */
export function dayRange(from: string, to: string, timeZone: string): { start: Date; end: Date } {
  return { start: startOfDay(from, timeZone), end: addDays(startOfDay(to, timeZone), 1) }
}

function startOfDay(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(new TZDate(y, m - 1, d, timeZone).getTime())
}

/** The practice-time months (`2026-11`) that the instants span, newest first. */
export function monthsBetween(start: Date, end: Date, timeZone: string): string[] {
  const first = format(new TZDate(start.getTime(), timeZone), 'yyyy-MM')
  const last = format(new TZDate(end.getTime() - 1, timeZone), 'yyyy-MM')
  const months: string[] = []
  const [y, m] = last.split('-').map(Number) as [number, number]
  let cursor = new TZDate(y, m - 1, 1, timeZone)
  while (format(cursor, 'yyyy-MM') >= first && months.length < 600) {
    months.push(format(cursor, 'yyyy-MM'))
    cursor = addMonths(cursor, -1)
  }
  return months
}
