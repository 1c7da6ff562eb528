/** Turns one run's figures into test/bench/REPORT.md. */
import type { LoadSettings, Throughput } from './load'
import type { Machine } from './machine'
import type { PatientPageFigures } from './patient-page'
import type { StartRun } from './startup'
import type { ExactlyOnce } from './submissions'

export interface Figures {
  date: string
  command: string
  machine: Machine
  settings: LoadSettings
  submitSettings: LoadSettings
  onceSettings: { sent: number; duplicateShare: number; inFlight: number }
  jvmWarmupSeconds: number
  /** 1-minute load average when the bench started: other work on the machine skews everything. */
  loadAverage: number
  processes: { started: number; verifiedGone: number }
  me: { api: Throughput; raw: Throughput }
  health: { api: Throughput; bare: Throughput }
  submit: { api: Throughput; raw: Throughput }
  once: ExactlyOnce
  start: { cold: StartRun; warm: StartRun[] }
  patientPage: (PatientPageFigures & { runs: number; chromium: string }) | { skipped: string }
  /** Whether the full server found web/build and so also served the web app, as `npm start` does. */
  webBuildServed: boolean
  totalSeconds: number
}

const whole = (n: number) => Math.round(n).toLocaleString('en-US')
const ms = (n: number) => (Number.isInteger(n) ? `${n}` : n.toFixed(1))
const secs = (n: number) => `${n.toFixed(2)} s`
const ratio = (a: number, b: number) => (a / b).toFixed(2)

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function cpuRows(label: string, run: Throughput): string[] {
  const ours = run.cpu.reduce((sum, proc) => sum + proc.seconds, 0)
  const row = (name: string, seconds: number) =>
    `| ${label} | ${name} | ${Number.isNaN(seconds) ? 'n/a' : seconds.toFixed(2)} | ` +
    `${((seconds * 1000) / run.completed).toFixed(3)} | ${(seconds / run.seconds).toFixed(2)} |`
  return [
    ...run.cpu.map((proc) => row(proc.name, proc.seconds)),
    row('everything else on the machine (other sessions, OS)', run.machineBusy - ours),
    row('**whole machine**', run.machineBusy),
  ]
}

/** "0.61 (0.58, 0.64)": the ratio of the totals, then of each pair of windows. */
function ratios(a: Throughput, b: Throughput): string {
  const each = a.windows.map((rate, i) => ratio(rate, b.windows[i] ?? Number.NaN))
  return `**${ratio(a.perSecond, b.perSecond)}** (per window: ${each.join(', ')})`
}

/** CPU seconds per completed request of the first process listed (the one doing the work). */
const cpuPerRequest = (run: Throughput) => (run.cpu[0]?.seconds ?? Number.NaN) / run.completed

/** "0.52 (1.39 ÷ 2.69 ms)": b's CPU per request over a's, with both in milliseconds. */
function cpuRatio(a: Throughput, b: Throughput): string {
  const [x, y] = [cpuPerRequest(a) * 1000, cpuPerRequest(b) * 1000]
  return `**${(y / x).toFixed(2)}** (${y.toFixed(2)} ÷ ${x.toFixed(2)} ms)`
}

const windows = (run: Throughput) => run.windows.map(whole).join(', ')

/** Cores other work kept busy, on average over every measured window. */
function otherCores(f: Figures): number {
  const runs = [f.me.api, f.me.raw, f.health.api, f.health.bare, f.submit.api, f.submit.raw]
  const other = runs.reduce(
    (sum, run) => sum + run.machineBusy - run.cpu.reduce((ours, proc) => ours + proc.seconds, 0),
    0,
  )
  return other / runs.reduce((sum, run) => sum + run.seconds, 0)
}

/** "0.42 retries per accepted": conflict retries the raw loop made over its measured windows. */
function retriesPer(run: Throughput): string {
  return run.retries === undefined
    ? 'retries not reported'
    : `${(run.retries / run.completed).toFixed(2)} conflict retries per accepted`
}

/** What the raw loop's retry count says about conflicts in this run. */
function conflictNote(run: Throughput): string {
  if (run.retries === undefined) return ''
  return run.retries === 0
    ? 'In this run DynamoDB Local cancelled none of the raw loop’s transactions (it appears to apply them one at a time), so neither side paid for retries here; DynamoDB in AWS does cancel conflicting transactions.'
    : `In this run the raw loop retried ${whole(run.retries)} times (${(run.retries / run.completed).toFixed(2)} per accepted transaction); the API side retries as often, unseen.`
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

function pageRows(f: Figures): string[] {
  const p = f.patientPage
  if ('skipped' in p) {
    return [`| 6 | Patient page weight and Lighthouse | not measured | ${p.skipped}. |`]
  }
  const g = p.gzipBytes
  return [
    `| 6a | Patient page \`/s/<id>\`, gzipped | **${kb(g.total)}** (document ${kb(g.document)}, scripts ${kb(g.scripts)}, styles ${kb(g.styles)}) | Chromium (Playwright, phone viewport) opens a published visit-pulse survey's page from the full server and waits for the first question; every document, script and style it fetched is gzipped here with zlib from its decoded body (whatever the local server sends; CloudFront compresses in production), so this is what a phone downloads before the first question. API JSON is not counted. |`,
    `| 6b | Lighthouse mobile: performance / accessibility | **${p.lighthouse.performance} / ${p.lighthouse.accessibility}** (0-100, median of ${p.runs}) | Lighthouse 12 on the same page, default mobile settings (Moto G Power emulation, simulated slow 4G, 4× CPU slowdown), through a small gzip proxy as CloudFront serves the page; the median of ${p.runs} runs of each score. |`,
  ]
}

function pageNotes(f: Figures): string[] {
  if ('skipped' in f.patientPage) return []
  return [
    '- Figure 6 runs last, on a DynamoDB Local of its own, so that Lighthouse has the cores to itself: the',
    '  full server serves the web build the cold start (3a) made in the mirror from this tree’s sources',
    `  (\`BENCH_WEB_BUILD\`), and Chromium is ${f.patientPage.chromium}. Lighthouse scores depend on the CPU`,
    '  (its slowdown multiplies this machine’s speed), so compare them between runs on the same machine.',
  ]
}

export function render(f: Figures): string {
  const { connections, warmupSeconds, durationSeconds, rounds } = f.settings
  const windowSeconds = durationSeconds / rounds
  const measured = `${durationSeconds} s measured in ${rounds} windows of ${windowSeconds} s after a ${warmupSeconds} s warm-up`
  const load = `autocannon, ${connections} connections, ${measured}`
  const sc = f.submitSettings.connections
  const submitMeasured = `${f.submitSettings.durationSeconds} s measured in ${f.submitSettings.rounds} windows of ${f.submitSettings.durationSeconds / f.submitSettings.rounds} s after a ${f.submitSettings.warmupSeconds} s warm-up`
  const submitLoad = `autocannon, ${sc} connections, ${submitMeasured}`
  const o = f.once
  const errorNote = o.errorSamples.length
    ? `; first errors: ${o.errorSamples.map((e) => `"${e.replace(/[|\n]/g, ' ')}"`).join(', ')}`
    : ''
  const warm = f.start.warm.map((run) => run.seconds)
  const warmMedian = median(warm)
  const m = f.machine

  const lines = [
    '# Touchpoint bench',
    '',
    `- Date: ${f.date}`,
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memory} RAM; Node ${m.node}; ${m.os}; Java: ${m.java}`,
    `- Load average (1 min) when the bench started: ${f.loadAverage.toFixed(2)} on ${m.cores} cores`,
    `- Command: \`${f.command}\` (from the repository root; took ${f.totalSeconds.toFixed(0)} s)`,
    '',
    'Machines are noisy: compare the **ratios**, each taken from two measurements in this same run,',
    'whose windows alternate (A B, then B A) so that drift falls on both sides alike. The absolute',
    'numbers are for orientation on this machine only. Latencies are percentiles over every request.',
    '',
    ...(otherCores(f) > 0.25
      ? [
          `**Warning: other work kept ${otherCores(f).toFixed(2)} of the ${m.cores} cores busy on average during the`,
          'measured windows** (see "everything else" below). Throughput figures and their ratios are',
          'disturbed; the CPU ratios 1e, 2d and 4e hold up better. Re-run on a quiet machine to compare.',
          '',
        ]
      : []),
    '| # | Figure | Value | What it measures, and how |',
    '|---|---|---|---|',
    `| 1a | \`GET /api/me\`, full local server | **${whole(f.me.api.perSecond)} req/s** (windows: ${windows(f.me.api)}) | A signed-in request end to end (session, then practice ∥ user): ${load}, with the session cookie of the practice created in setup, against createLocalApp + listen in its own child process. |`,
    `| 1b | \`GET /api/me\` latency p50 / p99 | ${ms(f.me.api.p50)} / ${ms(f.me.api.p99)} ms | Response times autocannon reported for every request of 1a. |`,
    `| 1c | Raw SDK, the same reads | **${whole(f.me.raw.perSecond)} /s** (windows: ${windows(f.me.raw)}; p50 ${ms(f.me.raw.p50)}, p99 ${ms(f.me.raw.p99)} ms) | The DynamoDB floor: ${connections} async workers in one child process loop GetItem session → GetItem practice ∥ GetItem user with the app's document client (createDb), same DynamoDB Local, no HTTP; ${measured}, alternating with 1a. |`,
    `| 1d | **Ratio API / raw** | ${ratios(f.me.api, f.me.raw)} | 1a ÷ 1c: the share of the bare read rate the whole HTTP API keeps (1.00 = the API costs nothing on top of DynamoDB). |`,
    `| 1e | CPU ratio raw / API | ${cpuRatio(f.me.api, f.me.raw)} | CPU the raw loop's process spends per read chain ÷ CPU the API server's process spends per \`/api/me\` (from /proc, see below): the same comparison, far less sensitive to other load on the machine. |`,
    `| 2a | \`GET /api/health\`, full local server | **${whole(f.health.api.perSecond)} req/s** (p50 ${ms(f.health.api.p50)}, p99 ${ms(f.health.api.p99)} ms) | One GetItem per request through every layer of the app: ${load}, same server process as 1a. |`,
    `| 2b | Bare Hono + @hono/node-server, same GetItem | **${whole(f.health.bare.perSecond)} req/s** (p50 ${ms(f.health.bare.p50)}, p99 ${ms(f.health.bare.p99)} ms) | \`new Hono()\` with one route calling the store's health ping (the same single GetItem), served by @hono/node-server in its own child process; same autocannon settings, alternating with 2a. |`,
    `| 2c | **Ratio full / bare** | ${ratios(f.health.api, f.health.bare)} | 2a ÷ 2b: what the app's middleware (request id, logger child, secure headers, body limit), OpenAPI routing and the local server's extra routes cost. |`,
    `| 2d | CPU ratio bare / full | ${cpuRatio(f.health.api, f.health.bare)} | CPU the bare server's process spends per request ÷ the full server's, from /proc: 2c, far less sensitive to other load. |`,
    `| 3a | \`npm start\`, cold (no web/build) | **${secs(f.start.cold.seconds)}** | Spawn \`node scripts/start.mjs\` (fresh DATA_DIR, free PORT, own process group) with no web/build or web/.svelte-kit, so it builds the web app first; poll \`/api/health\` every 25 ms until the first 200. |`,
    `| 3b | \`npm start\`, built tree, median of ${warm.length} | **${secs(warmMedian)}** (runs: ${warm.map((s) => s.toFixed(2)).join(', ')}) | The same with the build from 3a in place: tsx start-up, DynamoDB Local (JVM) start, table creation, listen. |`,
    `| 3c | **Ratio cold / built** | **${ratio(f.start.cold.seconds, warmMedian)}** | 3a ÷ 3b: what a first run (web build) adds. |`,
    `| 4a | \`POST /api/public/surveys/:id/responses\`, full local server | **${whole(f.submit.api.perSecond)} accepted/s** (windows: ${windows(f.submit.api)}) | Patients submitting a published visit-pulse survey end to end (survey and practice reads, answer checks, the accepting transaction): ${submitLoad}; every request a new body (new idempotency key, answers varying), so each is a 201 that stores a response. Same server process as 1a, started with \`PUBLIC_SUBMIT_RATE_LIMIT=0\` (all requests come from one address). |`,
    `| 4b | Submission latency p50 / p99 | ${ms(f.submit.api.p50)} / ${ms(f.submit.api.p99)} ms | Response times autocannon reported for every request of 4a, conflict retries included. |`,
    `| 4c | Raw \`TransactWriteItems\`, the same items | **${whole(f.submit.raw.perSecond)} /s** (windows: ${windows(f.submit.raw)}; p50 ${ms(f.submit.raw.p50)}, p99 ${ms(f.submit.raw.p99)} ms; ${retriesPer(f.submit.raw)}) | The DynamoDB floor: ${sc} async workers in one child process each build a fresh response and send the one transaction \`accept()\` sends, its items made by the store's own \`acceptanceItems()\` (idempotency record, response, the survey's and all surveys' week and month counters), retrying conflicts with \`accept()\`'s backoff; same DynamoDB Local, no HTTP; ${submitMeasured}, alternating with 4a, after a ${f.jvmWarmupSeconds / 2} s warm-up of the transaction paths. |`,
    `| 4d | **Ratio API / raw** | ${ratios(f.submit.api, f.submit.raw)} | 4a ÷ 4c: the share of the bare transaction rate the whole HTTP API keeps when accepting responses. |`,
    `| 4e | CPU ratio raw / API | ${cpuRatio(f.submit.api, f.submit.raw)} | CPU the raw loop's process spends per accepted transaction ÷ CPU the API server's process spends per accepted submission, from /proc: 4d, far less sensitive to other load. |`,
    `| 5 | **Exactly once under concurrent resends** | **${o.pass ? 'PASS' : 'FAIL'}**: sent ${whole(o.sent)}, unique ${whole(o.unique)}, stored ${whole(o.stored)}, counter ${whole(o.counter)}; ${whole(o.created)}× 201, ${whole(o.replayed)}× 200 (replays), ${whole(o.errors)} errors${o.sameIdPerKey ? '; every key answered with one response id' : '; **some key was answered with two response ids**'} (${o.seconds.toFixed(1)} s)${errorNote} | ${whole(o.sent)} submissions to a new survey of a practice of its own: ${whole(o.unique)} distinct idempotency keys plus ${whole(o.duplicates)} resends of ${whole(o.duplicates)} of them (the same body again, as a phone retrying after a lost answer), shuffled, sent with fetch ${o.inFlight} in flight at a time (a resend may race its original). Then stored = \`total\` of \`GET /api/responses?surveyId=…\`, counter = the survey's month counter item's \`responses\` (read from the table). PASS when stored = counter = unique = number of 201s, 200s = resends, no errors, one id per key. |`,
    ...pageRows(f),
    '',
    '## Where the CPU goes (measured windows only)',
    '',
    `CPU seconds (user + system, from /proc) each process used during the measured ${durationSeconds} s, per`,
    `request, and in cores busy (CPU seconds ÷ wall seconds; this machine has ${m.cores}). A whole-machine`,
    `figure near ${m.cores} means the run was CPU-bound and the processes were sharing the cores; a large`,
    '"everything else" means other work on the machine disturbed the run.',
    '',
    '| Run | Process | CPU s | CPU ms per request | Cores busy |',
    '|---|---|---|---|---|',
    ...cpuRows('1a `GET /api/me` API', f.me.api),
    ...cpuRows('1c raw SDK', f.me.raw),
    ...cpuRows('2a `/api/health` full', f.health.api),
    ...cpuRows('2b `/api/health` bare', f.health.bare),
    ...cpuRows('4a submissions API', f.submit.api),
    ...cpuRows('4c raw transactions', f.submit.raw),
    '',
    '## How it runs',
    '',
    '- One in-memory DynamoDB Local (`startDynamoDbLocal()`) serves figures 1, 2, 4 and 5; one practice and its',
    '  owner are created through `POST /api/practices`, whose session cookie every `/api/me` request sends.',
    `- Figure 4 uses ${sc} concurrent submissions, not ${connections}: patients of one practice submit a few a`,
    '  minute, a full waiting room a handful at once, so 10 in flight on one survey is already well past a',
    '  real peak. Every submission moves the same counter items (week and month, this survey and all',
    '  surveys); DynamoDB may cancel transactions that touch one item at once (TransactionConflict), and',
    '  `accept()` and the raw loop then back off and retry alike. More connections would mostly measure',
    `  those retries (figure 5 pushes ${o.inFlight} at once, for correctness). ${conflictNote(f.submit.raw)}`,
    `- Before anything is measured the raw loop runs for ${f.jvmWarmupSeconds} s: a fresh JVM spends its first`,
    '  seconds under load compiling, and whichever side ran first would otherwise pay for it.',
    '- Every server under test, and each raw-SDK loop, runs in a child process of its own (`node --import tsx',
    '  test/bench/target.ts full|bare|raw|submit`), so autocannon (in the bench process) never shares an event loop',
    '  with it. They still share the machine’s cores with autocannon and the JVM: see the CPU table.',
    `- The full server is exactly what \`npm start\` serves (LOG_LEVEL=silent${f.webBuildServed ? ', web/build present so the web app routes were mounted too' : ', web/build absent so only /api and /ws were mounted'}).`,
    '- Every throughput run must finish with no errors, timeouts or non-2xx answers, or the bench fails',
    '  (figure 5 instead counts and reports its errors).',
    '- Figure 3 runs in a mirror of the repository in a temp directory (copies of scripts/, functions/, web/',
    '  and workshops/ sources; symlinks to the installed node_modules), so the working tree is never touched. After',
    '  each start the whole process group (node, the JVM) is killed and the port is checked to be free.',
    `- ${f.processes.started} process groups were started (servers, raw loops, \`npm start\` runs); ${f.processes.verifiedGone} were`,
    '  stopped and seen gone with every descendant (JVMs included), their ports free again; the bench’s own',
    '  DynamoDB Local JVMs (one for figures 1-5, one for figure 6) were also seen gone.',
    ...pageNotes(f),
    `- \`npm start\` printed "Touchpoint is running" after ${secs(f.start.cold.announcedSeconds ?? Number.NaN)} (cold) and ${f.start.warm.map((run) => secs(run.announcedSeconds ?? Number.NaN)).join(', ')} (built).`,
    '',
  ]
  return lines.join('\n')
}
