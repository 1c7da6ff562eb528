import { addDays, weekStart } from '../domain/analytics/periods'

/**
 * The end of the demo's check-in story: after the dip (generate.ts `checkInDip`), the governance
 * committee's case (demo/governance.ts) put text-ahead pre-registration in place, and check-in
 * has been rated a little better than it ever was before the dip since the day it took effect.
 * One day, shared by the generator (which lifts the ratings from it) and the seeded fix (whose
 * `effectiveOn` it is), so the fix's outcome reads exactly the weeks the lift is in.
 */

/** Days before today when the dip is over (generate.ts `checkInDip.to`). */
const dipOverDaysAgo = 47

/**
 * How much higher a check-in rating is from the fix on, on the 1-5 scale: top box (4 or 5) goes
 * from about 75% before the dip to about 91%, the kind of lift a pre-registration step gives.
 */
export const checkInLift = 0.6

/**
 * The day the check-in fix took effect: the Monday on or after the day the dip was over, so the
 * fix's whole first week is past the dip and at least six weeks follow it (41 to 47 days ago).
 *
 * @example
 * checkInFixOn('2026-12-02') // '2026-10-19' (the Monday on or after 2026-10-16)
 */
export function checkInFixOn(today: string): string {
  const over = addDays(today, -dipOverDaysAgo)
  const monday = weekStart(over)
  return monday === over ? monday : addDays(monday, 7)
}
