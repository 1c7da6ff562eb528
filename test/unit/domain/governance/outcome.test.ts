import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../../../../functions/src/domain/analytics/periods'
import {
  fixOutcome,
  outcomeWindow,
  type TouchpointWeek,
} from '../../../../functions/src/domain/governance/outcome'
import { needsOf } from '../../../../functions/src/domain/governance/outcome-verdict'

// A Tuesday; its week starts on Monday 2026-11-30.
const today = '2026-12-01'
const thisWeek = '2026-11-30'
const weeksAgo = (count: number) => addDays(thisWeek, -7 * count)

/** Weeks ending `endsAgo` weeks before this one, each `n` answers with `k` in the top box. */
function series(counts: readonly { n: number; k: number }[], endsAgo: number): TouchpointWeek[] {
  return counts.map((count, i) => ({ week: weeksAgo(endsAgo + counts.length - 1 - i), ...count }))
}
const repeat = <T>(pattern: readonly T[], length: number) =>
  Array.from({ length }, (_, i) => pattern[i % pattern.length] as T)

// 13 baseline weeks at about 40% (7, 8 or 9 of 20), the fix 8 weeks ago.
const baseline = repeat(
  [7, 8, 9].map((k) => ({ n: 20, k })),
  13,
)
const effectiveOn = addDays(weeksAgo(8), 2) // a Wednesday: its week counts as after

describe('outcomeWindow', () => {
  it('reads the baseline weeks before the fix week, then every week from it to this one', () => {
    expect(outcomeWindow('2026-11-18', today, 2)).toEqual({
      fixWeek: '2026-11-16',
      baseline: ['2026-11-02', '2026-11-09'],
      after: ['2026-11-16', '2026-11-23', '2026-11-30'],
    })
    expect(outcomeWindow('2027-01-04', today, 1).after).toEqual([])
  })
})

describe('fixOutcome', () => {
  it('calls a move from about 40% to about 80% improved, with a shift above the baseline median', () => {
    const after = repeat(
      [15, 16, 17].map((k) => ({ n: 20, k })),
      8,
    )
    const outcome = fixOutcome({
      weeks: [...series(baseline, 9), ...series(after, 1)],
      effectiveOn,
      today,
    })
    expect(outcome.verdict).toBe('improved')
    expect(outcome.needs).toBeUndefined()
    expect(outcome.before).toMatchObject({ n: 260, k: 103 })
    expect(outcome.before.topBox).toBeCloseTo(0.4, 2)
    expect(outcome.after).toMatchObject({ n: 160, k: 127 })
    expect(outcome.after.topBox).toBeCloseTo(0.79, 2)
    expect(outcome.before.interval[1]).toBeLessThan(outcome.after.interval[0])
    expect(outcome.test.z).toBeGreaterThan(7)
    expect(outcome.test.p).toBeLessThan(1e-9)
    expect(outcome.median).toBe(0.4)
    expect(outcome.signals).toMatchObject({
      shift: true,
      shiftSide: 'above',
      useful: 8,
      crossings: 0,
      fewCrossings: true,
      longRun: true,
    })
    // 13 baseline weeks, 8 after with answers and this week, still empty.
    expect(outcome.weeks).toHaveLength(22)
    expect(outcome.weeks.at(-1)).toEqual({
      week: thisWeek,
      phase: 'after',
      n: 0,
      k: 0,
      topBox: null,
      partial: true,
    })
    expect(outcome.weeks.filter((week) => week.phase === 'baseline')).toHaveLength(13)
  })

  it('calls the same move down worse', () => {
    const high = repeat(
      [15, 16, 17].map((k) => ({ n: 20, k })),
      13,
    )
    const low = repeat(
      [7, 8, 9].map((k) => ({ n: 20, k })),
      8,
    )
    const outcome = fixOutcome({
      weeks: [...series(high, 9), ...series(low, 1)],
      effectiveOn,
      today,
    })
    expect(outcome.verdict).toBe('worse')
    expect(outcome.signals.shiftSide).toBe('below')
  })

  it('says no change when the weeks after wander about the same median', () => {
    const level = repeat(
      [11, 12, 13].map((k) => ({ n: 20, k })),
      21,
    )
    const outcome = fixOutcome({ weeks: series(level, 1), effectiveOn, today })
    expect(outcome.verdict).toBe('no-change')
    expect(outcome.signals.shift).toBe(false)
    expect(outcome.test.p).toBeGreaterThan(0.05)
  })

  it('does not call a significant difference a change without a run-chart signal', () => {
    // Every week after is a little better, but they alternate about the baseline median.
    const before = repeat(
      [10, 12].map((k) => ({ n: 100, k: k * 5 })),
      13,
    ) // 50% and 60%
    const after = repeat(
      [
        { n: 100, k: 49 },
        { n: 400, k: 260 },
      ],
      8,
    ) // 49% and 65%: more answers in the good weeks
    const outcome = fixOutcome({
      weeks: [...series(before, 9), ...series(after, 1)],
      effectiveOn,
      today,
    })
    expect(outcome.test.p).toBeLessThan(0.05)
    expect(outcome.signals).toMatchObject({ shift: false, fewCrossings: false, longRun: false })
    expect(outcome.verdict).toBe('no-change')
  })

  it('does not call a run-chart shift a change when the totals do not differ beyond chance', () => {
    // Six thin weeks after, each just above the median: a shift, but 36 answers prove little.
    const before = repeat([{ n: 10, k: 5 }], 13)
    const after = repeat([{ n: 6, k: 4 }], 6)
    const outcome = fixOutcome({
      weeks: [...series(before, 7), ...series(after, 1)],
      effectiveOn: weeksAgo(6),
      today,
    })
    expect(outcome.signals.shift).toBe(true)
    expect(outcome.test.p).toBeGreaterThan(0.05)
    expect(outcome.verdict).toBe('no-change')
  })

  it('needs more weeks after the fix when only three have answers', () => {
    const outcome = fixOutcome({
      weeks: [...series(baseline, 4), ...series(repeat([{ n: 20, k: 16 }], 3), 1)],
      effectiveOn: weeksAgo(3),
      today,
    })
    expect(outcome.verdict).toBe('not-enough-data')
    expect(outcome.needs).toBe('3 more weeks of answers after the fix')
    expect(outcome.shortfall).toEqual({
      weeksAfter: 3,
      answersAfter: 0,
      weeksBefore: 0,
      answersBefore: 0,
    })
  })

  it('needs answers before the fix when the baseline is thin', () => {
    const thin = repeat([{ n: 2, k: 1 }], 13) // 26 answers in 13 weeks
    const after = repeat([{ n: 20, k: 16 }], 8)
    const outcome = fixOutcome({
      weeks: [...series(thin, 9), ...series(after, 1)],
      effectiveOn,
      today,
    })
    expect(outcome.verdict).toBe('not-enough-data')
    expect(outcome.needs).toBe('about 4 more answers before the fix')
  })

  it('uses the practice minimum when it asks for more than 30 answers a side', () => {
    const after = repeat(
      [15, 16, 17].map((k) => ({ n: 20, k })),
      8,
    )
    const weeks = [...series(baseline, 9), ...series(after, 1)]
    const outcome = fixOutcome({ weeks, effectiveOn, today, minimumAnswers: 200 })
    expect(outcome.needs).toBe('about 40 more answers after the fix')
    expect(fixOutcome({ weeks, effectiveOn, today, minimumAnswers: 5 }).verdict).toBe('improved')
  })

  it('waits for a fix that has not taken effect yet', () => {
    const outcome = fixOutcome({ weeks: series(baseline, 1), effectiveOn: '2026-12-20', today })
    expect(outcome.after.n).toBe(0)
    expect(outcome.verdict).toBe('not-enough-data')
    expect(outcome.needs).toBe(
      '6 more weeks of answers after the fix and about 30 more answers after it',
    )
  })

  it('reads a longer or shorter baseline when asked', () => {
    const outcome = fixOutcome({ weeks: series(baseline, 9), effectiveOn, today, baselineWeeks: 4 })
    expect(outcome.baselineWeeks).toBe(4)
    expect(outcome.before.n).toBe(80)
    expect(outcome.verdict).toBe('not-enough-data')
    expect(outcome.needs).toContain('answers in 2 more weeks before the fix')
  })

  it('draws a p-chart only when more than half the weeks have 30 answers or more', () => {
    const many = repeat([{ n: 40, k: 16 }], 13)
    const thin = repeat([{ n: 10, k: 4 }], 9)
    const withChart = fixOutcome({
      weeks: [...series(many, 9), ...series(thin, 0)],
      effectiveOn,
      today,
    })
    expect(withChart.pChart?.center).toBe(0.4)
    expect(withChart.pChart?.limits).toHaveLength(22)
    const limits = withChart.pChart!.limits
    // Limits vary with each week's n: wider for 10 answers than for 40.
    expect(limits.at(-1)!.upper - limits.at(-1)!.lower).toBeGreaterThan(
      limits[0]!.upper - limits[0]!.lower,
    )
    const halfThin = fixOutcome({
      weeks: [
        ...series(repeat([{ n: 40, k: 16 }], 11), 11),
        ...series(repeat([{ n: 10, k: 4 }], 11), 0),
      ],
      effectiveOn,
      today,
    })
    expect(halfThin.pChart).toBeUndefined()
  })

  it('reads NPS the same way when the weeks have recommend answers, and leaves it out otherwise', () => {
    const nps = (promoters: number, detractors: number) => ({
      promoters,
      passives: 20 - promoters - detractors,
      detractors,
    })
    const weeks = [
      ...series(baseline, 9).map((week) => ({ ...week, nps: nps(6, 8) })),
      ...series(repeat([{ n: 20, k: 16 }], 8), 1).map((week) => ({ ...week, nps: nps(14, 2) })),
    ]
    const outcome = fixOutcome({ weeks, effectiveOn, today })
    expect(outcome.nps?.verdict).toBe('improved')
    expect(outcome.nps!.median).toBeCloseTo(-10, 6)
    expect(outcome.nps!.before.n).toBe(260)
    expect(outcome.nps!.before.score).toBeCloseTo(-10, 6)
    expect(outcome.nps!.after.score).toBeCloseTo(60, 6)
    expect(outcome.nps!.test.difference).toBeCloseTo(70, 6)
    expect(outcome.nps!.test.p).toBeLessThan(0.001)
    expect(fixOutcome({ weeks: series(baseline, 1), effectiveOn, today }).nps).toBeUndefined()
  })

  const week = fc
    .integer({ min: 0, max: 200 })
    .chain((n) => fc.record({ n: fc.constant(n), k: fc.integer({ min: 0, max: n }) }))

  it('never calls a change when the weeks after repeat the weeks before', () => {
    fc.assert(
      fc.property(fc.array(week, { minLength: 1, maxLength: 20 }), (weeks) => {
        const outcome = fixOutcome({
          weeks: [...series(weeks, weeks.length + 1), ...series(weeks, 1)],
          effectiveOn: weeksAgo(weeks.length),
          today,
          baselineWeeks: weeks.length,
        })
        expect(['no-change', 'not-enough-data']).toContain(outcome.verdict)
      }),
    )
  })

  it('always calls a clear, lasting step up improved once there is enough data', () => {
    const share = fc.integer({ min: 0, max: 60 })
    fc.assert(
      fc.property(
        fc.array(share, { minLength: 6, maxLength: 20 }),
        fc.integer({ min: 6, max: 20 }),
        (baselinePercents, weeksAfter) => {
          const top = Math.max(...baselinePercents)
          const before = baselinePercents.map((p) => ({ n: 100, k: p }))
          const after = repeat([{ n: 40, k: Math.round(0.4 * (top + 30)) }], weeksAfter)
          const outcome = fixOutcome({
            weeks: [...series(before, weeksAfter + 1), ...series(after, 1)],
            effectiveOn: weeksAgo(weeksAfter),
            today,
            baselineWeeks: baselinePercents.length,
          })
          expect(outcome.verdict).toBe('improved')
        },
      ),
    )
  })
})

describe('needsOf', () => {
  it('says what is missing, weeks first', () => {
    expect(needsOf({ weeksAfter: 1, answersAfter: 1, weeksBefore: 0, answersBefore: 0 })).toBe(
      '1 more week of answers after the fix and about 1 more answer after it',
    )
    expect(needsOf({ weeksAfter: 0, answersAfter: 0, weeksBefore: 0, answersBefore: 40 })).toBe(
      'about 40 more answers before the fix',
    )
  })
})
