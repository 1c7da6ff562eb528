import { TZDate, tz } from '@date-fns/tz'
import { addDays, set } from 'date-fns'
import { minutesOfDay, type InvitationRules } from './rules'

type Window = Pick<InvitationRules, 'sendWindowStart' | 'sendWindowEnd'>

/**
 * How far ahead we look for a moment open in every zone. The windows repeat daily, so if none is
 * found in 8 days (a week, plus a day for a daylight-saving change to shift them) there is none.
 */
const searchDays = 8

/**
 * Whether `at` falls inside the send window in `zone` (start inclusive, end exclusive: at 20:00
 * sharp it is "after 8 p.m." in Florida's words).
 *
 * @example
 * insideWindow(new Date('2026-11-24T14:00:00Z'), 'America/Chicago', rules) // true (08:00 CST)
 */
export function insideWindow(at: Date, zone: string, rules: Window): boolean {
  const local = new TZDate(at.getTime(), zone)
  const minutes = local.getHours() * 60 + local.getMinutes()
  return (
    minutes >= minutesOfDay(rules.sendWindowStart) && minutes < minutesOfDay(rules.sendWindowEnd)
  )
}

/** The window's next opening in `zone` after `at`: today's if it is still ahead, else tomorrow's. */
function nextOpening(at: Date, zone: string, rules: Window): Date {
  const start = minutesOfDay(rules.sendWindowStart)
  const opening = (day: Date) =>
    set(
      day,
      { hours: Math.floor(start / 60), minutes: start % 60, seconds: 0, milliseconds: 0 },
      { in: tz(zone) },
    )
  const today = opening(at)
  // A date-fns day step in the zone keeps 08:00 at 08:00 across a daylight-saving change.
  return today.getTime() > at.getTime() ? today : opening(addDays(at, 1, { in: tz(zone) }))
}

/**
 * The first instant at or after `earliest` that is inside the send window in **every** zone given:
 * the practice's zone and, when the number's area code says the patient lives elsewhere, that zone
 * (or zones, when an area code straddles a boundary). Texting a Los Angeles number at 8 a.m. New
 * York time wakes the patient at 5, so the window is the intersection of the local windows
 * (TCPA 47 CFR 64.1200(c)(1), Florida FTSA §501.059(8)(a), Oklahoma OTSA: the recipient's local
 * time). The same rules apply to e-mail, which a phone announces just as loudly.
 *
 * Returns `undefined` when the windows never overlap: a practice that narrowed its window to
 * 10:00–14:00 in New York has no common hour with a Honolulu number (14:00–18:00 UTC against
 * 20:00–24:00 UTC). The caller suppresses such an invitation rather than sending at a bad hour.
 *
 * @example
 * // 19:30 in Chicago is 20:30 for a Miami number: wait for 8 a.m. Chicago (9 a.m. in Miami).
 * nextSendTime(new Date('2026-11-24T01:30:00Z'), ['America/Chicago', 'America/New_York'], rules)
 * // → 2026-11-24T14:00:00.000Z
 */
export function nextSendTime(earliest: Date, zones: string[], rules: Window): Date | undefined {
  if (zones.length === 0) throw new Error('nextSendTime needs at least one time zone')
  const limit = earliest.getTime() + searchDays * 24 * 60 * 60 * 1000
  let at = new Date(earliest.getTime())
  // Each round moves `at` to the latest next opening among the zones that are closed now; it only
  // ever moves forward, and stops as soon as every zone is open at once.
  while (at.getTime() <= limit) {
    const closed = zones.filter((zone) => !insideWindow(at, zone, rules))
    if (closed.length === 0) return at
    const openings = closed.map((zone) => nextOpening(at, zone, rules).getTime())
    at = new Date(Math.max(...openings))
  }
  return undefined
}
