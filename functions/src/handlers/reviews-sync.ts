import { createLogger } from '../api/logger'
import { readConfig } from '../config'
import { connectorContextFor } from '../ingest/reviews/connector-context'
import type { JobContext } from '../jobs/job'
import { reviewSyncJobs, runJobs } from '../jobs/registry'
import { secretsClient } from '../secrets/origin-verify-secret'
import type { SecretStore } from '../secrets/secret-store'
import { secretsManagerSecrets } from '../secrets/secrets-manager-secrets'
import { createDb } from '../store/db'

/**
 * The reviews sync for one EventBridge schedule (every 30 minutes), handed its secret store.
 * A failed run fails the invocation, so it shows in the function's error metric.
 *
 * @example
 * export const handler = reviewsSyncHandler(secretsManagerSecrets(...))
 */
export function reviewsSyncHandler(
  secrets: SecretStore,
  env: Record<string, string | undefined> = process.env,
): () => Promise<void> {
  // Built once per Lambda instance and reused across invocations.
  const config = readConfig(env)
  const context: JobContext = {
    db: createDb({
      table: config.TABLE_NAME,
      region: config.AWS_REGION,
      endpoint: config.DYNAMODB_ENDPOINT,
    }),
    logger: createLogger(config.LOG_LEVEL),
    secrets,
    connectors: connectorContextFor(config),
  }
  return async () => {
    const failed = (await runJobs(context, reviewSyncJobs)).filter((outcome) => !outcome.ok)
    if (failed.length > 0)
      throw new Error(`Reviews sync failed: ${failed.map((o) => o.name).join(', ')}`)
  }
}

// In AWS the practices' review-site credentials are Secrets Manager secrets (`touchpoint/…`).
export const handler = reviewsSyncHandler(
  secretsManagerSecrets(secretsClient(readConfig().AWS_REGION)),
)
