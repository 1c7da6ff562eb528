import { createLogger } from '../api/logger'
import { readConfig } from '../config'
import { reminderJobs, runJobs } from '../jobs/registry'
import { messengerFor } from '../messaging'
import { createDb } from '../store/db'

// Built once per Lambda instance and reused across invocations.
const config = readConfig()
const db = createDb({
  table: config.TABLE_NAME,
  region: config.AWS_REGION,
  endpoint: config.DYNAMODB_ENDPOINT,
})
const logger = createLogger(config.LOG_LEVEL)

/**
 * The daily EventBridge schedule: remind action owners of the governance committee (due tomorrow,
 * overdue) by SES, with links on the site's CloudFront address (`PUBLIC_URL`). A failed run fails
 * the invocation, so it shows in the function's error metric.
 */
export async function handler(): Promise<void> {
  if (!config.PUBLIC_URL) throw new Error('PUBLIC_URL must be set: reminders link to the site')
  const context = {
    db,
    logger,
    mailer: messengerFor(config, db),
    publicOrigin: new URL(config.PUBLIC_URL).origin,
  }
  const failed = (await runJobs(context, reminderJobs)).filter((outcome) => !outcome.ok)
  if (failed.length > 0)
    throw new Error(`Governance reminders failed: ${failed.map((o) => o.name).join(', ')}`)
}
