/**
 * `npm start`: the whole product on one machine. Starts the embedded DynamoDB Local (unless told to
 * use another DynamoDB), makes sure the table exists, and serves web + /api + /ws on one port.
 */
import { resolve } from 'node:path'
import { createLogger } from '../api/logger'
import { readConfig, type Config } from '../config'
import { connectorContextFor } from '../ingest/reviews/connector-context'
import { runJobs } from '../jobs/registry'
import { messengerFor } from '../messaging'
import { localFileSecrets } from '../secrets/local-file-secrets'
import { createDb } from '../store/db'
import { ensureTable } from '../store/ensure-table'
import { chooseDatabase } from './choose-database'
import { StartupError, type RunningDynamoDb } from './dynamodb-local'
import { localSchedules, startJobTimer } from './job-timer'
import { linkOrigin } from './link-origin'
import { assertPortFree, createLocalApp, listen, PortInUseError } from './server'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

let dynamo: RunningDynamoDb | undefined
let closeServer: (() => Promise<void>) | undefined
let stopJobs: (() => Promise<void>) | undefined

async function main() {
  const config = readConfig()
  await assertPortFree(config.PORT, config.HOST).catch(explainPortInUse(config))
  const chosen = await chooseDatabase(config, {
    say,
    whenInUse: `Stop it first, or give this one its own folder: DATA_DIR=.data-2 npm start`,
  })
  dynamo = chosen.embedded
  const endpoint = chosen.endpoint
  const db = createDb({
    table: config.TABLE_NAME,
    region: chosen.region ?? config.AWS_REGION,
    endpoint,
    credentials: chosen.credentials,
  })
  const created = await ensureTable(db)
  if (created === 'created') say(`Created table ${config.TABLE_NAME}.`)

  const logger = createLogger(config.LOG_LEVEL)
  // Known once listening (PORT=0 picks a port); links are only made by requests, which come later.
  const listening: { origin?: string } = {}
  const mailer = messengerFor(config, db)
  const app = createLocalApp({
    config,
    db,
    mailer,
    logger,
    listeningOrigin: () => listening.origin,
  })
  const started = await listen(app, config.PORT, config.HOST).catch(explainPortInUse(config))
  listening.origin = linkOrigin(started.url, config.HOST)
  closeServer = started.close
  const jobContext = {
    db,
    logger,
    secrets: localFileSecrets(resolve(config.DATA_DIR)),
    connectors: connectorContextFor(config),
    mailer,
    publicOrigin: new URL(config.PUBLIC_URL ?? listening.origin).origin,
  }
  const timers = localSchedules(config).map((schedule) =>
    startJobTimer({
      intervalSeconds: schedule.intervalSeconds,
      run: () => runJobs(jobContext, schedule.jobs),
      onError: (errorName) =>
        logger.error({ errorName, schedule: schedule.name }, 'scheduled jobs failed'),
    }),
  )
  stopJobs = async () => {
    await Promise.all(timers.map((timer) => timer.stop()))
  }
  say(`Touchpoint is running at ${started.url}  (Ctrl-C stops it)`)
}

function explainPortInUse(config: Config) {
  return (err: unknown): never => {
    if (err instanceof PortInUseError) {
      throw new StartupError(
        `Port ${config.PORT} is already in use: stop the program using it, or run PORT=${config.PORT + 1} npm start`,
      )
    }
    throw err
  }
}

function say(line: string) {
  process.stdout.write(`${line}\n`)
}

async function shutdown(code: number) {
  // A job writing counters finishes before the database it writes to stops.
  await Promise.allSettled([closeServer?.(), stopJobs?.()])
  await dynamo?.stop()
  process.exit(code)
}

process.once('SIGINT', () => void shutdown(0))
process.once('SIGTERM', () => void shutdown(0))
process.on('uncaughtException', (err) => {
  process.stderr.write(`Touchpoint stopped: ${err instanceof Error ? err.message : String(err)}\n`)
  void shutdown(1)
})

main().catch((err: unknown) => {
  const message = err instanceof StartupError || err instanceof Error ? err.message : String(err)
  process.stderr.write(`Touchpoint could not start: ${message}\n`)
  void shutdown(1)
})
