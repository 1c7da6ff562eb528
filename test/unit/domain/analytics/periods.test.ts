import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addDays,
  covering,
  lastPeriods,
  previous,
  weekStart,
} from '../../../../functions/src/domain/analytics/periods'

const day = fc.integer({ min: 0, max: 365 * 30 }).map((offset) => addDays('2010-01-01', offset))

describe('analytics periods', () => {
  it('reads a range of days as the whole ISO weeks covering it, Monday to Sunday', () => {
    expect(covering('2026-11-04', '2026-11-18', 'week')).toEqual({
      interval: 'week',
      periods: ['2026-11-02', '2026-11-09', '2026-11-16'],
      from: '2026-11-02',
      to: '2026-11-22',
    })
  })

  it('reads months whole, across a year end and a leap February', () => {
    expect(covering('2023-12-15', '2024-02-03', 'month')).toEqual({
      interval: 'month',
      periods: ['2023-12', '2024-01', '2024-02'],
      from: '2023-12-01',
      to: '2024-02-29',
    })
  })

  it('always covers the days asked for, with consecutive periods and nothing extra', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (from, length) => {
        const to = addDays(from, length)
        for (const interval of ['week', 'month'] as const) {
          const range = covering(from, to, interval)
          expect(range.from <= from && range.to >= to).toBe(true)
          // Never a whole period beyond the days asked for.
          expect(range.periods[0]! <= from && range.periods.at(-1)! <= to).toBe(true)
          if (interval === 'week') {
            range.periods.forEach((start, i) => {
              expect(weekStart(start)).toBe(start)
              if (i > 0) expect(addDays(range.periods[i - 1]!, 7)).toBe(start)
            })
            expect(range.to).toBe(addDays(range.periods.at(-1)!, 6))
          }
        }
      }),
    )
  })

  it('compares with the same number of periods just before', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 200 }), (from, length) => {
        for (const interval of ['week', 'month'] as const) {
          const range = covering(from, addDays(from, length), interval)
          const before = previous(range)
          expect(before.periods).toHaveLength(range.periods.length)
          expect(addDays(before.to, 1)).toBe(range.from)
        }
      }),
    )
  })

  it('defaults to the latest periods, ending with the one that holds today', () => {
    const quarter = lastPeriods('2026-11-30', 'week', 13)
    expect(quarter.periods).toHaveLength(13)
    expect(quarter.periods.at(-1)).toBe('2026-11-30')
    const year = lastPeriods('2026-11-30', 'month', 12)
    expect(year.periods[0]).toBe('2025-12')
    expect(year.periods.at(-1)).toBe('2026-11')
  })
})
