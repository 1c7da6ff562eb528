/**
 * `npm run counters:rebuild`: re-derive every counter from the stored responses and report any
 * difference, for each practice (or those named with `--practice <id>`). Differences are fixed by
 * rewriting the counters unless `--check` is given, which only reports and exits 1 on any
 * difference. Uses the database `npm start` uses; stop `npm start` first when it is the embedded one.
 */
import { parseArgs } from 'node:util'
import { readConfig } from '../config'
import { localCommand } from './command'
import { rebuildCounters } from '../jobs/rebuild-counters'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

/** Differences listed per practice; the rest are counted. */
const shownDifferences = 20

const command = localCommand('Could not rebuild the counters')
const say = command.say

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      practice: { type: 'string', multiple: true },
      check: { type: 'boolean', default: false },
    },
  })
  const config = readConfig()
  const { db } = await command.openDatabase(
    config,
    'Stop npm start first: the rebuild must not race new responses.',
  )

  const { practices: rebuilt, missing } = await rebuildCounters(db, {
    write: !values.check,
    practiceIds: values.practice,
  })
  for (const id of missing) say(`No practice ${id} in this table.`)
  let differing = 0
  for (const { practice, report } of rebuilt) {
    const count = report.differences.length
    say(
      `${practice.name} (${practice.id}): ${report.responses.toLocaleString('en')} responses, ` +
        (report.reviews ? `${report.reviews.toLocaleString('en')} reviews, ` : '') +
        `${report.counters.toLocaleString('en')} counters, ` +
        (count === 0 ? 'no difference.' : `${count.toLocaleString('en')} differences:`),
    )
    for (const d of report.differences.slice(0, shownDifferences)) {
      const survey =
        d.surveyId === '*'
          ? 'all surveys'
          : d.surveyId === 'reviews'
            ? 'reviews'
            : `survey ${d.surveyId}`
      say(
        `  ${survey}, ${d.counter}, ${d.name}: counted ${d.actual}, ${d.surveyId === 'reviews' ? 'reviews' : 'responses'} say ${d.expected}`,
      )
    }
    if (count > shownDifferences) say(`  …and ${count - shownDifferences} more.`)
    if (report.rewritten) say('  Rewrote the counters from the responses.')
    if (count > 0) differing++
  }
  if (rebuilt.length === 0) say('No practices to check.')
  return values.check && differing > 0 ? 1 : 0
}

command.run(main)
