import { tz } from '@date-fns/tz'
import { format, startOfISOWeek } from 'date-fns'

/**
 * Periods in the practice's own time zone: a response given at 11 pm on Sunday in Chicago belongs
 * to that week, whatever UTC says.
 */

/** The Monday that starts the ISO week containing `at`, as `2026-11-16`. */
export function weekOf(at: Date, timeZone: string): string {
  return format(startOfISOWeek(at, { in: tz(timeZone) }), 'yyyy-MM-dd', { in: tz(timeZone) })
}

/** The calendar month containing `at`, as `2026-11`. */
export function monthOf(at: Date, timeZone: string): string {
  return format(at, 'yyyy-MM', { in: tz(timeZone) })
}

/** The calendar day containing `at`, as `2026-11-23`. */
export function dayOf(at: Date, timeZone: string): string {
  return format(at, 'yyyy-MM-dd', { in: tz(timeZone) })
}
