import type { ConnectorContext } from '../ingest/reviews/connector'
import type { Messenger } from '../messaging/messenger'
import type { SecretStore } from '../secrets/secret-store'
import type { Db } from '../store/db'

/** The little of a logger a job needs (pino's shape), so jobs do not depend on where they run. */
export interface JobLogger {
  info(fields: Record<string, unknown>, message: string): void
  error(fields: Record<string, unknown>, message: string): void
}

/** What every job is handed: the table and a logger. Handlers and the local timer build it. */
export interface JobContext {
  db: Db
  logger: JobLogger
  /** Review sites' credentials: the reviews sync needs them, other jobs do not. */
  secrets?: SecretStore
  /** Where the review sites are (`connectorContextFor(config)`), for the reviews sync. */
  connectors?: ConnectorContext
  /** E-mail (the outbox locally, SES in AWS), for the governance reminders. */
  mailer?: Messenger
  /** The origin links in e-mails start with (`PUBLIC_URL`, or the local server's address). */
  publicOrigin?: string
  /** The clock; tests set it to run a job on a chosen day. */
  now?: () => Date
}

/**
 * Scheduled work as a plain function: run by `handlers/jobs.ts` on an EventBridge schedule in AWS
 * and by the local job timer under `npm start`. A job must be safe to run again at any time, since
 * a schedule may fire twice and a failed run is simply tried at the next tick.
 *
 * @example
 * const job: Job = { name: 'counters.check', run: async ({ db }) => ({ differences: 0 }) }
 */
export interface Job {
  readonly name: string
  /** Returns a few figures for the log: counts and ids, never patient data. */
  run(context: JobContext): Promise<Record<string, number>>
}
