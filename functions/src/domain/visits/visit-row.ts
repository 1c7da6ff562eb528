import { Email, type Language } from '../practice'
import { plainText } from '../plain-text'
import type { FoundPlace } from './place-finder'
import { normalisePhone, type E164 } from './phone'
import { contactExpiresAt, type InvitationWindow } from './visit'
import {
  readClock,
  readConsent,
  readDay,
  readLanguage,
  splitDateTime,
  zonedInstant,
} from './visit-cells'
import type { VisitField } from './visit-columns'

/** What a good row says, before it is made a `Visit` (hashed, given an id, trimmed to consent). */
export interface VisitRow {
  visitAt: string
  providerId?: string
  locationId?: string
  firstName?: string
  email?: string
  mobile?: E164
  language: Language
  consent: { email: boolean; sms: boolean }
}

export type ReadVisitRow = { ok: true; value: VisitRow } | { ok: false; reasons: string[] }

export interface VisitRowContext {
  timeZone: string
  /** The practice's languages; the first is a row's language when its cell is blank. */
  languages: readonly Language[]
  findProvider: (cell: string) => FoundPlace
  findLocation: (cell: string) => FoundPlace
  now: Date
  window: InvitationWindow
  /** The column each field was read from, as the file writes it, to name it in a reason. */
  columnOf: (field: VisitField) => string | undefined
  /**
   * Instants already worked out for this file, by day and time: a practice's visits fall on a few
   * dozen slots a day, and the time-zone arithmetic is the dearest part of reading a row.
   */
  instants?: Map<string, string>
}

const maxFirstName = 60
const datesWeRead = 'a date such as 2026-11-30 or 11/30/2026'
const timesWeRead = 'a time such as 9:30 AM, 09:30 or 14:05'
const consentsWeRead = 'yes or no (also y/n, true/false, 1/0, sí/no; blank is no)'

/**
 * One row of a visits file (its cells by field) read and checked against the practice: the visit's
 * instant from its date and time in the practice's time zone, its provider and location, the
 * patient's first name, e-mail address and mobile number (E.164), language and consents. Every bad
 * cell of the row is named, not only the first. A reason names the field (and the file's column
 * when it is called otherwise) and says what was expected; it never repeats a patient's name,
 * address or number (a provider's or location's name, which staff wrote, it does repeat).
 *
 * @example
 * readVisitRow({ date: '11/30/2026', time: '9:30 AM', mobile: '(212) 555-0100', sms_consent: 'yes' }, context)
 * // { ok: true, value: { visitAt: '2026-11-30T14:30:00.000Z', mobile: '+12125550100', language: 'en', consent: { email: false, sms: true } } }
 * readVisitRow({ date: '30/11/2026', mobile: '555' }, context)
 * // { ok: false, reasons: ['date: expected a date such as 2026-11-30 or 11/30/2026', 'mobile: too short'] }
 */
export function readVisitRow(
  cells: Partial<Record<VisitField, string>>,
  context: VisitRowContext,
): ReadVisitRow {
  const cell = (field: VisitField) => plainText(cells[field] ?? '').trim()
  const reasons: string[] = []
  const say = (field: VisitField, message: string) => {
    const column = context.columnOf(field)
    const named = column && column.toLowerCase() !== field ? ` (column ${column})` : ''
    reasons.push(`${field}${named}: ${message}`)
  }

  const visitAt = readInstant(cell('date'), cell('time'), context, say)
  if (visitAt !== undefined) {
    const at = Date.parse(visitAt)
    if (at > context.now.getTime())
      say('date', 'the visit is in the future: invitations go after the visit')
    else if (Date.parse(contactExpiresAt(visitAt, context.window)) <= context.now.getTime()) {
      const days = Math.round(context.window.linkLifetimeHours / 24)
      say(
        'date',
        `the visit is older than the invitation window (${days} days): its link could no longer be answered`,
      )
    }
  }

  const placeOf = (field: 'provider' | 'location', find: VisitRowContext['findProvider']) => {
    const written = cell(field)
    if (written === '') return undefined
    const found = find(written)
    if ('found' in found) return found.found.id
    const name = JSON.stringify(written.slice(0, 60))
    say(
      field,
      'missing' in found
        ? `no ${field} of the practice is named ${name}`
        : `${name} names more than one ${field}: write its id`,
    )
    return undefined
  }
  const providerId = placeOf('provider', context.findProvider)
  const locationId = placeOf('location', context.findLocation)

  const firstName = cell('first_name')
  if (firstName.length > maxFirstName) say('first_name', `longer than ${maxFirstName} characters`)

  const emailCell = cell('email')
  const email = emailCell === '' ? undefined : Email.safeParse(emailCell)
  if (email && !email.success) say('email', 'not a valid e-mail address')
  const mobileCell = cell('mobile')
  const mobile = mobileCell === '' ? undefined : normalisePhone(mobileCell)
  if (mobile && !mobile.ok) say('mobile', mobile.reason)
  if (!email && !mobile)
    reasons.push('no e-mail address or mobile number: nothing to send an invitation to')

  const languageCell = cell('language')
  const first = context.languages[0] ?? 'en'
  const read = languageCell === '' ? first : readLanguage(languageCell)
  if (!read) say('language', 'expected en or es (English or Spanish)')
  // A language the practice does not offer its surveys in: the invitation comes in its first one,
  // as a poster's link would, rather than no invitation at all.
  const language = read && context.languages.includes(read) ? read : first

  const consent = {
    email: readConsent(cell('email_consent')),
    sms: readConsent(cell('sms_consent')),
  }
  if (consent.email === undefined) say('email_consent', `expected ${consentsWeRead}`)
  if (consent.sms === undefined) say('sms_consent', `expected ${consentsWeRead}`)

  if (reasons.length > 0 || visitAt === undefined) return { ok: false, reasons }
  return {
    ok: true,
    value: {
      visitAt,
      ...(providerId !== undefined && { providerId }),
      ...(locationId !== undefined && { locationId }),
      ...(firstName !== '' && { firstName }),
      ...(email?.success && { email: email.data }),
      ...(mobile?.ok && { mobile: mobile.e164 }),
      language,
      consent: { email: consent.email === true, sms: consent.sms === true },
    },
  }
}

/** The visit's instant from its date and time cells (or a date cell that holds both), or why not. */
function readInstant(
  dateCell: string,
  timeCell: string,
  { timeZone, instants }: Pick<VisitRowContext, 'timeZone' | 'instants'>,
  say: (field: VisitField, message: string) => void,
): string | undefined {
  if (dateCell === '') {
    say('date', `required (${datesWeRead})`)
    return undefined
  }
  const both = timeCell === '' ? splitDateTime(dateCell) : undefined
  const day = readDay(both?.date ?? dateCell)
  const timeText = both?.time ?? timeCell
  const time = timeText === '' ? undefined : readClock(timeText)
  if (!day) say('date', `expected ${datesWeRead}`)
  if (timeText === '') say('time', `required (${timesWeRead}), in its own column or after the date`)
  else if (!time) say('time', `expected ${timesWeRead}`)
  if (!day || !time) return undefined
  const key = `${day.year}-${day.month}-${day.day} ${time.hour}:${time.minute}:${time.second}`
  const known = instants?.get(key)
  if (known !== undefined) return known
  const instant = zonedInstant(day, time, timeZone)
  instants?.set(key, instant)
  return instant
}
