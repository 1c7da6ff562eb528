import type { Db } from '../../store/db'
import { fixOutcome, outcomeWindow, type Outcome } from '../../domain/governance/outcome'
import type { Fix } from '../../domain/governance/fixes'
import { npsSurveysOf } from '../../domain/governance/nps-surveys'
import type { Practice } from '../../domain/practice'
import * as surveys from '../../store/surveys'
import { weeklyTopBox } from '../../store/touchpoint-weeks'

/**
 * A fix's outcome as of `today` (practice time): its touch point's weeks read in one Query over
 * the counters, judged by `fixOutcome`, with the NPS of the surveys that rate the touch point and
 * ask it. The outcome route and the meeting's minutes both use it, so the minutes never say
 * something the page does not.
 *
 * @example
 * const outcome = await outcomeOfFix(db, practice, fix, { today: '2026-12-01' })
 * outcome.verdict // 'improved'
 */
export async function outcomeOfFix(
  db: Db,
  practice: Pick<Practice, 'id' | 'minimumResponses'>,
  fix: Pick<Fix, 'touchpointId' | 'effectiveOn'>,
  { today, baselineWeeks }: { today: string; baselineWeeks?: number | undefined },
): Promise<Outcome> {
  const window = outcomeWindow(fix.effectiveOn, today, baselineWeeks)
  const weeks = await weeklyTopBox(
    db,
    practice.id,
    fix.touchpointId,
    window.baseline[0] ?? window.fixWeek,
    window.after.at(-1) ?? window.fixWeek,
    { npsSurveys: await npsSurveysRating(db, practice.id, fix.touchpointId) },
  )
  return fixOutcome({
    weeks,
    effectiveOn: fix.effectiveOn,
    today,
    baselineWeeks,
    minimumAnswers: practice.minimumResponses,
  })
}

/** The practice's surveys whose live version rates the touch point and asks NPS. */
async function npsSurveysRating(db: Db, practiceId: string, touchpointId: string) {
  const live = (await surveys.list(db, practiceId)).filter(
    (survey) => survey.publishedVersion !== null,
  )
  const versions = await Promise.all(
    live.map((survey) => surveys.getVersion(db, practiceId, survey.id, survey.publishedVersion!)),
  )
  return npsSurveysOf(
    touchpointId,
    versions.flatMap((version) => (version ? [version] : [])),
  )
}
