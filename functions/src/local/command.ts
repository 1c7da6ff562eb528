import type { Config } from '../config'
import { createDb, type Db } from '../store/db'
import { ensureTable } from '../store/ensure-table'
import { chooseDatabase, type ChosenDatabase } from './choose-database'
import { StartupError, type RunningDynamoDb } from './dynamodb-local'

/**
 * What every command-line tool that opens the local database shares: its lines on stdout, the
 * embedded DynamoDB Local stopped on every way out (done, failed, Ctrl-C, SIGTERM), and a failure
 * said in one line (a start-up problem as it is, anything else after `failure`).
 *
 * @example
 * const command = localCommand('Could not create the demo')
 * command.run(async () => { const { db } = await command.openDatabase(config, 'Stop npm start first.'); return 0 })
 */
export function localCommand(failure: string) {
  let dynamo: RunningDynamoDb | undefined

  async function finish(code: number): Promise<never> {
    await dynamo?.stop()
    process.exit(code)
  }

  return {
    say(line: string): void {
      process.stdout.write(`${line}\n`)
    },
    /** The embedded database this command started, to stop when it ends. */
    adopt(embedded: RunningDynamoDb | undefined): void {
      dynamo = embedded
    },
    /**
     * The database `npm start` uses (embedded, a DYNAMODB_ENDPOINT or AWS), its table ensured;
     * an embedded one is stopped when the command ends. `whenInUse` says what to do when a
     * running Touchpoint holds the embedded one's folder.
     */
    async openDatabase(
      config: Config,
      whenInUse: string,
    ): Promise<{ db: Db; chosen: ChosenDatabase }> {
      const chosen = await chooseDatabase(config, { say: this.say, whenInUse })
      dynamo = chosen.embedded
      const db = createDb({
        table: config.TABLE_NAME,
        region: chosen.region ?? config.AWS_REGION,
        endpoint: chosen.endpoint,
        credentials: chosen.credentials,
      })
      await ensureTable(db)
      return { db, chosen }
    },
    /** Runs `main` and exits with the code it returns (1 when it throws). */
    run(main: () => Promise<number>): void {
      process.once('SIGINT', () => void finish(130))
      process.once('SIGTERM', () => void finish(143))
      main()
        .then((code) => finish(code))
        .catch((err: unknown) => {
          const message = err instanceof Error ? err.message : String(err)
          process.stderr.write(
            err instanceof StartupError ? `${message}\n` : `${failure}: ${message}\n`,
          )
          void finish(1)
        })
    },
  }
}
