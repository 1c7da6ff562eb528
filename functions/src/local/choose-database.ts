import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import type { Config } from '../config'
import { startDynamoDbLocal, StartupError, type RunningDynamoDb } from './dynamodb-local'

/**
 * The database `npm start` and the command-line tools (`npm run seed:demo`, `npm run
 * counters:rebuild`) use, chosen the one way: DYNAMODB_ENDPOINT, else AWS when credentials and
 * TABLE_NAME are given, else the embedded DynamoDB Local keeping its data in DATA_DIR, started here
 * (and stopped by the caller). Two of them must not share that folder: `whenInUse` says what to do.
 */
export async function chooseDatabase(
  config: Config,
  { say, whenInUse }: { say: (line: string) => void; whenInUse: string },
): Promise<ChosenDatabase> {
  if (config.DYNAMODB_ENDPOINT) {
    say(`Using DynamoDB at ${config.DYNAMODB_ENDPOINT}.`)
    return { endpoint: config.DYNAMODB_ENDPOINT }
  }
  const hasAwsCredentials = Boolean(process.env.AWS_ACCESS_KEY_ID || process.env.AWS_PROFILE)
  if (hasAwsCredentials && process.env.TABLE_NAME) {
    say(`Using DynamoDB table ${config.TABLE_NAME} in AWS region ${config.AWS_REGION}.`)
    return { endpoint: undefined }
  }
  const dataDir = resolve(config.DATA_DIR)
  const shown = `${config.DATA_DIR.replace(/\/+$/, '')}/`
  if (embeddedInUse(dataDir)) {
    throw new StartupError(
      `The database in ${shown} is in use by a running Touchpoint. ${whenInUse}`,
    )
  }
  const started = Date.now()
  const embedded = await startDynamoDbLocal({ dataDir })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  say(`Using the embedded DynamoDB Local (started in ${seconds} s) with its data in ${shown}.`)
  return {
    endpoint: embedded.endpoint,
    embedded,
    region: embedded.region,
    credentials: embedded.credentials,
  }
}

export interface ChosenDatabase {
  endpoint: string | undefined
  embedded?: RunningDynamoDb
  /** Set for the embedded database: the region and key its data file answers to. */
  region?: string
  credentials?: RunningDynamoDb['credentials']
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
