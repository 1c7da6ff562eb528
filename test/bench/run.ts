/**
 * `npm run bench`: throughput of the API against the raw SDK and a bare Hono app, accepted
 * submissions against raw TransactWriteItems, exactly-once under concurrent resends, the time
 * `npm start` takes to answer, cold and built, the patient page's weight and Lighthouse scores, the
 * analytics summary's latency at 10,000 and 1,000,000 responses beside a scan of the raw responses
 * (`BENCH_ANALYTICS_SIZES` changes the sizes), the comment reader's sentiment accuracy, and the
 * board simulator: convergence, propagation latency and operations per second of a busy board, and
 * the HTTP Lambda bundle: its size, its import time and the lazy English model's, before and after.
 * Writes test/bench/REPORT.md and prints it. See report.ts for what each figure is; every server,
 * JVM and browser it starts is stopped before it ends.
 *
 * `BENCH_ONLY=board-sim npm run bench` measures figure 9 alone (about a minute), and
 * `BENCH_ONLY=bundle npm run bench` figure 10 (under a minute), `BENCH_ONLY=export npm run bench`
 * figure 11 (the response export's memory at 10,000 and 100,000 responses), `BENCH_ONLY=reviews-sync npm run bench`
 * figure 12 (a sync of 10,000 reviews from the fake Google against raw BatchWrite),
 * `BENCH_ONLY=reviews-dashboard npm run bench` figure 13 (the review figures' latency at 1,000 and
 * 100,000 reviews), `BENCH_ONLY=moments-candidates npm run bench` figure 14 (a week's
 * customer-experience candidates from 2,000 comments, and the name matcher's precision and
 * recall), each putting its section into the REPORT.md already there.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startDynamoDbLocal } from '../../functions/src/local/dynamodb-local'
import { createDb } from '../../functions/src/store/db'
import { ensureTable } from '../../functions/src/store/ensure-table'
import { analyticsSettings, measureAnalytics, type AnalyticsFigures } from './analytics'
import {
  boardSimRuns,
  boardSimTimeoutMs,
  measureBoardSim,
  type BoardSimFigures,
  type BoardSimRun,
} from './board-sim'
import { autocannonSide, compare, rawSide, type LoadSettings, type Watched } from './load'
import { describeMachine } from './machine'
import { measurePatientPage } from './patient-page'
import { accounting, childrenNamed, stopAllGroups, waitGone, withTimeout } from './proc'
import { measureBundle } from './bundle'
import { exportSection, measureExport } from './export'
import { boardSimSection, bundleSection, render, spliceSection, type Figures } from './report'
import { measureReviewsDashboard } from './reviews-dashboard'
import { reviewsDashboardSection } from './reviews-dashboard-report'
import { measureReviewsSync, reviewsSyncSection } from './reviews-sync'
import { measureMomentsCandidates, momentsCandidatesSection } from './moments-candidates'
import { measureSentiment } from './sentiment'
import { makeMirror, timeStart, type Mirror, type StartRun } from './startup'
import { submitConcurrency } from './submission-data'
import { exactlyOnce, publishPulse, submitSide } from './submissions'
import { signUp, startRaw, startServer, type TargetSettings } from './targets'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

const repo = fileURLToPath(new URL('../..', import.meta.url))
const reportPath = fileURLToPath(new URL('./REPORT.md', import.meta.url))
const settings: LoadSettings = { connections: 20, warmupSeconds: 2, durationSeconds: 10, rounds: 4 }
/** Submissions: fewer connections than the reads, see report.ts (figure 4) for why. */
const submitSettings: LoadSettings = { ...settings, connections: submitConcurrency }
/** Figure 5: 1,000 submissions, 10% of them resends of an earlier one's key, 50 in flight. */
const onceSettings = { sent: 1000, duplicateShare: 0.1, inFlight: 50 }
const lighthouseRuns = 3
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium'
const jvmWarmupSeconds = 8
const warmStarts = 3
/** Figure 7: one practice per size (BENCH_ANALYTICS_SIZES, default 10,000 and 1,000,000). */
const analytics = analyticsSettings()
/**
 * Figure 7 mostly writes responses: allow 1.2 ms each (DynamoDB Local took 0.4-1 ms here on two
 * busy cores), plus 4 minutes for the server, the summary requests and the scans.
 */
const analyticsTimeoutMs = 4 * 60_000 + 1.2 * analytics.sizes.reduce((a, b) => a + b, 0)
/** Figure 9: each run waits at most boardSimTimeoutMs for answers; a minute for the rest. */
const boardSimPhaseMs = boardSimRuns.length * (boardSimTimeoutMs + 30_000) + 60_000
/** Figure 13: about 3 minutes of seeding and 3 of requests here; twice that on a busy machine. */
const dashboardPhaseMs = 12 * 60_000
/** Without figures 7, 9 and 13 the bench takes about 5 minutes; past this something hangs. */
const benchTimeoutMs = 9 * 60_000 + analyticsTimeoutMs + boardSimPhaseMs + dashboardPhaseMs
/** Figures that can be measured alone (BENCH_ONLY), updating their section of REPORT.md. */
const only = process.env.BENCH_ONLY?.trim() || undefined
const alone = [
  'board-sim',
  'bundle',
  'export',
  'reviews-sync',
  'reviews-dashboard',
  'moments-candidates',
]
if (only !== undefined && !alone.includes(only)) {
  process.stderr.write(
    `BENCH_ONLY=${only}: only ${alone.map((name) => `"${name}"`).join(', ')} can be measured alone\n`,
  )
  process.exit(2)
}

/** Undo steps, run last-in first-out whatever happens (error, Ctrl-C, timeout). */
const cleanups: (() => Promise<void> | void)[] = []
let cleaning: Promise<void> | undefined
function cleanUp(): Promise<void> {
  return (cleaning ??= (async () => {
    // Processes first: removing the temp mirror under a running web build would race it.
    await stopAllGroups()
    for (let step = cleanups.pop(); step; step = cleanups.pop()) {
      try {
        await step()
      } catch (err) {
        process.stderr.write(`bench clean-up: ${err instanceof Error ? err.message : err}\n`)
      }
    }
  })())
}

let failed = false
function fail(message: string, code = 1) {
  // After Ctrl-C the phase in progress fails too, as its processes are stopped: say it once.
  if (failed) return
  failed = true
  process.stderr.write(`${message}\n`)
  void cleanUp().finally(() => process.exit(code))
}
process.on('SIGINT', () => fail('bench interrupted', 130))
process.on('SIGTERM', () => fail('bench terminated', 143))
setTimeout(
  () => fail(`bench: gave up after ${Math.round(benchTimeoutMs / 60_000)} min`),
  benchTimeoutMs,
).unref()

const step = (text: string) => process.stderr.write(`[bench] ${text}\n`)

async function throughput() {
  step('starting DynamoDB Local')
  const dynamo = await withTimeout('starting DynamoDB Local', 60_000, startDynamoDbLocal())
  cleanups.push(() => dynamo.stop())
  const jvm: Watched[] = childrenNamed('java').map((pid) => ({ name: 'DynamoDB Local (JVM)', pid }))
  if (jvm.length !== 1) step(`expected one JVM child, found ${jvm.length}: its CPU is not reported`)

  const target = { endpoint: dynamo.endpoint, table: 'bench' }
  const db = createDb({ table: target.table, region: 'us-east-1', endpoint: target.endpoint })
  await ensureTable(db)

  step('starting the full local server and the raw SDK loop')
  // The submission limit per address is off, as for load tests: every request comes from 127.0.0.1.
  const full = await startServer('full', target, { PUBLIC_SUBMIT_RATE_LIMIT: '0' })
  cleanups.push(() => full.stop())
  const { cookie, token } = await signUp(full.url)
  const raw = await startRaw(target, { mode: 'raw', token }, settings.connections)
  cleanups.push(() => raw.stop())
  const { connections } = settings
  const api = (path: string, headers: Record<string, string>) =>
    autocannonSide(`GET ${path} (full)`, `${full.url}${path}`, headers, connections, [
      { name: 'API server (child process)', pid: full.pid },
      ...jvm,
    ])
  const comparison = (settings.warmupSeconds * 2 + settings.durationSeconds * 2) * 1000 + 60_000

  // A fresh JVM compiles DynamoDB Local's hot paths for its first seconds under load: whichever
  // side ran first would pay for it.
  step(`warming DynamoDB Local up for ${jvmWarmupSeconds} s`)
  const rawMe = rawSide(raw, jvm)
  await rawMe.warm(jvmWarmupSeconds)

  step('GET /api/me through the full server vs. the same reads with the raw SDK')
  const me = await withTimeout(
    'GET /api/me vs raw SDK',
    comparison,
    compare(api('/api/me', { cookie }), rawMe, settings),
  )
  await raw.stop()

  step('GET /api/health through the full server vs. a bare Hono app')
  const bare = await startServer('bare', target)
  cleanups.push(() => bare.stop())
  const bareHealth = autocannonSide(
    'GET /api/health (bare)',
    `${bare.url}/api/health`,
    {},
    connections,
    [{ name: 'bare Hono server (child process)', pid: bare.pid }, ...jvm],
  )
  const health = await withTimeout(
    'GET /api/health full vs bare',
    comparison,
    compare(api('/api/health', {}), bareHealth, settings),
  )
  await bare.stop()

  step(`POST submissions through the full server vs. the same transactions with the raw SDK`)
  const pulse = await publishPulse(full.url, cookie)
  const rawSubmit = await startRaw(
    target,
    { mode: 'submit', survey: pulse.surveyId },
    submitSettings.connections,
  )
  cleanups.push(() => rawSubmit.stop())
  const rawSubmitSide = rawSide(rawSubmit, jvm)
  // DynamoDB Local has not run transactions yet: let it compile those paths before measuring.
  await rawSubmitSide.warm(jvmWarmupSeconds / 2)
  const submit = await withTimeout(
    'POST submissions vs raw TransactWriteItems',
    comparison,
    compare(
      submitSide(full.url, pulse.surveyId, submitSettings.connections, [
        { name: 'API server (child process)', pid: full.pid },
        ...jvm,
      ]),
      rawSubmitSide,
      submitSettings,
    ),
  )
  await rawSubmit.stop()

  step(
    `exactly once: ${onceSettings.sent} submissions, ${onceSettings.duplicateShare * 100}% resends, ` +
      `${onceSettings.inFlight} in flight`,
  )
  // A practice of its own, so that nothing else it stores can be counted.
  const second = await signUp(full.url, 'Bench Exactly Once')
  const once = await withTimeout(
    'exactly-once submissions',
    120_000,
    exactlyOnce(
      full.url,
      second.cookie,
      db,
      await publishPulse(full.url, second.cookie),
      onceSettings,
    ),
  )
  await full.stop()
  // Free the cores and memory before the start-up runs, which bring their own JVMs.
  await dynamo.stop()
  for (const { pid } of jvm) {
    if (!(await waitGone(pid, 5_000))) throw new Error(`DynamoDB Local (pid ${pid}) did not stop`)
  }

  return {
    me: { api: me.a, raw: me.b },
    health: { api: health.a, bare: health.b },
    submit: { api: submit.a, raw: submit.b },
    once,
    webBuildServed: full.webBuild,
  }
}

/**
 * Figure 7 on a DynamoDB Local of its own (in memory) and a full server of its own: one practice per
 * size, its responses and counters written straight into the table, then the summary timed and the
 * raw responses scanned (analytics.ts). Everything is stopped before the start-up runs.
 */
async function analyticsFigures(): Promise<AnalyticsFigures> {
  step('analytics: starting DynamoDB Local and the full server')
  const dynamo = await withTimeout('starting DynamoDB Local', 60_000, startDynamoDbLocal())
  cleanups.push(() => dynamo.stop())
  const jvm = childrenNamed('java')
  if (jvm.length !== 1) step(`expected one JVM child, found ${jvm.length}: its CPU is not reported`)
  const target: TargetSettings = { endpoint: dynamo.endpoint, table: 'analytics' }
  const db = createDb({ table: target.table, region: 'us-east-1', endpoint: target.endpoint })
  await ensureTable(db)
  const full = await startServer('full', target)
  cleanups.push(() => full.stop())
  const figures = await withTimeout(
    'analytics (loading, summary latency, scans)',
    analyticsTimeoutMs,
    measureAnalytics(full.url, db, jvm.length === 1 ? jvm[0] : undefined, analytics, step),
  )
  await full.stop()
  await dynamo.stop()
  for (const pid of jvm) {
    if (!(await waitGone(pid, 5_000))) throw new Error(`DynamoDB Local (pid ${pid}) did not stop`)
  }
  return figures
}

/**
 * Figure 9 on a DynamoDB Local of its own (in memory) and a full server of its own: the board
 * simulator's guests on one board (board-sim.ts). Everything is stopped before the next figure.
 */
async function boardSimFigures(): Promise<BoardSimFigures> {
  const date = new Date().toISOString()
  const loadAverage = os.loadavg()[0] ?? Number.NaN
  step('board sim: starting DynamoDB Local and the full server')
  const dynamo = await withTimeout('starting DynamoDB Local', 60_000, startDynamoDbLocal())
  cleanups.push(() => dynamo.stop())
  const jvm = childrenNamed('java')
  if (jvm.length !== 1) step(`expected one JVM child, found ${jvm.length}: its CPU is not reported`)
  const target: TargetSettings = { endpoint: dynamo.endpoint, table: 'boards' }
  await ensureTable(
    createDb({ table: target.table, region: 'us-east-1', endpoint: target.endpoint }),
  )
  const full = await startServer('full', target)
  cleanups.push(() => full.stop())
  const watched = [
    { name: 'API server (child process)', pid: full.pid },
    ...jvm.map((pid) => ({ name: 'DynamoDB Local (JVM)', pid })),
    { name: 'simulator (bench process)', pid: process.pid },
  ]
  // A fresh JVM and server compile their hot paths first: a small run nobody reports.
  step('board sim: warming up (5 participants × 20 operations, not reported)')
  await withTimeout(
    'board sim (warm-up)',
    boardSimTimeoutMs + 60_000,
    measureBoardSim(
      full.url,
      [],
      { name: 'warm-up', settings: { clients: 5, ops: 20, dropRate: 0.05, thinkMs: 10 } },
      () => undefined,
    ),
  )
  const runs: BoardSimRun[] = []
  // Each run makes a practice and a board of its own on the same server.
  for (const run of boardSimRuns) {
    const { clients, ops, dropRate, thinkMs } = run.settings
    step(
      `board sim, ${run.name}: ${clients} participants × ${ops} operations, ` +
        `${thinkMs * 2} ms between them at most, ${dropRate * 100}% dropped sockets`,
    )
    runs.push(
      await withTimeout(
        `board sim (${run.name})`,
        boardSimTimeoutMs + 60_000,
        measureBoardSim(full.url, watched, run, (line) => step(`board sim: ${line}`)),
      ),
    )
  }
  await full.stop()
  await dynamo.stop()
  for (const pid of jvm) {
    if (!(await waitGone(pid, 5_000))) throw new Error(`DynamoDB Local (pid ${pid}) did not stop`)
  }
  return { runs, date, command: benchCommand(), loadAverage }
}

function benchCommand() {
  const prefix = only ? `BENCH_ONLY=${only} ` : ''
  return process.env.npm_lifecycle_event === 'bench'
    ? `${prefix}npm run bench`
    : `${prefix}npx tsx test/bench/run.ts`
}

/** BENCH_ONLY=board-sim: figure 9 alone, its section replacing the one in REPORT.md. */
async function boardSimOnly() {
  writeSection(boardSimSection(await boardSimFigures()))
}

/** BENCH_ONLY=export: figure 11 (the response export at 10,000 and 100,000), its own section. */
async function exportOnly() {
  const sizes = (process.env.BENCH_EXPORT_SIZES ?? '10000,100000').split(',').map(Number)
  writeSection(exportSection(await measureExport(sizes, step), benchCommand()))
}

/** BENCH_ONLY=reviews-sync: figure 12 (a sync of 10,000 reviews from the fake Google), its own section. */
async function reviewsSyncOnly() {
  writeSection(reviewsSyncSection(await reviewsSync()))
}

/** BENCH_ONLY=reviews-dashboard: figure 13 (review figures at 1,000 and 100,000), its own section. */
async function reviewsDashboardOnly() {
  writeSection(reviewsDashboardSection(await reviewsDashboard()))
}

function reviewsDashboard() {
  const sizes = (process.env.BENCH_DASHBOARD_SIZES ?? '1000,100000').split(',').map(Number)
  return measureReviewsDashboard(sizes, benchCommand(), step)
}

function reviewsSync() {
  return measureReviewsSync(Number(process.env.BENCH_REVIEWS ?? 10_000), benchCommand(), step)
}

/** BENCH_ONLY=moments-candidates: figure 13 (a week of 2,000 comments' candidates), its own section. */
async function momentsCandidatesOnly() {
  writeSection(momentsCandidatesSection(await momentsCandidates()))
}

function momentsCandidates() {
  const comments = Number(process.env.BENCH_MOMENTS_COMMENTS ?? 2000)
  const runs = Number(process.env.BENCH_MOMENTS_RUNS ?? 10)
  return measureMomentsCandidates(comments, runs, benchCommand(), step)
}

/** BENCH_ONLY=bundle: figure 10 alone, its section replacing the one in REPORT.md. */
async function bundleOnly() {
  step('bundle: building the HTTP Lambda before and after, importing each in fresh processes')
  writeSection(bundleSection(await measureBundle(repo, benchCommand())))
}

function writeSection(section: string[]) {
  const previous = existsSync(reportPath)
    ? readFileSync(reportPath, 'utf8')
    : '# Touchpoint bench\n'
  writeFileSync(reportPath, spliceSection(previous, section))
  process.stdout.write(`${section.join('\n')}\nWritten into ${reportPath}\n`)
}

/** `npm start` in the mirror: cold (it builds web/build there), then with that build in place. */
async function startTimes(mirror: Mirror): Promise<{ cold: StartRun; warm: StartRun[] }> {
  step(`npm start, cold (building the web app in ${mirror.root})`)
  const cold = await timeStart(mirror.root, true, 150_000)
  const warm: StartRun[] = []
  for (let i = 1; i <= warmStarts; i++) {
    step(`npm start, built tree, run ${i} of ${warmStarts}`)
    warm.push(await timeStart(mirror.root, false, 60_000))
  }
  return { cold, warm }
}

/**
 * The patient page of a published visit-pulse survey, served by the full server from `buildDir`
 * (the web build the cold start made in the mirror, from this tree's sources), on a DynamoDB Local
 * of its own started after every other figure so that Lighthouse has the cores to itself.
 */
async function patientPage(buildDir: string): Promise<Figures['patientPage']> {
  if (!existsSync(chromiumPath)) {
    step(`no Chromium at ${chromiumPath}: the patient page is not measured`)
    return { skipped: `no Chromium at ${chromiumPath} (set CHROMIUM_PATH)` }
  }
  step('patient page: starting DynamoDB Local and the full server with the web build')
  const dynamo = await withTimeout('starting DynamoDB Local', 60_000, startDynamoDbLocal())
  cleanups.push(() => dynamo.stop())
  const jvm = childrenNamed('java')
  const target: TargetSettings = { endpoint: dynamo.endpoint, table: 'page' }
  await ensureTable(
    createDb({ table: target.table, region: 'us-east-1', endpoint: target.endpoint }),
  )
  const full = await startServer('full', target, { BENCH_WEB_BUILD: buildDir })
  cleanups.push(() => full.stop())
  if (!full.webBuild) throw new Error(`the full server found no web build in ${buildDir}`)
  const { cookie } = await signUp(full.url)
  const { surveyId } = await publishPulse(full.url, cookie)
  const path = `/s/${surveyId}`
  step(`patient page: weighing ${path} and ${lighthouseRuns} Lighthouse runs`)
  const figures = await withTimeout(
    'patient page (weight and Lighthouse)',
    180_000,
    measurePatientPage(full.url, path, { runs: lighthouseRuns, chromiumPath }),
  )
  await full.stop()
  await dynamo.stop()
  for (const pid of jvm) {
    if (!(await waitGone(pid, 5_000))) throw new Error(`DynamoDB Local (pid ${pid}) did not stop`)
  }
  return { ...figures, runs: lighthouseRuns, chromium: chromiumPath }
}

async function main() {
  const began = performance.now()
  const date = new Date().toISOString()
  const machine = describeMachine()
  const loadAverage = os.loadavg()[0] ?? Number.NaN
  const phases: Figures['phases'] = []
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const from = performance.now()
    const result = await work()
    phases.push({ name, seconds: (performance.now() - from) / 1000 })
    return result
  }
  const load = await timed('figures 1, 2, 4, 5 (throughput, exactly once)', throughput)
  const analyticsRun = await timed('figure 7 (analytics)', analyticsFigures)
  const boardSim = await timed('figure 9 (board sim)', boardSimFigures)
  const sentiment = await timed('figure 8 (sentiment)', async () => {
    step('sentiment: measureSentiment() over the labelled comments')
    return measureSentiment()
  })
  const bundle = await timed('figure 10 (bundle)', async () => {
    step('bundle: building the HTTP Lambda before and after, importing each in fresh processes')
    return measureBundle(repo, benchCommand())
  })
  const mirror = makeMirror(repo)
  cleanups.push(() => mirror.remove())
  const start = await timed('figure 3 (npm start)', () => startTimes(mirror))
  const page = await timed('figure 6 (patient page)', () =>
    patientPage(join(mirror.root, 'web', 'build')),
  )
  mirror.remove()
  const figures: Figures = {
    date,
    command: benchCommand(),
    machine,
    settings,
    submitSettings,
    onceSettings,
    jvmWarmupSeconds,
    loadAverage,
    ...load,
    start,
    patientPage: page,
    analytics: analyticsRun,
    boardSim,
    bundle,
    sentiment,
    phases,
    totalSeconds: (performance.now() - began) / 1000,
    processes: { ...accounting },
  }
  const reviews = await timed('figure 12 (reviews sync)', reviewsSync)
  const dashboard = await timed('figure 13 (reviews dashboard)', reviewsDashboard)
  const moments = await timed('figure 14 (moments candidates)', momentsCandidates)
  const report = spliceSection(
    spliceSection(
      spliceSection(render(figures), reviewsSyncSection(reviews)),
      reviewsDashboardSection(dashboard),
    ),
    momentsCandidatesSection(moments),
  )
  writeFileSync(reportPath, report)
  process.stdout.write(`${report}\nWritten to ${reportPath}\n`)
}

const work =
  only === 'board-sim'
    ? boardSimOnly
    : only === 'bundle'
      ? bundleOnly
      : only === 'export'
        ? exportOnly
        : only === 'reviews-sync'
          ? reviewsSyncOnly
          : only === 'reviews-dashboard'
            ? reviewsDashboardOnly
            : only === 'moments-candidates'
              ? momentsCandidatesOnly
              : main
work().then(
  () => cleanUp().then(() => process.exit(0)),
  (err: unknown) => fail(`bench failed: ${err instanceof Error ? err.message : err}`),
)
