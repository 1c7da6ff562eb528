import { describe, expect, it } from 'vitest'
import {
  daysOfIsoWeek,
  isoWeekOf,
  isoWeekRange,
  shiftIsoWeek,
} from '../../../../functions/src/domain/moments/iso-week'

describe('ISO weeks in the practice time zone', () => {
  it('puts late Sunday in Chicago in that Sunday’s week, though UTC is Monday', () => {
    const sundayNight = new Date('2026-11-30T04:30:00Z') // 22:30 Sunday 29 Nov in Chicago
    expect(isoWeekOf(sundayNight, 'America/Chicago')).toBe('2026-W48')
    expect(isoWeekOf(sundayNight, 'UTC')).toBe('2026-W49')
  })

  it('knows the weeks that straddle a new year', () => {
    expect(daysOfIsoWeek('2026-W53')).toEqual({ monday: '2026-12-28', sunday: '2027-01-03' })
    expect(daysOfIsoWeek('2027-W01')).toEqual({ monday: '2027-01-04', sunday: '2027-01-10' })
    expect(isoWeekOf(new Date('2027-01-02T12:00:00Z'), 'UTC')).toBe('2026-W53')
    expect(shiftIsoWeek('2026-W53', 1)).toBe('2027-W01')
    expect(shiftIsoWeek('2027-W01', -1)).toBe('2026-W53')
  })

  it('spans Monday 00:00 to the next Monday 00:00 local time', () => {
    expect(isoWeekRange('2026-W48', 'America/Chicago')).toEqual({
      start: new Date('2026-11-23T06:00:00Z'),
      end: new Date('2026-11-30T06:00:00Z'),
    })
  })
})
