import { createLogger } from '../api/logger'
import { readConfig } from '../config'
import { counterCheckJobs, runJobs } from '../jobs/registry'
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
 * The hourly EventBridge schedule runs the counter check (jobs/registry.ts; the reminders and the
 * review sync have Lambdas of their own). A failed job fails the invocation, so it shows in the
 * function's error metric; the log already names which.
 */
export async function handler(): Promise<void> {
  const failed = (await runJobs({ db, logger }, counterCheckJobs)).filter((outcome) => !outcome.ok)
  if (failed.length > 0) {
    throw new Error(`Scheduled jobs failed: ${failed.map((outcome) => outcome.name).join(', ')}`)
  }
}
