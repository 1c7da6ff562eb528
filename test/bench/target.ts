/**
 * What the bench measures, each run in a child process of its own (`node --import tsx target.ts
 * MODE`) so that the load generator never shares its event loop or its CPU time with it:
 *
 * - `full`: the local server exactly as `npm start` builds it (createLocalApp + listen);
 * - `bare`: a bare Hono app on @hono/node-server whose /api/health does the same single GetItem;
 * - `raw`: no HTTP at all, BENCH_CONNECTIONS workers doing GET /api/me's DynamoDB reads in a loop.
 *
 * Each prints `{"event":"ready",…}` when it can be measured. Settings come in BENCH_* variables.
 */
import { existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { serve } from '@hono/node-server'
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { Hono } from 'hono'
import { readConfig } from '../../functions/src/config'
import { hashToken } from '../../functions/src/domain/tokens'
import { createLocalApp, listen, webBuildDir } from '../../functions/src/local/server'
import { outboxMailer } from '../../functions/src/mail/outbox'
import { createDb } from '../../functions/src/store/db'
import * as health from '../../functions/src/store/health'
import * as keys from '../../functions/src/store/keys'

function setting(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set`)
  return value
}

const say = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`)

const endpoint = setting('BENCH_ENDPOINT')
const table = setting('BENCH_TABLE')
const region = 'us-east-1'

async function full() {
  const config = readConfig({
    ...process.env,
    PORT: setting('BENCH_PORT'),
    HOST: '127.0.0.1',
    TABLE_NAME: table,
    AWS_REGION: region,
    DYNAMODB_ENDPOINT: endpoint,
    LOG_LEVEL: 'silent',
    COOKIE_SECURE: 'false',
  })
  const db = createDb({ table, region, endpoint })
  const app = createLocalApp({ config, db, mailer: outboxMailer(db) })
  await listen(app, config.PORT, config.HOST)
  say({ event: 'ready', url: `http://127.0.0.1:${config.PORT}`, webBuild: existsSync(webBuildDir) })
}

async function bare() {
  const db = createDb({ table, region, endpoint })
  const app = new Hono()
  app.get('/api/health', async (c) => {
    await health.ping(db)
    return c.json({ status: 'ok' as const })
  })
  const port = Number(setting('BENCH_PORT'))
  serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) =>
    say({ event: 'ready', url: `http://127.0.0.1:${info.port}` }),
  )
}

/**
 * GET /api/me's reads: the session by token hash, then its practice and user in parallel. Driven
 * by stdin lines, so the bench can interleave it with the API runs: `warmup MS` runs the workers
 * for MS and prints `{"event":"warmed"}`; `measure MS` does the same and prints a `window` event
 * with the count, the CPU this process used and every latency.
 */
async function raw() {
  const db = createDb({ table, region, endpoint })
  const sessionKey = keys.session(hashToken(setting('BENCH_TOKEN')))
  const workers = Number(setting('BENCH_CONNECTIONS'))

  async function once() {
    const { Item } = await db.client.send(new GetCommand({ TableName: table, Key: sessionKey }))
    if (!Item) throw new Error('session item missing')
    const practiceId = String(Item.practiceId)
    const userId = String(Item.userId)
    const [practice, user] = await Promise.all([
      db.client.send(new GetCommand({ TableName: table, Key: keys.practice(practiceId) })),
      db.client.send(new GetCommand({ TableName: table, Key: keys.user(practiceId, userId) })),
    ])
    if (!practice.Item || !user.Item) throw new Error('practice or user item missing')
  }

  /** Run the workers until `ms` have passed. */
  async function loop(ms: number) {
    const latencies: number[] = []
    let errors = 0
    let firstError: string | undefined
    const end = performance.now() + ms
    const worker = async () => {
      while (performance.now() < end) {
        const started = performance.now()
        try {
          await once()
          latencies.push(Math.round((performance.now() - started) * 100) / 100)
        } catch (err) {
          errors++
          firstError ??= err instanceof Error ? `${err.name}: ${err.message}` : String(err)
        }
      }
    }
    const began = performance.now()
    const cpuBefore = process.cpuUsage()
    await Promise.all(Array.from({ length: workers }, worker))
    const cpu = process.cpuUsage(cpuBefore)
    return {
      completed: latencies.length,
      errors,
      firstError,
      elapsedMs: performance.now() - began,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      latencies,
    }
  }

  await once()
  say({ event: 'ready' })
  const commands = createInterface({ input: process.stdin })
  for await (const line of commands) {
    const [command, ms] = line.trim().split(' ')
    const duration = Number(ms)
    if (!Number.isFinite(duration) || duration <= 0) throw new Error(`bad command: ${line}`)
    if (command === 'warmup') {
      const run = await loop(duration)
      say({ event: 'warmed', completed: run.completed, errors: run.errors })
    } else if (command === 'measure') {
      say({ event: 'window', ...(await loop(duration)) })
    } else {
      throw new Error(`unknown command: ${line}`)
    }
  }
}

const modes: Record<string, () => Promise<void>> = { full, bare, raw }
const mode = process.argv[2] ?? ''
const run = modes[mode]
if (!run) {
  process.stderr.write(`usage: target.ts full|bare|raw (got "${mode}")\n`)
  process.exit(2)
}
run().then(
  () => {
    if (mode === 'raw') process.exit(0)
  },
  (err: unknown) => {
    process.stderr.write(`bench target ${mode} failed: ${err instanceof Error ? err.stack : err}\n`)
    process.exit(1)
  },
)
