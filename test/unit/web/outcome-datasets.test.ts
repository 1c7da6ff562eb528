import { describe, expect, it } from 'vitest'
import type { FixOutcome } from '../../../web/src/lib/governance-types'
import { outcomeSeries } from '../../../web/src/lib/governance/outcome-chart'
import { outcomeDatasets } from '../../../web/src/lib/governance/outcome-datasets'

const colours = { text: '#111', accent: '#0a5b6d', muted: '#4a5667', danger: '#b3261e' }
const weekAt = (i: number) => new Date(Date.UTC(2026, 5, 1 + 7 * i)).toISOString().slice(0, 10)

/** Six baseline weeks at 40% and six after the fix at 80%, 40 answers each. */
function outcome(shift: boolean, pChart: boolean): FixOutcome {
  const shares = [0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8]
  const weeks = shares.map((topBox: number | null, i) => ({
    week: weekAt(i),
    phase: i < 6 ? ('baseline' as const) : ('after' as const),
    n: 40,
    k: Math.round((topBox ?? 0) * 40),
    topBox,
  }))
  weeks[2] = { ...weeks[2]!, n: 0, k: 0, topBox: null }
  return {
    fixId: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B',
    fixWeek: weekAt(6),
    baselineWeeks: 13,
    minimum: { weeksBefore: 6, weeksAfter: 6, answers: 30 },
    touchpointId: 'check-in',
    effectiveOn: weekAt(6),
    before: { n: 200, k: 80, topBox: 0.4, interval: [0.335, 0.468] },
    after: { n: 240, k: 192, topBox: 0.8, interval: [0.745, 0.845] },
    test: { z: 8.5, p: 0.0000001 },
    weeks,
    median: 0.4,
    signals: {
      shift,
      fewCrossings: false,
      longestRun: 6,
      crossings: 0,
      trend: false,
      shiftSide: 'above',
      longRun: false,
      longestRunSide: 'above',
      useful: 10,
      longestRunMax: 6,
      crossingsMin: 2,
      trendDirection: null,
    },
    ...(pChart && {
      pChart: {
        center: 0.4,
        limits: weeks.map((week) => ({
          week: week.week,
          lower: 0.168,
          upper: 0.632,
          outside: null,
        })),
      },
    }),
    verdict: shift ? 'improved' : 'no-change',
  }
}

const byLabel = (datasets: ReturnType<typeof outcomeDatasets>) =>
  Object.fromEntries(datasets.map((dataset) => [dataset.label, dataset]))

describe('outcomeDatasets', () => {
  it('draws the shift as triangles over the after-fix points, in percent, with gaps for empty weeks', () => {
    const datasets = byLabel(outcomeDatasets(outcomeSeries(outcome(true, false)), colours))
    const shift = datasets['Shift (6+ weeks on one side of the median)']!
    expect(shift).toMatchObject({ pointStyle: 'triangle', showLine: false })
    expect(shift.data).toEqual([null, null, null, null, null, null, 80, 80, 80, 80, 80, 80])
    expect(datasets['Top-box share']!.data).toEqual([
      40,
      40,
      null,
      40,
      40,
      40,
      80,
      80,
      80,
      80,
      80,
      80,
    ])
    expect(datasets['Top-box share']!.spanGaps).toBe(false)
    expect(datasets['Baseline median']!.data).toEqual(Array(12).fill(40))
  })

  it('has no shift entry without a shift, and the p-chart limits only with a p-chart, as steps', () => {
    const plain = outcomeDatasets(outcomeSeries(outcome(false, false)), colours)
    expect(plain.map((dataset) => dataset.label)).toEqual(['Top-box share', 'Baseline median'])

    const withLimits = byLabel(outcomeDatasets(outcomeSeries(outcome(false, true)), colours))
    const upper = withLimits['Upper control limit']!
    const lower = withLimits['Lower control limit']!
    expect(upper.stepped).toBe('middle')
    expect(lower.stepped).toBe('middle')
    expect(upper.data[0]).toBeCloseTo(63.2)
    expect(lower.data[0]).toBeCloseTo(16.8)
    // No limits in a week without answers.
    expect(upper.data[2]).toBeNull()
  })
})
