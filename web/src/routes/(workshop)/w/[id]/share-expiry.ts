import { formatTime } from '$lib/dates'
import { dayText } from './actions-format'

/**
 * When a guest link stops working, as people say it: "Expires today at 6:30 PM", "Expires
 * tomorrow at 9:00 AM", "Expires on Fri 14 Nov at 6:30 PM". Days are counted in `timeZone` (the browser's by
 * default).
 *
 * @example
 * expiryText('2026-11-10T18:30:00Z', Date.parse('2026-11-10T09:00:00Z'), 'UTC') // 'Expires today at 6:30 PM'
 */
export function expiryText(expiresAt: string, now: number, timeZone?: string): string {
  const end = new Date(expiresAt)
  if (end.getTime() <= now) return 'Expired'
  const day = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  })
  // The same clock as every other time on the page (the guest list's "made" dates too).
  const time = formatTime(end, timeZone)
  const endDay = day.format(end)
  if (endDay === day.format(now)) return `Expires today at ${time}`
  if (endDay === day.format(now + 86_400_000)) return `Expires tomorrow at ${time}`
  return `Expires on ${dayText(end, timeZone)} at ${time}`
}

/** Lifetimes offered for a guest link, in hours (the API takes 1 to 168). */
export const guestLinkDurations = [
  { hours: 2, label: '2 hours' },
  { hours: 12, label: '12 hours' },
  { hours: 24, label: '24 hours' },
  { hours: 168, label: '7 days' },
] as const
