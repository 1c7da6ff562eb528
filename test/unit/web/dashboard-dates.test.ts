import { describe, expect, it } from 'vitest'
import { formatDate } from '../../../web/src/lib/dates'
import { periodLabel, periodTitle, rangeText } from '../../../web/src/routes/(app)/dashboard/format'

// A calendar day is the instant of its noon in UTC, as formatDate writes it elsewhere on the page
// (a quote's date, a survey's "Updated …").
const asFormatDate = (day: string) => formatDate(`${day}T12:00:00Z`, 'UTC')

describe("the dashboard's dates", () => {
  it('label a week (axis, table under "Week of") as formatDate writes its Monday', () => {
    expect(periodLabel('2026-11-09', 'week')).toBe(asFormatDate('2026-11-09'))
    expect(periodTitle('2026-11-09', 'week')).toBe(`Week of ${asFormatDate('2026-11-09')}`)
  })

  it("label a month with formatDate's month and year", () => {
    const [month, , year] = asFormatDate('2026-09-01').split(/[ ,]+/)
    expect(periodLabel('2026-09', 'month')).toBe(`${month} ${year}`)
    expect(periodTitle('2026-09', 'month')).toBe(`${month} ${year}`)
  })

  it('write the range under the heading as formatDate writes both ends', () => {
    expect(rangeText('2026-09-02', '2026-12-01')).toBe(
      `${asFormatDate('2026-09-02')} – ${asFormatDate('2026-12-01')}`,
    )
  })
})
