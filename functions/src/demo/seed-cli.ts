/**
 * `npm run seed:demo`: create the demo practice in the database `npm start` uses, and print how to
 * sign in to it. Picks the database as `npm start` does: DYNAMODB_ENDPOINT, else AWS when
 * credentials and TABLE_NAME are given, else the embedded DynamoDB Local keeping its data in
 * DATA_DIR (started here for the few seconds it takes, so `npm start` must not be running on it).
 */
import { readConfig } from '../config'
import { chooseDatabase } from '../local/choose-database'
import { StartupError, type RunningDynamoDb } from '../local/dynamodb-local'
import { createDb } from '../store/db'
import { ensureTable } from '../store/ensure-table'
import { createDemo } from './create-demo'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

let dynamo: RunningDynamoDb | undefined

async function main() {
  const config = readConfig()
  const chosen = await chooseDatabase(config, {
    say,
    whenInUse: "Stop npm start first, or use 'Explore a demo practice' on its welcome page.",
  })
  dynamo = chosen.embedded
  const { endpoint } = chosen
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
