import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { FixOutcome } from '../../../web/src/lib/governance-types'
import {
  mondayOf,
  outcomeSeries,
  runMembers,
  signalLines,
  verdictSentence,
  verdictTone,
} from '../../../web/src/lib/governance/outcome-chart'

/** Mondays from 2026-06-01, one a week. */
const weekAt = (i: number) => {
  const date = new Date(Date.UTC(2026, 5, 1 + 7 * i))
  return date.toISOString().slice(0, 10)
}

/** 13 baseline weeks near 40% and 10 after the fix (effective on a Wednesday) near 80%. */
function improvedOutcome(): FixOutcome {
  const shares = [0.4, 0.42, 0.38, 0.41, 0.39, 0.4, 0.43, 0.37, 0.4, 0.41, 0.39, 0.42, 0.4]
  const after = [0.78, 0.8, 0.82, 0.79, 0.81, 0.8, 0.4, 0.83, 0.79, 0.8]
  const weeks = [...shares, ...after].map((topBox, i) => ({
    week: weekAt(i),
    phase: i < shares.length ? ('baseline' as const) : ('after' as const),
    n: 40,
    k: Math.round(topBox * 40),
    topBox,
  }))
  return {
    fixId: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B',
    fixWeek: '2026-08-31',
    baselineWeeks: 13,
    minimum: { weeksBefore: 6, weeksAfter: 6, answers: 30 },
    touchpointId: 'check-in',
    effectiveOn: '2026-09-02', // Wednesday of week 13 (Monday 2026-08-31)
    before: { n: 520, k: 208, topBox: 0.4, interval: [0.358, 0.443] },
    after: { n: 400, k: 305, topBox: 0.762, interval: [0.718, 0.801] },
    test: { z: 11.1, p: 0.0000001 },
    weeks,
    median: 0.4,
    signals: {
      shift: true,
      fewCrossings: false,
      longestRun: 6,
      crossings: 1,
      trend: false,
      shiftSide: 'above',
      longRun: false,
      longestRunSide: 'above',
      useful: 10,
      longestRunMax: 6,
      crossingsMin: 2,
      trendDirection: null,
    },
    pChart: {
      center: 0.4,
      limits: weeks.map((week) => ({ week: week.week, lower: 0.168, upper: 0.632, outside: null })),
    },
    verdict: 'improved',
  }
}

describe('mondayOf', () => {
  it('names a day by the Monday of its week', () => {
    expect(mondayOf('2026-09-02')).toBe('2026-08-31')
    expect(mondayOf('2026-08-31')).toBe('2026-08-31')
    expect(mondayOf('2026-09-06')).toBe('2026-08-31') // Sunday
    expect(mondayOf('2027-01-01')).toBe('2026-12-28') // across the year
  })
})

describe('runMembers', () => {
  it('marks six or more points on one side; points on the median neither add nor break a run', () => {
    const m = 0.5
    // Five above, one on the median, one above: a run of six, the median point not in it.
    expect(runMembers([0.6, 0.6, 0.6, 0.6, 0.6, 0.5, 0.6], m)).toEqual({
      members: [true, true, true, true, true, false, true],
      side: 'above',
    })
    // Five above, one on the median: not a shift (the median point does not add).
    expect(runMembers([0.6, 0.6, 0.6, 0.6, 0.6, 0.5], m).side).toBeNull()
    // A point below breaks the run: three and three.
    expect(runMembers([0.6, 0.6, 0.6, 0.4, 0.6, 0.6, 0.6], m).side).toBeNull()
    // Weeks without answers are not points.
    expect(runMembers([0.4, null, 0.4, 0.4, null, 0.4, 0.4, 0.4], m)).toEqual({
      members: [true, false, true, true, false, true, true, true],
      side: 'below',
    })
  })

  it('is unchanged when every point and the median move by the same amount', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: -50, max: 50 }),
        (values, median, shift) => {
          const moved = values.map((v) => (v === null ? null : v + shift))
          expect(runMembers(moved, median + shift)).toEqual(runMembers(values, median))
        },
      ),
    )
  })

  it('marks only runs of at least six points on one side', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<number | null>(0.4, 0.5, 0.6, null), { maxLength: 40 }),
        (values) => {
          const { members } = runMembers(values, 0.5)
          // Each marked point's run (same side, skipping nulls and median points) has ≥ 6 points.
          const useful = values
            .map((v, i) => ({ v, i }))
            .filter((p): p is { v: number; i: number } => p.v !== null && p.v !== 0.5)
          let start = 0
          for (let j = 1; j <= useful.length; j++) {
            if (j === useful.length || useful[j]!.v !== useful[start]!.v) {
              const run = useful.slice(start, j)
              for (const p of run) expect(members[p.i]).toBe(run.length >= 6)
              start = j
            }
          }
          values.forEach((v, i) => {
            if (v === null || v === 0.5) expect(members[i]).toBe(false)
          })
        },
      ),
    )
  })
})

describe('outcomeSeries', () => {
  it('splits the weeks at the fix’s week and marks the after-fix points of the shift', () => {
    const series = outcomeSeries(improvedOutcome())
    expect(series.fixIndex).toBe(13)
    expect(series.points.slice(0, 13).every((p) => !p.after && !p.inShift)).toBe(true)
    expect(series.points.slice(13).every((p) => p.after)).toBe(true)
    // The first six after the fix are above 40%; the dip back to 40% (on the median) is skipped.
    expect(series.points.map((p) => p.inShift)).toEqual([
      ...Array(13).fill(false),
      ...[true, true, true, true, true, true, false, true, true, true],
    ])
    expect(series.shiftSide).toBe('above')
    expect(series.hasPChart).toBe(true)
    expect(series.points[0]).toMatchObject({ lower: 0.168, upper: 0.632 })
  })

  it('marks no shift when the server found none, whatever the points look like', () => {
    const outcome = improvedOutcome()
    outcome.signals.shift = false
    outcome.verdict = 'no-change'
    const series = outcomeSeries(outcome)
    expect(series.points.some((p) => p.inShift)).toBe(false)
    expect(series.shiftSide).toBeNull()
  })

  it('leaves weeks without answers out of the line and the limits, and has no p-chart without one', () => {
    const outcome = improvedOutcome()
    outcome.weeks[2] = { ...outcome.weeks[2]!, n: 0, k: 0, topBox: null }
    const withLimits = outcomeSeries(outcome)
    expect(withLimits.points[2]).toMatchObject({ share: null, lower: null, upper: null })
    delete outcome.pChart
    const plain = outcomeSeries(outcome)
    expect(plain.hasPChart).toBe(false)
    expect(plain.points.every((p) => p.lower === null && p.upper === null)).toBe(true)
  })

  it('puts the fix after the last week when no week after it has come yet', () => {
    const outcome = improvedOutcome()
    outcome.effectiveOn = '2027-03-03'
    expect(outcomeSeries(outcome).fixIndex).toBe(outcome.weeks.length)
  })
})

describe('the verdict in words', () => {
  it('says improved with the numbers behind it, and only improved is good news', () => {
    const outcome = improvedOutcome()
    expect(verdictSentence(outcome)).toBe(
      'Improved: 76% of patients gave the top box after the fix, against 40% before. The difference is beyond chance (p < 0.001) and the run chart shows a shift above the baseline median.',
    )
    expect(verdictTone('improved')).toBe('positive')
    expect(verdictTone('no-change')).toBe('neutral')
    expect(verdictTone('not-enough-data')).toBe('neutral')
    expect(verdictTone('worse')).toBe('negative')
  })

  it('never calls a significant test without a run-chart signal a change', () => {
    const outcome = improvedOutcome()
    outcome.verdict = 'no-change'
    outcome.signals.shift = false
    outcome.test = { z: 2.2, p: 0.028 }
    const sentence = verdictSentence(outcome)
    expect(sentence).toMatch(/^No change yet: /)
    expect(sentence).toContain('The test alone (p = 0.03) is not enough')
    expect(sentence).not.toMatch(/improv/i)
  })

  it('says within chance when the test finds nothing', () => {
    const outcome = improvedOutcome()
    Object.assign(outcome, {
      verdict: 'no-change',
      after: { n: 400, topBox: 0.42, interval: [0.37, 0.47] },
      test: { z: 0.61, p: 0.54 },
    })
    outcome.signals.shift = false
    expect(verdictSentence(outcome)).toBe(
      'No change yet: 42% of patients gave the top box after the fix, against 40% before. The difference is within chance (p = 0.54).',
    )
  })

  it('says what is still needed when there is not enough data', () => {
    const outcome = improvedOutcome()
    Object.assign(outcome, {
      verdict: 'not-enough-data',
      needs: '3 more weeks of answers after the fix',
      after: { n: 95, topBox: 0.8, interval: [0.71, 0.87] },
      test: { z: null, p: null },
    })
    expect(verdictSentence(outcome)).toBe(
      'Not enough data yet: it needs 3 more weeks of answers after the fix. So far 520 answers before the fix and 95 answers after.',
    )
  })

  it('lists the run-chart rules, the trend as information only', () => {
    const outcome = improvedOutcome()
    outcome.signals.trend = true
    outcome.signals.fewCrossings = true
    expect(signalLines(outcome)).toEqual([
      'Shift: yes, 6 or more weeks in a row above the baseline median.',
      'Crossings of the median: 1, fewer than chance allows (Anhøj).',
      'Longest run: 6 weeks.',
      'Trend: 5 or more weeks going one way (for information only).',
      'p-chart centre from the baseline: 40%.',
    ])
  })
})
