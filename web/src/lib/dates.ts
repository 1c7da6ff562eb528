import type { Language } from './api'

/**
 * The one module that writes dates and times on staff pages (ESLint refuses `Intl.DateTimeFormat`
 * and `toLocale…String` anywhere else in `web/src`). Staff pages are in English, so they pass no
 * language and get `en`; the patient's pages pass theirs.
 */

/**
 * The locale dates are written in, from the practice's (or the page's) language. US English and
 * US Spanish: the practices are American, so "Nov 10, 2026, 6:30 PM" and "10 nov 2026, 18:30".
 */
const locales: Record<Language, string> = { en: 'en-US', es: 'es-US' }

const styles = {
  date: { dateStyle: 'medium' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  time: { timeStyle: 'short' },
  // The medium date's month abbreviation and year, without the day: "Nov 2026", "nov 2026".
  month: { month: 'short', year: 'numeric' },
  // Digits only, read back by `isoDateIn` from their parts, never from a locale's punctuation.
  isoParts: { year: 'numeric', month: '2-digit', day: '2-digit' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>
type Style = keyof typeof styles

/** Formatters are costly to build and pages print many dates: one per locale, zone and style. */
const cache = new Map<string, Intl.DateTimeFormat>()
function formatter(language: Language, timeZone: string | undefined, style: Style) {
  const key = `${language}|${timeZone ?? ''}|${style}`
  let made = cache.get(key)
  if (!made) {
    made = new Intl.DateTimeFormat(locales[language], { ...styles[style], timeZone })
    cache.set(key, made)
  }
  return made
}

/**
 * One way to write a date or a time on every staff page: the practice's time zone, the locale of
 * its language, and one clock (the locale's) for times alone and times with dates alike. Without
 * a zone the browser's is used: right only where no practice is known yet (an invitation page).
 *
 * @example
 * formatDate('2026-11-10T18:30:00Z', 'UTC') // 'Nov 10, 2026'
 * formatDateTime('2026-11-10T18:30:00Z', 'UTC') // 'Nov 10, 2026, 6:30 PM'
 * formatTime('2026-11-10T18:30:00Z', 'UTC', 'es') // '18:30'
 */
export function formatDate(at: string | Date, timeZone?: string, language: Language = 'en') {
  return formatter(language, timeZone, 'date').format(new Date(at))
}

export function formatDateTime(at: string | Date, timeZone?: string, language: Language = 'en') {
  return formatter(language, timeZone, 'dateTime').format(new Date(at))
}

export function formatTime(at: string | Date, timeZone?: string, language: Language = 'en') {
  return formatter(language, timeZone, 'time').format(new Date(at))
}

/**
 * The calendar day an instant falls on in a time zone, as YYYY-MM-DD: what "today" is for the
 * practice, whatever zone the browser is in. For computing (ranges, the API's `from`/`to`), not
 * for showing: show a day with `formatDay`.
 *
 * @example
 * isoDateIn('2026-11-11T03:00:00Z', 'America/Chicago') // '2026-11-10'
 * isoDateIn(new Date(), me.practice.timeZone) // today at the practice
 */
export function isoDateIn(at: string | Date, timeZone: string): string {
  const parts = formatter('en', timeZone, 'isoParts').formatToParts(new Date(at))
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}

/** A YYYY-MM-DD or YYYY-MM as the instant of its first day's noon in UTC, formatted in UTC. */
function calendarDay(day: string): Date {
  const [y, m, d = 1] = day.split('-').map(Number) as [number, number, number?]
  return new Date(Date.UTC(y, m - 1, d, 12))
}

/**
 * A calendar day (YYYY-MM-DD: a range's end, a week's Monday), written as `formatDate` writes
 * dates. A day has no time zone: it is the same day wherever it is read.
 *
 * @example
 * formatDay('2026-11-10') // 'Nov 10, 2026'
 * formatDay('2026-11-10', 'es') // '10 nov 2026'
 */
export function formatDay(day: string, language: Language = 'en'): string {
  return formatDate(calendarDay(day), 'UTC', language)
}

/**
 * Two calendar days as a range, each written in full.
 *
 * @example
 * formatDayRange('2026-09-02', '2026-12-01') // 'Sep 2, 2026 – Dec 1, 2026'
 */
export function formatDayRange(from: string, to: string, language: Language = 'en'): string {
  return `${formatDay(from, language)} – ${formatDay(to, language)}`
}

/**
 * A month (YYYY-MM), with the month's name as `formatDate` abbreviates it.
 *
 * @example
 * formatMonth('2026-11') // 'Nov 2026'
 */
export function formatMonth(month: string, language: Language = 'en'): string {
  return formatter(language, 'UTC', 'month').format(calendarDay(month))
}

const weekOf: Record<Language, string> = { en: 'Week of', es: 'Semana del' }

/**
 * A week named by its first day (YYYY-MM-DD), where it stands alone (a chart's tooltip); under a
 * "Week of" column the day itself (`formatPeriod`) is enough.
 *
 * @example
 * formatWeekOf('2026-11-09') // 'Week of Nov 9, 2026'
 */
export function formatWeekOf(day: string, language: Language = 'en'): string {
  return `${weekOf[language]} ${formatDay(day, language)}`
}

/**
 * A dashboard period as the API names it (a week's first day YYYY-MM-DD, or a month YYYY-MM), for
 * a chart's axis or a table under a "Week of" / "Month" heading.
 *
 * @example
 * formatPeriod('2026-11-09', 'week') // 'Nov 9, 2026'
 * formatPeriod('2026-11', 'month') // 'Nov 2026'
 */
export function formatPeriod(
  period: string,
  interval: 'week' | 'month',
  language: Language = 'en',
): string {
  return interval === 'month' ? formatMonth(period, language) : formatDay(period, language)
}
