import { describe, expect, it } from 'vitest'
import { rangeDays } from '../../../web/src/lib/moment-ranges'
import {
  monthOfWeek,
  praiseByMonth,
} from '../../../web/src/routes/(app)/moments/history/praise-by-month'

describe('the periods of the wall and the history', () => {
  it('ends this quarter and this year today, in the practice time zone', () => {
    // 03:00 UTC on 1 Jan is still 31 Dec in Chicago: the last quarter of the old year.
    const newYearsNight = new Date('2027-01-01T03:00:00Z')
    expect(rangeDays('this-quarter', 'America/Chicago', newYearsNight)).toEqual({
      from: '2026-10-01',
      to: '2026-12-31',
    })
    expect(rangeDays('this-quarter', 'Europe/Madrid', newYearsNight)).toEqual({
      from: '2027-01-01',
      to: '2027-01-01',
    })
    expect(rangeDays('this-year', 'America/Chicago', new Date('2026-11-20T12:00:00Z'))).toEqual({
      from: '2026-01-01',
      to: '2026-11-20',
    })
  })

  it('takes last quarter whole, across a new year', () => {
    const feb = new Date('2027-02-10T12:00:00Z')
    expect(rangeDays('last-quarter', 'UTC', feb)).toEqual({ from: '2026-10-01', to: '2026-12-31' })
    const may = new Date('2026-05-10T12:00:00Z')
    expect(rangeDays('last-quarter', 'UTC', may)).toEqual({ from: '2026-01-01', to: '2026-03-31' })
  })
})

describe('praise themes per month', () => {
  it("gives a week to its Thursday's month", () => {
    expect(monthOfWeek('2026-W44')).toBe('2026-10') // Mon 26 Oct … Thu 29 Oct
    expect(monthOfWeek('2026-W49')).toBe('2026-12') // Mon 30 Nov … Thu 3 Dec
    expect(monthOfWeek('2026-W53')).toBe('2026-12') // Thu 31 Dec 2026
  })

  it('counts each theme of each moment in its month, and leaves out themes no moment praised', () => {
    const chart = praiseByMonth(
      [
        { week: '2026-W41', praise: ['listened', 'kindness'] },
        { week: '2026-W45', praise: ['listened'] },
        { week: '2026-W46', praise: ['listened', 'unknown-theme'] },
        { week: '2026-W30', praise: ['kindness'] }, // before the range
      ],
      ['kept-informed', 'listened', 'kindness'],
      '2026-10-01',
      '2026-12-15',
    )
    expect(chart).toEqual({
      months: ['2026-10', '2026-11', '2026-12'],
      series: [
        { id: 'listened', counts: [1, 2, 0] },
        { id: 'kindness', counts: [1, 0, 0] },
      ],
    })
  })
})
