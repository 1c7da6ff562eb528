import type { Language } from './api'

/**
 * The locale dates are written in, from the practice's (or the page's) language. US English and
 * US Spanish: the practices are American, so "Nov 10, 2026, 6:30 PM" and "10 nov 2026, 18:30".
 */
const locales: Record<Language, string> = { en: 'en-US', es: 'es-US' }

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

const styles = {
  date: { dateStyle: 'medium' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  time: { timeStyle: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>
type Style = keyof typeof styles

/**
 * One way to write a date or a time on every staff page: the practice's time zone, the locale of
 * its language, and one clock (the locale's) for times alone and times with dates alike.
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
