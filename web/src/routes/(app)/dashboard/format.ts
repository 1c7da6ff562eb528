import type { Change, Composite, Figure, Interval } from '$lib/api-analytics'
import { formatDayRange, formatMonth, formatPeriod, formatWeekOf } from '$lib/dates'

/**
 * How the dashboard writes its figures: rounded here and only here (the API never rounds), and
 * "not enough responses yet" wherever a figure rests on fewer answers than the practice's minimum.
 */
export const notEnough = 'Not enough responses yet'

export const count = (n: number) => new Intl.NumberFormat('en').format(n)

/** NPS points with a sign: +41, −12, 0. */
export function npsText(score: number | null): string {
  if (score === null) return '—'
  const rounded = Math.round(score)
  return rounded > 0 ? `+${rounded}` : rounded < 0 ? `−${Math.abs(rounded)}` : '0'
}

export const percent = (share: number | null) =>
  share === null ? '—' : `${Math.round(share * 100)}%`

export const mean = (value: number | null) => (value === null ? '—' : value.toFixed(1))

export const intervalText = (interval: [number, number] | null, format: (v: number) => string) =>
  interval ? `${format(interval[0])} to ${format(interval[1])}` : '—'

/** "12 of 30 needed": what a figure below the minimum still lacks. */
export function shortOf(figure: Figure, minimum: number): string {
  return `${count(figure.n)} of ${count(minimum)} needed`
}

/**
 * A change in words, honest about chance: "Down 20 points since the previous 13 weeks" when it is
 * beyond chance; "Down 1 point since …, within chance" when it is not.
 */
export function changeText(change: Change, unit: 'points' | 'share', periodName: string): string {
  if (change.delta === null || !change.previous.enough) return `Too few answers before to compare`
  const points = Math.abs(Math.round(unit === 'points' ? change.delta : change.delta * 100))
  if (points === 0) return `Steady since ${periodName}`
  const size = `${points} ${points === 1 ? 'point' : 'points'}`
  const moved = `${change.direction === 'up' ? 'Up' : 'Down'} ${size} since ${periodName}`
  return change.significant ? moved : `${moved}, within chance`
}

/**
 * Periods and ranges as every staff page writes dates (`$lib/dates`): a week under "Week of" is
 * its Monday ("Nov 9, 2026"), a month "Nov 2026", a range "Sep 2, 2026 – Dec 1, 2026".
 */
export function periodLabel(period: string, interval: Interval): string {
  return formatPeriod(period, interval)
}

/** A period standing alone (a chart's tooltip): "Week of Nov 9, 2026", "Nov 2026". */
export function periodTitle(period: string, interval: Interval): string {
  return interval === 'week' ? formatWeekOf(period) : formatMonth(period)
}

export const rangeText = (from: string, to: string): string => formatDayRange(from, to)

export const compositeLabels: Record<Composite, string> = {
  access: 'Getting timely care',
  'provider-communication': 'How well providers communicate',
  'care-coordination': 'Care coordination',
  'office-staff': 'Helpful, courteous office staff',
}

/**
 * A share or score as a spreadsheet reads it: a plain number ("0.81", "41.2"), empty when the
 * figure rests on too few answers. The CSV downloads carry these; the page's tables carry text.
 */
export const csvNumber = (value: number | null | undefined, digits = 3): number | null =>
  value === null || value === undefined ? null : Number(value.toFixed(digits))
