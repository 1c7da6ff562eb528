/**
 * `npm run seed:demo`: create the demo practice in the database `npm start` uses, and print how to
 * sign in to it. Picks the database as `npm start` does: DYNAMODB_ENDPOINT, else AWS when
 * credentials and TABLE_NAME are given, else the embedded DynamoDB Local keeping its data in
 * DATA_DIR (started here for the few seconds it takes, so `npm start` must not be running on it).
 */
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { readConfig, type Config } from '../config'
import { startDynamoDbLocal, StartupError, type RunningDynamoDb } from '../local/dynamodb-local'
import { createDb } from '../store/db'
import { ensureTable } from '../store/ensure-table'
import { createDemo } from './create-demo'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

let dynamo: RunningDynamoDb | undefined

async function main() {
  const config = readConfig()
  const endpoint = await chooseDatabase(config)
  const db = createDb({ table: config.TABLE_NAME, region: config.AWS_REGION, endpoint })
  await ensureTable(db)

  say('Creating the demo practice…')
  const { demo, password, milliseconds } = await createDemo(db)
  const signIn = new URL('/signin', config.PUBLIC_URL ?? `http://localhost:${config.PORT}`)
  say(
    `Created "${demo.practice.name}" with ${demo.responses.length.toLocaleString('en')} responses ` +
      `in ${(milliseconds / 1000).toFixed(1)} s.`,
  )
  say(
    `Sign in at ${signIn.toString()}${endpoint === dynamo?.endpoint ? ' (after npm start)' : ''}:`,
  )
  say(`  E-mail:   ${demo.owner.email}`)
  say(`  Password: ${password}`)
}

async function chooseDatabase(config: Config): Promise<string | undefined> {
  if (config.DYNAMODB_ENDPOINT) {
    say(`Using DynamoDB at ${config.DYNAMODB_ENDPOINT}.`)
    return config.DYNAMODB_ENDPOINT
  }
  const hasAwsCredentials = Boolean(process.env.AWS_ACCESS_KEY_ID || process.env.AWS_PROFILE)
  if (hasAwsCredentials && process.env.TABLE_NAME) {
    say(`Using DynamoDB table ${config.TABLE_NAME} in AWS region ${config.AWS_REGION}.`)
    return undefined
  }
  const dataDir = resolve(config.DATA_DIR)
  const shown = `${config.DATA_DIR.replace(/\/+$/, '')}/`
  if (embeddedInUse(dataDir)) {
    throw new StartupError(
      `The database in ${shown} is in use by a running Touchpoint. ` +
        "Stop npm start first, or use 'Explore a demo practice' on its welcome page.",
    )
  }
  dynamo = await startDynamoDbLocal({ dataDir })
  say(`Using the embedded DynamoDB Local with its data in ${shown}.`)
  return dynamo.endpoint
}

/**
 * Whether a DynamoDB Local already keeps its data in `dataDir` (`npm start` runs one). Two of them
 * on one file would both write to it; better to say so than to race. Where `ps` is missing
 * (Windows), this cannot tell and answers false.
 */
function embeddedInUse(dataDir: string): boolean {
  const ps = spawnSync('ps', ['-eo', 'args='], { encoding: 'utf8' })
  if (ps.error || ps.status !== 0) return false
  return ps.stdout
    .split('\n')
    .some(
      (line) =>
        line.includes('DynamoDBLocal.jar') &&
        (line.includes(`-dbPath ${dataDir} `) || line.endsWith(`-dbPath ${dataDir}`)),
    )
}

function say(line: string) {
  process.stdout.write(`${line}\n`)
}

async function finish(code: number): Promise<never> {
  await dynamo?.stop()
  process.exit(code)
}

process.once('SIGINT', () => void finish(130))
process.once('SIGTERM', () => void finish(143))

main()
  .then(() => finish(0))
  .catch((err: unknown) => {
    const message = err instanceof Error ? err.message : String(err)
    process.stderr.write(
      err instanceof StartupError ? `${message}\n` : `Could not create the demo: ${message}\n`,
    )
    void finish(1)
  })
