import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatTime } from '../../../web/src/lib/dates'
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
