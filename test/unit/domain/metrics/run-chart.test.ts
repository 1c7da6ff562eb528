import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  binomialQuantile,
  crossingsLimit,
  longestRunLimit,
  median,
  runChartSignals,
  runsAbout,
  trendOf,
} from '../../../../functions/src/domain/metrics/run-chart'

/**
 * Anhøj's critical values for 10..40 useful points: [n, upper limit for the longest run, lower
 * limit for the number of crossings]. From Anhøj & Olesen (2014), "Run charts revisited: a
 * simulation study of run chart rules for detection of non-random variation in health care
 * processes", PLoS ONE 9(11):e113825, as printed in Appendix 2 ("Critical values for longest run
 * and number of crossings") of the qicharts2 vignette by the same author (anhoej/qicharts2,
 * vignettes/qicharts2.Rmd), where they come from round(log2(n) + 3) and qbinom(0.05, n - 1, 0.5).
 */
const anhojTable: [n: number, longestRunMax: number, crossingsMin: number][] = [
  [10, 6, 2], [11, 6, 2], [12, 7, 3], [13, 7, 3], [14, 7, 4], [15, 7, 4], [16, 7, 4],
  [17, 7, 5], [18, 7, 5], [19, 7, 6], [20, 7, 6], [21, 7, 6], [22, 7, 7], [23, 8, 7],
  [24, 8, 8], [25, 8, 8], [26, 8, 8], [27, 8, 9], [28, 8, 9], [29, 8, 10], [30, 8, 10],
  [31, 8, 11], [32, 8, 11], [33, 8, 11], [34, 8, 12], [35, 8, 12], [36, 8, 13], [37, 8, 13],
  [38, 8, 14], [39, 8, 14], [40, 8, 14],
] // prettier-ignore

describe("Anhøj's critical values", () => {
  it.each(anhojTable)(
    'n = %i useful points: longest run at most %i, crossings at least %i',
    (n, longestRunMax, crossingsMin) => {
      expect(longestRunLimit(n)).toBe(longestRunMax)
      expect(crossingsLimit(n)).toBe(crossingsMin)
    },
  )

  it('finds the 5th percentile of Binomial(n, ½) exactly, as counted with whole numbers', () => {
    // qbinom(0.05, n, 0.5) is the smallest x with Σ_{i≤x} C(n, i) ≥ 2ⁿ / 20.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), (n) => {
        let choose = 1n
        let sum = 0n
        let expected = n
        for (let x = 0; x <= n; x++) {
          if (x > 0) choose = (choose * BigInt(n - x + 1)) / BigInt(x)
          sum += choose
          if (20n * sum >= 2n ** BigInt(n)) {
            expected = x
            break
          }
        }
        expect(binomialQuantile(0.05, n, 0.5)).toBe(expected)
      }),
    )
  })
})

describe('median', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNull()
  })
})

describe('a published run chart with a shift', () => {
  /**
   * Balestracci, "An underrated test for run charts", Quality Digest, October 2008: 16 months, an
   * intervention after the sixth; seven points above the median, then seven below, then one
   * above and one below (4 runs, where 5 to 12 are expected for 16 points), and a downward
   * stretch of five points from observation 5 to 9. The article gives the pattern, not the
   * values; these values have exactly that pattern.
   */
  const months = [14, 16, 13, 15, 18, 16.5, 14.5, 9, 8, 10, 7, 9.5, 8.5, 10.5, 13.5, 9.8]

  it('has its runs, crossings and longest run', () => {
    const centre = median(months)!
    expect(runsAbout(months, centre).map((run) => run.points.length)).toEqual([7, 7, 1, 1])
    const signals = runChartSignals(months, centre)
    expect(signals).toMatchObject({ useful: 16, crossings: 3, longestRun: 7 })
  })

  it('shows a shift (Perla: six or more on one side) and too few crossings (Anhøj: 3 < 4)', () => {
    const signals = runChartSignals(months, median(months)!)
    expect(signals).toMatchObject({ shift: true, fewCrossings: true, crossingsMin: 4 })
    // Seven is the longest run Anhøj's rule allows for 16 points: not unusually long.
    expect(signals).toMatchObject({ longRun: false, longestRunMax: 7 })
  })

  it('reads the five falling points as a trend, as Perla et al. count it', () => {
    // Perla, Provost & Murray (2011) call five points a trend; the article, using the older
    // rule of six for 16 points, does not. Either way it is information only.
    expect(runChartSignals(months, median(months)!)).toMatchObject({
      trend: true,
      trendDirection: 'down',
    })
  })
})

describe('the rules about the median', () => {
  it('skips points on the median: they neither add to a run nor break it', () => {
    // Five above, one on the median, one above: a run of six, so a shift.
    const signals = runChartSignals([5, 6, 7, 5, 6, 4, 8], 4)
    expect(signals).toMatchObject({ useful: 6, longestRun: 6, shift: true, shiftSide: 'above' })
    // The same run of five without the seventh point is no shift.
    expect(runChartSignals([5, 6, 7, 5, 6, 4], 4).shift).toBe(false)
  })

  it('reports the side of the latest shift', () => {
    const values = [1, 1, 1, 1, 1, 1, 9, 9, 9, 9, 9, 9]
    expect(runChartSignals(values, 5)).toMatchObject({ shift: true, shiftSide: 'above' })
  })

  const series = fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 60 })

  it('finds the same shifts, runs and crossings after every point is moved by the same amount', () => {
    fc.assert(
      fc.property(series, fc.integer({ min: -1000, max: 1000 }), (values, by) => {
        const centre = median(values) ?? 0
        const moved = values.map((value) => value + by)
        const movedCentre = median(moved) ?? by
        expect(movedCentre).toBe(centre + by)
        expect(runChartSignals(moved, movedCentre)).toEqual(runChartSignals(values, centre))
      }),
    )
  })

  it('finds no runs when every point is on the median', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.double({ noNaN: true }), (n, level) => {
        const values = Array.from({ length: n }, () => level)
        expect(runsAbout(values, level)).toEqual([])
        expect(runChartSignals(values, level)).toMatchObject({
          useful: 0,
          crossings: 0,
          longestRun: 0,
          shift: false,
          longRun: false,
          fewCrossings: false,
        })
      }),
    )
  })

  it('counts one run more than crossings whenever a point is off the median', () => {
    fc.assert(
      fc.property(series, fc.integer({ min: -50, max: 50 }), (values, centre) => {
        const runs = runsAbout(values, centre)
        const signals = runChartSignals(values, centre)
        if (signals.useful > 0) expect(signals.crossings + 1).toBe(runs.length)
        expect(signals.useful).toBe(values.filter((value) => value !== centre).length)
      }),
    )
  })

  it('gives the same runs when points on the median are added anywhere', () => {
    fc.assert(
      fc.property(series, fc.array(fc.nat(60)), (values, places) => {
        const centre = 0
        const padded = [...values]
        for (const place of places) padded.splice(place % (padded.length + 1), 0, centre)
        const { trend: _t, trendDirection: _d, ...withoutTrend } = runChartSignals(values, centre)
        const {
          trend: _pt,
          trendDirection: _pd,
          ...paddedSignals
        } = runChartSignals(padded, centre)
        expect(paddedSignals).toEqual(withoutTrend)
      }),
    )
  })
})

describe('the trend rule', () => {
  it('needs five points all rising or all falling; a repeated value neither adds nor breaks', () => {
    expect(trendOf([1, 2, 3, 4])).toBeNull()
    expect(trendOf([1, 2, 3, 4, 5])).toBe('up')
    expect(trendOf([1, 2, 2, 3, 4])).toBeNull()
    expect(trendOf([1, 2, 2, 3, 4, 5])).toBe('up')
    expect(trendOf([9, 7, 7, 7, 5, 3, 1])).toBe('down')
    expect(trendOf([1, 2, 3, 2, 3, 4])).toBeNull()
  })

  it('never sees a trend in fewer than five distinct steps of one direction', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 30 }), (values) => {
        const direction = trendOf(values)
        if (direction === null) return
        const distinct = values.filter((v, i) => i === 0 || v !== values[i - 1])
        const rising = direction === 'up'
        let best = 1
        let length = 1
        for (let i = 1; i < distinct.length; i++) {
          const step = (distinct[i] as number) > (distinct[i - 1] as number)
          length = step === rising ? length + 1 : 1
          best = Math.max(best, length)
        }
        expect(best).toBeGreaterThanOrEqual(5)
      }),
    )
  })
})
