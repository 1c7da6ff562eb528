import type { SurveyDefinition } from '../domain/surveys'
import type { Db } from '../store/db'
import * as locations from '../store/locations'
import { writeMembers } from '../store/member-batches'
import { writeMoments } from '../store/moment-batches'
import * as practices from '../store/practices'
import * as providers from '../store/providers'
import { versionKey, writeResponses } from '../store/response-batches'
import { writeNewReviews } from '../store/review-counters-batch'
import * as surveys from '../store/surveys'
import type { Demo } from './generate'

/**
 * Write a generated demo practice. The practice, its people, places and surveys go through the
 * store like any other; the ~2,000 responses do not go through `responses.accept` (one transaction
 * each, some 15 s on DynamoDB Local) but in batches, with every counter summed in memory and written
 * once: the same items `accept` would have left, in a fraction of the time.
 *
 * @example
 * await writeDemo(db, await generateDemo({ seed: 1, now: new Date() }), { passwordHash })
 */
export async function writeDemo(
  db: Db,
  demo: Demo,
  { passwordHash }: { passwordHash: string },
): Promise<void> {
  const { practice, owner } = demo
  await practices.create(db, { practice, owner, passwordHash })
  await Promise.all([
    ...demo.locations.map((location) => locations.create(db, practice.id, location)),
    ...demo.providers.map((provider) => providers.create(db, practice.id, provider)),
    // The staff sign in with the owner's password: the demo's visitor can see what they see.
    writeMembers(db, practice.id, demo.team, passwordHash),
    writeMoments(db, practice.id, demo.moments, demo.submissions),
  ])
  const definitions = new Map<string, SurveyDefinition>()
  await Promise.all(
    demo.surveys.map(async (survey) => {
      await surveys.create(db, practice.id, survey)
      const published = await surveys.publish(db, practice.id, survey.id)
      // Generated responses answer version 1; a survey that somehow had one would break that.
      if (published.version !== 1) throw new Error(`demo survey published as v${published.version}`)
      definitions.set(versionKey(survey.id, 1), published.definition)
    }),
  )
  await Promise.all([
    writeResponses(db, {
      practiceId: practice.id,
      timeZone: practice.timeZone,
      definitions,
      responses: demo.responses,
    }),
    // The same way: reviews, identities and summed counters in batches, not one transaction each.
    writeNewReviews(db, practice.id, practice.timeZone, demo.reviews),
  ])
}
