/**
 * The weeks and months a dashboard reads. Counters exist per practice-time ISO week (starting
 * Monday, `2026-11-16`) and month (`2026-11`), so a range of days is read as the whole weeks (or
 * months) that cover it, and the answer says exactly which days those are: a figure never claims
 * to cover days it does not.
 *
 * Day strings are calendar dates in the practice's zone; the arithmetic here is on the calendar
 * alone (UTC noon), so daylight-saving changes cannot shift a day.
 */
export type Interval = 'week' | 'month'

export interface PeriodRange {
  interval: Interval
  /** Period starts, oldest first: `2026-11-16` (weeks) or `2026-11` (months). */
  periods: string[]
  /** The first and last calendar day the periods cover. */
  from: string
  to: string
}

const dayMs = 86_400_000
const toDate = (day: string) => new Date(`${day}T12:00:00Z`)
const toDay = (date: Date) => date.toISOString().slice(0, 10)
export const addDays = (day: string, days: number) =>
  toDay(new Date(toDate(day).getTime() + days * dayMs))

/** The Monday starting the ISO week of `day`. */
export function weekStart(day: string): string {
  const weekday = (toDate(day).getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  return addDays(day, -weekday)
}

const monthOfDay = (day: string) => day.slice(0, 7)
function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) + months
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}
function lastDayOfMonth(month: string): string {
  return addDays(`${addMonths(month, 1)}-01`, -1)
}

/** At most this many periods in one answer: ten years of months, two of weeks. */
export const maxPeriods = 120

/**
 * The whole weeks or months covering `from`..`to` (inclusive days).
 *
 * @example
 * covering('2026-11-04', '2026-11-18', 'week')
 * // { interval: 'week', periods: ['2026-11-02', '2026-11-09', '2026-11-16'],
 * //   from: '2026-11-02', to: '2026-11-22' }
 */
export function covering(from: string, to: string, interval: Interval): PeriodRange {
  const periods: string[] = []
  if (interval === 'week') {
    for (let start = weekStart(from); start <= to && periods.length < maxPeriods;) {
      periods.push(start)
      start = addDays(start, 7)
    }
    const last = periods.at(-1) ?? weekStart(from)
    return { interval, periods, from: periods[0] ?? weekStart(from), to: addDays(last, 6) }
  }
  for (
    let month = monthOfDay(from);
    month <= monthOfDay(to) && periods.length < maxPeriods;
    month = addMonths(month, 1)
  ) {
    periods.push(month)
  }
  const last = periods.at(-1) ?? monthOfDay(from)
  return { interval, periods, from: `${periods[0] ?? last}-01`, to: lastDayOfMonth(last) }
}

/**
 * The same number of periods just before `range`: what "change against the previous period"
 * compares with.
 *
 * @example
 * previous(covering('2026-11-02', '2026-11-15', 'week')).periods // ['2026-10-19', '2026-10-26']
 */
export function previous(range: PeriodRange): PeriodRange {
  const count = range.periods.length
  if (range.interval === 'week') {
    const end = addDays(range.from, -1)
    return covering(addDays(range.from, -7 * count), end, 'week')
  }
  const first = addMonths(monthOfDay(range.from), -count)
  return covering(`${first}-01`, addDays(range.from, -1), 'month')
}

/** The default window ending today: 13 weeks (a quarter) or 12 months. */
export function lastPeriods(today: string, interval: Interval, count: number): PeriodRange {
  if (interval === 'week')
    return covering(addDays(weekStart(today), -7 * (count - 1)), today, 'week')
  return covering(`${addMonths(monthOfDay(today), -(count - 1))}-01`, today, 'month')
}
