/** Turns one run's figures into test/bench/REPORT.md. */
import type { LoadSettings, Throughput } from './load'
import type { Machine } from './machine'
import type { StartRun } from './startup'

export interface Figures {
  date: string
  command: string
  machine: Machine
  settings: LoadSettings
  jvmWarmupSeconds: number
  /** 1-minute load average when the bench started: other work on the machine skews everything. */
  loadAverage: number
  processes: { started: number; verifiedGone: number }
  me: { api: Throughput; raw: Throughput }
  health: { api: Throughput; bare: Throughput }
  start: { cold: StartRun; warm: StartRun[] }
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
  const runs = [f.me.api, f.me.raw, f.health.api, f.health.bare]
  const other = runs.reduce(
    (sum, run) => sum + run.machineBusy - run.cpu.reduce((ours, proc) => ours + proc.seconds, 0),
    0,
  )
  return other / runs.reduce((sum, run) => sum + run.seconds, 0)
}

export function render(f: Figures): string {
  const { connections, warmupSeconds, durationSeconds, rounds } = f.settings
  const windowSeconds = durationSeconds / rounds
  const measured = `${durationSeconds} s measured in ${rounds} windows of ${windowSeconds} s after a ${warmupSeconds} s warm-up`
  const load = `autocannon, ${connections} connections, ${measured}`
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
          'disturbed; the CPU ratios 1e and 2d hold up better. Re-run on a quiet machine to compare.',
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
    '',
    '## How it runs',
    '',
    '- One in-memory DynamoDB Local (`startDynamoDbLocal()`) serves figures 1 and 2; one practice and its',
    '  owner are created through `POST /api/practices`, whose session cookie every `/api/me` request sends.',
    `- Before anything is measured the raw loop runs for ${f.jvmWarmupSeconds} s: a fresh JVM spends its first`,
    '  seconds under load compiling, and whichever side ran first would otherwise pay for it.',
    '- Every server under test, and the raw-SDK loop, runs in a child process of its own (`node --import tsx',
    '  test/bench/target.ts full|bare|raw`), so autocannon (in the bench process) never shares an event loop',
    '  with it. They still share the machine’s cores with autocannon and the JVM: see the CPU table.',
    `- The full server is exactly what \`npm start\` serves (LOG_LEVEL=silent${f.webBuildServed ? ', web/build present so the web app routes were mounted too' : ', web/build absent so only /api and /ws were mounted'}).`,
    '- Every run must finish with no errors, timeouts or non-2xx answers, or the bench fails.',
    '- Figure 3 runs in a mirror of the repository in a temp directory (copies of scripts/, functions/ and',
    '  web/ sources; symlinks to the installed node_modules), so the working tree is never touched. After',
    '  each start the whole process group (node, the JVM) is killed and the port is checked to be free.',
    `- ${f.processes.started} process groups were started (servers, raw loop, \`npm start\` runs); ${f.processes.verifiedGone} were`,
    '  stopped and seen gone with every descendant (JVMs included), their ports free again; the bench’s own',
    '  DynamoDB Local JVM was also seen gone.',
    `- \`npm start\` printed "Touchpoint is running" after ${secs(f.start.cold.announcedSeconds ?? Number.NaN)} (cold) and ${f.start.warm.map((run) => secs(run.announcedSeconds ?? Number.NaN)).join(', ')} (built).`,
    '',
  ]
  return lines.join('\n')
}
