import { parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/max'
import type { CountryCode } from 'libphonenumber-js/max'
import { areaCodeZones, floridaAreaCodes, oklahomaAreaCodes } from './area-code-zones'

/**
 * Where a patient's number may be: the US (with its territories, which share +1) and Canada. Texts
 * go out through one US sender, and the send-window and frequency rules we keep are the US ones.
 */
export const textableCountries: readonly CountryCode[] = ['US', 'PR', 'VI', 'GU', 'AS', 'MP', 'CA']

/** A number in E.164 form: `+` and up to 15 digits, no spaces (`+12125550100`). */
export type E164 = string

export type PhoneReading = { ok: true; e164: E164 } | { ok: false; reason: string }

/**
 * Number types that never reach a patient's phone as a text. The full metadata (`/max`) tells
 * these apart; it cannot tell a US landline from a US mobile (both are `FIXED_LINE_OR_MOBILE`), so
 * "a landline" is only said where the numbering plan itself says so.
 */
const notTextable: Partial<Record<string, string>> = {
  FIXED_LINE: 'a landline-only number',
  TOLL_FREE: 'a toll-free number, not a personal mobile',
  PREMIUM_RATE: 'a premium-rate number, not a personal mobile',
  SHARED_COST: 'a shared-cost number, not a personal mobile',
  UAN: 'a company number, not a personal mobile',
  VOICEMAIL: 'a voicemail access number',
  PAGER: 'a pager number',
}

/**
 * A phone number as written in a spreadsheet (`(212) 555-0100`, `212.555.0100`, `+1 212 555 0100`,
 * `1-212-555-0100`), normalised to E.164 with libphonenumber-js, US by default. Refused, with the
 * reason in words, when it is not a number, too short or too long, not a number the numbering plan
 * knows (no such area code), outside the US and Canada, or a kind of number that cannot receive a
 * text (toll-free, premium rate; a landline only where the plan tells landlines apart). The reason
 * never repeats the number.
 *
 * @example
 * normalisePhone('(212) 555-0100') // { ok: true, e164: '+12125550100' }
 * normalisePhone('555-0100') // { ok: false, reason: 'too short' }
 * normalisePhone('+44 7911 123456') // { ok: false, reason: 'not a US or Canadian phone number' }
 */
export function normalisePhone(
  text: string,
  options: { defaultCountry?: CountryCode; countries?: readonly CountryCode[] } = {},
): PhoneReading {
  const { defaultCountry = 'US', countries = textableCountries } = options
  const written = text.trim()
  if (!/\d/.test(written)) return { ok: false, reason: 'not a phone number' }
  // Letters other than an extension mark mean a word or a vanity number: neither is a patient's mobile.
  if (/[a-wyz]/i.test(written.replace(/\b(ext|x)\b/gi, '')))
    return { ok: false, reason: 'not a phone number' }
  const number = parsePhoneNumberFromString(written, defaultCountry)
  if (!number?.isValid()) {
    // Asked only of numbers that fail: the length check costs more than parsing itself.
    const length = validatePhoneNumberLength(written, defaultCountry)
    if (length === 'TOO_SHORT') return { ok: false, reason: 'too short' }
    if (length === 'TOO_LONG') return { ok: false, reason: 'too long' }
    if (!number || length === 'NOT_A_NUMBER') return { ok: false, reason: 'not a phone number' }
    return number.countryCallingCode === '1'
      ? { ok: false, reason: 'not a valid US or Canadian number (no such area code or exchange)' }
      : { ok: false, reason: 'not a US or Canadian phone number' }
  }
  if (number.ext) return { ok: false, reason: 'has an extension: not a personal mobile' }
  if (!number.country || !countries.includes(number.country))
    return { ok: false, reason: 'not a US or Canadian phone number' }
  const refused = notTextable[number.getType() ?? '']
  if (refused) return { ok: false, reason: refused }
  return { ok: true, e164: number.number }
}

/** The three-digit area code of a +1 number in E.164 form, or undefined for any other number. */
function areaCodeOf(e164: E164): string | undefined {
  return /^\+1(\d{3})\d{7}$/.exec(e164)?.[1]
}

/**
 * Every IANA time zone the area code of a US or Canadian number covers (one for most codes,
 * several for a code that spans zones: the send window takes the strictest intersection), or
 * undefined for a number whose code says nothing about where it is (toll-free, other countries,
 * a code newer than the table): the caller then uses the practice's time zone. A ported or moved
 * number keeps its old area code, so this is a guess the law accepts, not a location.
 *
 * @example
 * zoneOfNumber('+12125550100') // ['America/New_York']
 * zoneOfNumber('+18505550100') // ['America/New_York', 'America/Chicago'] (Florida's panhandle)
 * zoneOfNumber('+447911123456') // undefined
 */
export function zoneOfNumber(e164: E164): readonly string[] | undefined {
  const code = areaCodeOf(e164)
  return code === undefined ? undefined : areaCodeZones[code]
}

/**
 * Whether a number's area code is Florida's or Oklahoma's, whose laws set their own calling hours
 * and message caps. Like `zoneOfNumber`, a guess from the area code: the practice's own state is
 * the other half of the rule, and belongs to the send-window code.
 *
 * @example
 * isFloridaOrOklahoma('+13055550100') // true (Miami)
 * isFloridaOrOklahoma('+19185550100') // true (Tulsa)
 * isFloridaOrOklahoma('+12125550100') // false
 */
export function isFloridaOrOklahoma(e164: E164): boolean {
  const code = areaCodeOf(e164)
  return code !== undefined && (floridaAreaCodes.has(code) || oklahomaAreaCodes.has(code))
}
