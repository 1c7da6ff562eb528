import type { Figure } from './minimum'
import { npsDifference, type Nps } from './nps'
import { twoProportionTest, type Proportion } from './proportions'
import type { TouchpointScore } from './touchpoints'

export type Direction = 'up' | 'down' | 'flat'

export interface Change<T extends Figure> {
  current: T
  previous: T
  /** current − previous: a share difference (0..1 scale) or NPS points; null if a side has none. */
  delta: number | null
  /** Beyond chance at 95%, and both periods have enough answers. */
  significant: boolean
  /** The sign of `delta`, whether or not it is significant, so the UI can grey a chance move. */
  direction: Direction
}

/**
 * A top-box share against the previous period, tested with the pooled two-proportion z test.
 *
 * @example
 * topBoxChange(proportion(45, 100), proportion(30, 100)) // delta 0.15, significant, 'up'
 */
export function topBoxChange(current: Proportion, previous: Proportion): Change<Proportion> {
  return shareChange(current, previous, current, previous)
}

/**
 * A touch point's top-box share (4-5) against the previous period.
 *
 * @example
 * touchpointChange(touchpointScore('visit', now), touchpointScore('visit', before))
 */
export function touchpointChange(
  current: TouchpointScore,
  previous: TouchpointScore,
): Change<TouchpointScore> {
  const counts = (score: TouchpointScore) => ({ k: score.topBoxCount, n: score.n })
  return shareChange(current, previous, counts(current), counts(previous))
}

/**
 * NPS against the previous period: significant when the difference exceeds the combined margin.
 *
 * @example
 * npsChange(nps(thisQuarter), nps(lastQuarter)) // { delta: 12, significant: false, direction: 'up', … }
 */
export function npsChange(current: Nps, previous: Nps): Change<Nps> {
  const { difference, significant } = npsDifference(current, previous)
  return change(current, previous, difference, significant)
}

function shareChange<T extends Figure>(
  current: T,
  previous: T,
  a: { k: number; n: number },
  b: { k: number; n: number },
): Change<T> {
  const delta = a.n === 0 || b.n === 0 ? null : a.k / a.n - b.k / b.n
  return change(current, previous, delta, twoProportionTest(a, b).significant)
}

function change<T extends Figure>(
  current: T,
  previous: T,
  delta: number | null,
  significant: boolean,
): Change<T> {
  return {
    current,
    previous,
    delta,
    // A difference between two thin samples is too often noise to call, whatever the test says.
    significant: significant && current.enough && previous.enough,
    direction: delta === null || delta === 0 ? 'flat' : delta > 0 ? 'up' : 'down',
  }
}
