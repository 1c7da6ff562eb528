import { formatDate, formatTime } from '$lib/dates'
import { en, type BoardStrings } from '$lib/board/strings'

/**
 * When a guest link stops working, as people say it: "Expires today at 6:30 PM", "Expires
 * tomorrow at 9:00 AM", "Expires on Nov 17, 2026 at 6:30 PM" ("Vence hoy a las 18:30"). Days are
 * counted in `timeZone` (the browser's by default); dates and times are written by `$lib/dates`.
 *
 * @example
 * expiryText('2026-11-10T18:30:00Z', Date.parse('2026-11-10T09:00:00Z'), 'UTC') // 'Expires today at 6:30 PM'
 */
export function expiryText(
  expiresAt: string,
  now: number,
  timeZone?: string,
  text: BoardStrings = en,
): string {
  const end = new Date(expiresAt)
  const said = text.share
  if (end.getTime() <= now) return said.expired
  // The same clock as every other time on the page (the guest list's "made" dates too).
  const time = formatTime(end, timeZone, text.language)
  // Which calendar day, compared in one fixed writing (the language does not matter here).
  const day = (at: Date | number) => formatDate(new Date(at), timeZone)
  const endDay = day(end)
  if (endDay === day(now)) return said.expiresToday(time)
  if (endDay === day(now + 86_400_000)) return said.expiresTomorrow(time)
  return said.expiresOn(formatDate(end, timeZone, text.language), time)
}

/** Lifetimes offered for a guest link, in hours (the API takes 1 to 168). */
export const guestLinkDurations = [2, 12, 24, 168] as const

/** A lifetime in words: "12 hours", "7 days" ("12 horas", "7 días"). */
export function durationLabel(hours: number, text: BoardStrings = en): string {
  return hours % 24 === 0 && hours > 24 ? text.share.days(hours / 24) : text.share.hours(hours)
}
