import type { Moment, Submission } from '../domain/moments/moment'
import { batchPut } from './batch'
import type { Db } from './db'
import { toItem } from './items'
import * as keys from './keys'

/**
 * Write many moments and colleagues' stories at once, for the demo: the same items that
 * `moments.create` (each moment with the claim on its story's origin) and `submissions.add` leave,
 * 25 a request instead of one transaction each. Not for live data: nothing checks that an origin
 * is unclaimed, so the caller must know its moments are new and one per origin.
 *
 * @example
 * await writeMoments(db, practiceId, demo.moments, demo.submissions)
 */
export async function writeMoments(
  db: Db,
  practiceId: string,
  moments: readonly Moment[],
  submissions: readonly Submission[],
): Promise<void> {
  await batchPut(db, [
    ...moments.flatMap((moment) => [
      toItem(keys.moment(practiceId, moment.id), 'moment', moment),
      ...(moment.origin
        ? [
            toItem(
              keys.momentOrigin(practiceId, moment.origin.kind, moment.origin.id),
              'moment-origin',
              { momentId: moment.id },
            ),
          ]
        : []),
    ]),
    ...submissions.map((submission) =>
      toItem(
        keys.momentSubmission(practiceId, submission.week, submission.id),
        'moment-submission',
        submission,
      ),
    ),
  ])
}
