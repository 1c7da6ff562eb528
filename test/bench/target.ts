/**
 * What the bench measures, each run in a child process of its own (`node --import tsx target.ts
 * MODE`) so that the load generator never shares its event loop or its CPU time with it:
 *
 * - `full`: the local server exactly as `npm start` builds it (createLocalApp + listen);
 * - `bare`: a bare Hono app on @hono/node-server whose /api/health does the same single GetItem;
 * - `raw`: no HTTP at all, BENCH_CONNECTIONS workers doing GET /api/me's DynamoDB reads in a loop;
 * - `submit`: no HTTP either, BENCH_CONNECTIONS workers sending the TransactWriteItems that accepts
 *   a response (responses.acceptanceItems: idempotency record, response, counters) in a loop.
 *
 * Each prints `{"event":"ready",…}` when it can be measured. Settings come in BENCH_* variables.
 */
import { existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { serve } from '@hono/node-server'
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { Hono } from 'hono'
import { ulid } from 'ulid'
import { readConfig } from '../../functions/src/config'
import { hashToken } from '../../functions/src/domain/tokens'
import { createLocalApp, listen, webBuildDir } from '../../functions/src/local/server'
import { outboxMessenger } from '../../functions/src/messaging/outbox'
import { createDb } from '../../functions/src/store/db'
import * as health from '../../functions/src/store/health'
import * as keys from '../../functions/src/store/keys'
import * as practices from '../../functions/src/store/practices'
import { acceptanceItems } from '../../functions/src/store/responses'
import * as surveys from '../../functions/src/store/surveys'
import { benchKey, pulseAnswersFor, runId } from './submission-data'

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
  // BENCH_WEB_BUILD: a web build elsewhere (the bench's mirror), for the patient-page figures.
  const buildDir = process.env.BENCH_WEB_BUILD || webBuildDir
  const app = createLocalApp({ config, db, mailer: outboxMessenger(db) }, { webBuildDir: buildDir })
  await listen(app, config.PORT, config.HOST)
  say({
    event: 'ready',
    url: `http://127.0.0.1:${config.PORT}`,
    webBuild: existsSync(`${buildDir}/index.html`),
  })
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
 * GET /api/me's reads: the session by token hash, then its practice and user in parallel.
 */
async function raw() {
  const db = createDb({ table, region, endpoint })
  const sessionKey = keys.session(hashToken(setting('BENCH_TOKEN')))

  await driven(async () => {
    const { Item } = await db.client.send(new GetCommand({ TableName: table, Key: sessionKey }))
    if (!Item) throw new Error('session item missing')
    const practiceId = String(Item.practiceId)
    const userId = String(Item.userId)
    const [practice, user] = await Promise.all([
      db.client.send(new GetCommand({ TableName: table, Key: keys.practice(practiceId) })),
      db.client.send(new GetCommand({ TableName: table, Key: keys.user(practiceId, userId) })),
    ])
    if (!practice.Item || !user.Item) throw new Error('practice or user item missing')
    return 0
  })
}

/**
 * What POST /api/public/surveys/BENCH_SURVEY/responses stores, without the API: each iteration
 * builds a fresh response (new id, new idempotency key, varying answers) and sends the items
 * responses.accept() would send, retrying transaction conflicts as accept() does (every response
 * moves the same counter items, so concurrent transactions cancel each other).
 */
async function submit() {
  const db = createDb({ table, region, endpoint })
  const surveyId = setting('BENCH_SURVEY')
  const live = await surveys.findPublic(db, surveyId)
  if (!live) throw new Error(`survey ${surveyId} is not published`)
  const practice = await practices.get(db, live.practiceId)
  if (!practice) throw new Error(`practice ${live.practiceId} missing`)
  const run = runId()
  let n = 0

  await driven(async () => {
    const i = n++
    const items = acceptanceItems(db, {
      practiceId: practice.id,
      timeZone: practice.timeZone,
      version: live.version,
      idempotencyKey: benchKey(run, 'raw', i),
      requestHash: benchKey(run, 'raw', i),
      response: {
        id: ulid(),
        surveyId,
        version: live.version.version,
        language: 'en',
        answers: pulseAnswersFor(i),
        submittedAt: new Date().toISOString(),
      },
    })
    // The same retry policy as responses.accept(): up to 12 retries, jittered exponential backoff.
    for (let attempt = 0; ; attempt++) {
      try {
        await db.client.send(new TransactWriteCommand({ TransactItems: items }))
        return attempt
      } catch (err) {
        if (isConflict(err) && attempt < 12) {
          await sleep(Math.random() * Math.min(1000, 15 * 2 ** attempt))
          continue
        }
        throw err
      }
    }
  })
}

/** As in responses.ts: DynamoDB cancelled this transaction for another touching the same item. */
function isConflict(err: unknown): boolean {
  if (!(err instanceof Error)) return false
  if (err.name === 'TransactionConflictException') return true
  const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons
  return (
    err.name === 'TransactionCanceledException' &&
    (reasons ?? []).some((r) => r.Code === 'TransactionConflict')
  )
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

/**
 * Run `once` in BENCH_CONNECTIONS async workers, driven by stdin lines so the bench can interleave
 * it with the API runs: `warmup MS` runs the workers for MS and prints `{"event":"warmed"}`;
 * `measure MS` does the same and prints a `window` event with the count, the retries `once`
 * reported, the CPU this process used and every latency.
 */
async function driven(once: () => Promise<number>) {
  const workers = Number(setting('BENCH_CONNECTIONS'))

  /** Run the workers until `ms` have passed. */
  async function loop(ms: number) {
    const latencies: number[] = []
    let errors = 0
    let retries = 0
    let firstError: string | undefined
    const end = performance.now() + ms
    const worker = async () => {
      while (performance.now() < end) {
        const started = performance.now()
        try {
          retries += await once()
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
      retries,
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

const modes: Record<string, () => Promise<void>> = { full, bare, raw, submit }
const mode = process.argv[2] ?? ''
const run = modes[mode]
if (!run) {
  process.stderr.write(`usage: target.ts full|bare|raw|submit (got "${mode}")\n`)
  process.exit(2)
}
run().then(
  () => {
    if (mode === 'raw' || mode === 'submit') process.exit(0)
  },
  (err: unknown) => {
    process.stderr.write(`bench target ${mode} failed: ${err instanceof Error ? err.stack : err}\n`)
    process.exit(1)
  },
)
