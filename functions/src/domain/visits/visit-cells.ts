import { TZDate } from '@date-fns/tz'
import type { Language } from '../practice'

/**
 * Reading the cells of a visits file that scheduling systems write in their own ways: dates, times,
 * yes/no and languages. Each reader answers undefined for a cell it cannot read; the row names it.
 */

const isoDate = /^(\d{4})-(\d{1,2})-(\d{1,2})$/
// US order, as US scheduling systems and spreadsheets write it: 11/30/2026, 11/30/26, 1-5-2026.
const usDate = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})$/
const clock = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?$/i

export interface CalendarDay {
  year: number
  month: number
  day: number
}

/**
 * A date cell as a calendar day: ISO (`2026-11-30`) or US (`11/30/2026`, `11/30/26`). Day-first
 * dates (30/11/2026) are not read: in a US file 05/11 is May 11, and guessing would move visits.
 *
 * @example
 * readDay('11/30/2026') // { year: 2026, month: 11, day: 30 }
 * readDay('2026-02-30') // undefined (no such day)
 */
export function readDay(cell: string): CalendarDay | undefined {
  const text = cell.trim()
  const iso = isoDate.exec(text)
  const us = iso ? undefined : usDate.exec(text)
  if (!iso && !us) return undefined
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : [Number(us![3]!.length === 2 ? `20${us![3]}` : us![3]), Number(us![1]), Number(us![2])]
  const probe = new Date(Date.UTC(year, month - 1, day))
  if (
    year < 1900 ||
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day
  )
    return undefined
  return { year, month, day }
}

export interface ClockTime {
  hour: number
  minute: number
  second: number
}

/**
 * A time cell as a wall-clock time: 12-hour (`9:30 AM`, `9:30pm`, `9 a.m.`) or 24-hour (`09:30`,
 * `14:05`, `14:05:00`). A bare number without AM/PM (`9`) is refused: it may be a duration.
 *
 * @example
 * readClock('9:30 AM') // { hour: 9, minute: 30, second: 0 }
 * readClock('12:15 AM') // { hour: 0, minute: 15, second: 0 }
 * readClock('13:00 PM') // undefined
 */
export function readClock(cell: string): ClockTime | undefined {
  const match = clock.exec(cell.trim())
  if (!match) return undefined
  const [, h, m, s, meridiem] = match
  if (m === undefined && meridiem === undefined) return undefined
  let hour = Number(h)
  const minute = Number(m ?? 0)
  const second = Number(s ?? 0)
  if (minute > 59 || second > 59) return undefined
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0)
  } else if (hour > 23) return undefined
  return { hour, minute, second }
}

/**
 * The instant a day and a wall-clock time stand for in a time zone, as an ISO string. In the hour
 * a spring-forward change skips, the clock is read an hour later (as the zone's own clocks would
 * show it); in the hour a fall-back change repeats, the first of the two.
 *
 * @example
 * zonedInstant({ year: 2026, month: 11, day: 30 }, { hour: 9, minute: 30, second: 0 }, 'America/Chicago')
 * // '2026-11-30T15:30:00.000Z'
 */
export function zonedInstant(day: CalendarDay, time: ClockTime, timeZone: string): string {
  const at = new TZDate(
    day.year,
    day.month - 1,
    day.day,
    time.hour,
    time.minute,
    time.second,
    timeZone,
  )
  return new Date(at.getTime()).toISOString()
}

/**
 * A date cell that also holds the time (`2026-11-30 09:30`, `2026-11-30T14:05`, `11/30/2026 9:30
 * AM`), as some exports write one column: split into its day and time cells.
 *
 * @example
 * splitDateTime('11/30/2026 9:30 AM') // { date: '11/30/2026', time: '9:30 AM' }
 * splitDateTime('11/30/2026') // undefined
 */
export function splitDateTime(cell: string): { date: string; time: string } | undefined {
  const match = /^(\S+?)(?:[T ]|,\s*)\s*(\d{1,2}:\d{2}.*)$/i.exec(cell.trim())
  return match ? { date: match[1]!, time: match[2]! } : undefined
}

const yes = new Set(['yes', 'y', 'true', '1', 'si', 'sí'])
const no = new Set(['no', 'n', 'false', '0'])

/**
 * A consent cell: yes/no, y/n, true/false, 1/0, sí/no (in any case). A blank cell is no consent:
 * consent is never assumed. Anything else is undefined, so the row says it cannot read it rather
 * than guess either way.
 *
 * @example
 * readConsent('Sí') // true
 * readConsent('') // false
 * readConsent('maybe') // undefined
 */
export function readConsent(cell: string): boolean | undefined {
  const text = cell.trim().toLowerCase()
  if (text === '') return false
  if (yes.has(text)) return true
  if (no.has(text)) return false
  return undefined
}

const languageNames: Record<string, Language> = {
  en: 'en',
  eng: 'en',
  english: 'en',
  ingles: 'en',
  es: 'es',
  spa: 'es',
  spanish: 'es',
  espanol: 'es',
  castellano: 'es',
}

/**
 * A language cell as one of ours: a code (`en`, `es-MX`, `spa`) or a name in English or Spanish
 * (`Spanish`, `Español`, `inglés`). Undefined for any other language.
 *
 * @example
 * readLanguage('es-MX') // 'es'
 * readLanguage('Español') // 'es'
 * readLanguage('fr') // undefined
 */
export function readLanguage(cell: string): Language | undefined {
  const text = foldText(cell).replace(/[-_].*$/, '')
  return languageNames[text]
}

/**
 * Text folded for matching: accents dropped, lower case, spaces collapsed (`  José  PÉREZ` →
 * `jose perez`).
 *
 * @example
 * foldText('  Clínica  Norte ') // 'clinica norte'
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
}
