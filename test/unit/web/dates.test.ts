import { describe, expect, it } from 'vitest'
import {
  formatDate,
  formatDateTime,
  formatDay,
  formatDayRange,
  formatMonth,
  formatPeriod,
  formatTime,
  formatWeekOf,
  isoDateIn,
} from '../../../web/src/lib/dates'
import { expiryText } from '../../../web/src/routes/(workshop)/w/[id]/share-expiry'

// ICU writes a narrow no-break space before AM/PM; read it as a space.
const plain = (text: string) => text.replace(/\u202f/g, ' ')
const at = '2026-11-10T18:30:00.000Z'

describe('one date and time format', () => {
  it("writes dates in the practice's time zone and language", () => {
    expect(formatDate(at, 'UTC')).toBe('Nov 10, 2026')
    expect(plain(formatDateTime(at, 'America/Chicago'))).toBe('Nov 10, 2026, 12:30 PM')
    expect(formatDate(at, 'UTC', 'es')).toBe('10 nov 2026')
  })

  it('uses one clock for times alone and times with a date, as on the board share panel', () => {
    const made = plain(formatDateTime(at, 'UTC'))
    const expires = plain(expiryText(at, Date.parse('2026-11-10T09:00:00.000Z'), 'UTC'))
    const clock = plain(formatTime(at, 'UTC'))
    expect(made.endsWith(clock)).toBe(true)
    expect(expires).toBe(`Expires today at ${clock}`)
  })
})

describe('calendar days, months and weeks', () => {
  it('writes a day exactly as formatDate writes the instant at its noon', () => {
    expect(formatDay('2026-11-10')).toBe(formatDate('2026-11-10T12:00:00Z', 'UTC'))
    expect(formatDay('2026-11-10')).toBe('Nov 10, 2026')
    expect(formatDay('2026-11-10', 'es')).toBe('10 nov 2026')
  })

  it('keeps a day the same day in every browser zone (a day has no time zone)', () => {
    // The last and the first zone on Earth, 26 hours apart.
    const before = process.env.TZ
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      process.env.TZ = zone
      expect(formatDay('2026-01-01')).toBe('Jan 1, 2026')
    }
    if (before === undefined) delete process.env.TZ
    else process.env.TZ = before
  })

  it("names a month with formatDate's abbreviation, and a week by its Monday", () => {
    expect(formatMonth('2026-11')).toBe('Nov 2026')
    expect(formatMonth('2026-09', 'es')).toBe('sept 2026')
    expect(formatWeekOf('2026-11-09')).toBe('Week of Nov 9, 2026')
    expect(formatPeriod('2026-11-09', 'week')).toBe('Nov 9, 2026')
    expect(formatPeriod('2026-11', 'month')).toBe('Nov 2026')
    expect(formatDayRange('2026-09-02', '2026-12-01')).toBe('Sep 2, 2026 – Dec 1, 2026')
  })
})

describe('isoDateIn', () => {
  it("gives the calendar day in the practice's zone, not the browser's or UTC's", () => {
    // 03:00 UTC on the 11th is still the evening of the 10th in Chicago.
    expect(isoDateIn('2026-11-11T03:00:00Z', 'America/Chicago')).toBe('2026-11-10')
    expect(isoDateIn('2026-11-11T03:00:00Z', 'UTC')).toBe('2026-11-11')
    expect(isoDateIn('2026-12-31T11:00:00Z', 'Pacific/Kiritimati')).toBe('2027-01-01')
    expect(isoDateIn(new Date('2026-03-05T00:00:00Z'), 'Europe/Madrid')).toBe('2026-03-05')
  })
})
