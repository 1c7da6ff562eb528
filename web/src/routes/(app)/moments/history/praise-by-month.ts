import { daysOfIsoWeek } from '$domain/moments/iso-week'

/** A week belongs to the month of its Thursday, as ISO 8601 gives a week to a year. */
export function monthOfWeek(week: string): string {
  const monday = new Date(`${daysOfIsoWeek(week).monday}T12:00:00Z`)
  monday.setUTCDate(monday.getUTCDate() + 3)
  return monday.toISOString().slice(0, 7)
}

/** Every month from `from` to `to` (YYYY-MM-DD days), as YYYY-MM. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = []
  let [year, month] = from.split('-').map(Number) as [number, number]
  const last = to.slice(0, 7)
  for (let i = 0; i < 240; i++) {
    const current = `${year}-${String(month).padStart(2, '0')}`
    if (current > last) break
    months.push(current)
    month = month === 12 ? 1 : month + 1
    if (month === 1) year++
  }
  return months
}

/**
 * How many moments praised each theme in each month of the range: the rows of the history's
 * stacked bar chart and of its table. Themes no moment touched are left out.
 *
 * @example
 * praiseByMonth([{ week: '2026-W45', praise: ['listened'] }], ['listened', 'kindness'], '2026-10-01', '2026-11-30')
 * // { months: ['2026-10', '2026-11'], series: [{ id: 'listened', counts: [0, 1] }] }
 */
export function praiseByMonth(
  moments: readonly { week: string; praise: readonly string[] }[],
  themeIds: readonly string[],
  from: string,
  to: string,
): { months: string[]; series: { id: string; counts: number[] }[] } {
  const months = monthsBetween(from, to)
  const series = themeIds.map((id) => ({ id, counts: months.map(() => 0) }))
  for (const moment of moments) {
    const index = months.indexOf(monthOfWeek(moment.week))
    if (index < 0) continue
    for (const id of moment.praise) {
      const row = series.find((s) => s.id === id)
      if (row) row.counts[index]!++
    }
  }
  return { months, series: series.filter((s) => s.counts.some((n) => n > 0)) }
}
