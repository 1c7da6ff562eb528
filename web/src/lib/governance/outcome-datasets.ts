/**
 * The outcome chart's Chart.js datasets, from the points `outcomeSeries` made: the weekly top-box
 * share, the shift's points as triangles (only when there is a shift: a legend entry for something
 * not drawn would suggest one), the baseline median as a dashed line, and the p-chart's limits as
 * steps that follow each week's n (only when the answer has a p-chart). Shares are drawn as
 * percentages. Pure, so what the chart shows is unit-tested; the component adds the axes.
 */
import type { ChartDataset } from 'chart.js'
import type { OutcomeSeries } from './outcome-chart'
import { outcomeWords } from './words'

export interface OutcomeColours {
  text: string
  accent: string
  muted: string
  danger: string
}

/** A share (0..1) as a percentage with one decimal; null stays null (a gap in the line). */
export const asPercent = (share: number | null) =>
  share === null ? null : Math.round(share * 1000) / 10

/**
 * @example
 * const datasets = outcomeDatasets(outcomeSeries(outcome), palette.current)
 * datasets.map((d) => d.label) // ['Shift (6+ weeks …)', 'Top-box share', 'Baseline median', …]
 */
export function outcomeDatasets(
  series: OutcomeSeries,
  colours: OutcomeColours,
  words = outcomeWords,
): ChartDataset<'line', (number | null)[]>[] {
  const { points } = series
  const datasets: ChartDataset<'line', (number | null)[]>[] = []
  if (points.some((point) => point.inShift)) {
    datasets.push({
      label: words.shift,
      data: points.map((point) => (point.inShift ? asPercent(point.share) : null)),
      showLine: false,
      pointStyle: 'triangle',
      pointRadius: 8,
      pointHoverRadius: 9,
      borderColor: colours.text,
      backgroundColor: colours.text,
      // Chart.js draws lower `order` on top: the triangles over the line.
      order: 0,
    })
  }
  datasets.push(
    {
      label: words.topBox,
      data: points.map((point) => asPercent(point.share)),
      borderColor: colours.accent,
      backgroundColor: colours.accent,
      borderWidth: 3,
      pointRadius: 3,
      // A week without answers is a gap: a line through it would look certain.
      spanGaps: false,
      order: 1,
    },
    {
      label: words.median,
      data: points.map(() => asPercent(series.median)),
      borderColor: colours.muted,
      borderDash: [8, 5],
      borderWidth: 2,
      pointRadius: 0,
      pointStyle: 'line',
      order: 2,
    },
  )
  if (series.hasPChart) {
    for (const [label, side] of [
      [words.upper, 'upper'],
      [words.lower, 'lower'],
    ] as const) {
      datasets.push({
        label,
        data: points.map((point) => asPercent(point[side])),
        // Steps, not slopes: each week's limits hold for that week's n only.
        stepped: 'middle',
        borderColor: colours.danger,
        borderDash: [2, 3],
        borderWidth: 2,
        pointRadius: 0,
        pointStyle: 'line',
        order: 3,
      })
    }
  }
  return datasets
}
