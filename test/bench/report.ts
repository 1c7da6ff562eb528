/** Turns one run's figures into test/bench/REPORT.md. */
import type { AnalyticsFigures, AnalyticsSize } from './analytics'
import { boardSimBudget, boardSimPass, type BoardSimFigures, type BoardSimRun } from './board-sim'
import type { BundleFigures, BundleSide } from './bundle'
import type { LoadSettings, Throughput } from './load'
import type { Machine } from './machine'
import type { PatientPageFigures } from './patient-page'
import type { SentimentFigures } from './sentiment'
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
  analytics: AnalyticsFigures
  boardSim: BoardSimFigures
  bundle: BundleFigures
  sentiment: SentimentFigures
  /** Wall time of each phase, in the order run. */
  phases: { name: string; seconds: number }[]
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

const share = (n: number) => n.toFixed(2)
const npsText = (score: number | null) => (score === null ? 'none' : score.toFixed(2))

/** "7b", "7c"…: figure 7 has a row per practice size, so its letters are handed out in order. */
function lettering(figure: number) {
  let next = 0
  return () => `${figure}${String.fromCharCode(97 + next++)}`
}

function scanValue(s: AnalyticsSize): string {
  const scan = s.scan
  const pages = `${whole(scan.read)} responses read in ${whole(scan.pages)} pages, ${whole(scan.capacity)} read units`
  return scan.complete
    ? `**${secs(scan.seconds)}** (${pages})`
    : `**~${secs(scan.estimatedSeconds)}, extrapolated** linearly from ${secs(scan.seconds)} for ${pages} (the first pages of each month) (×${(s.size / scan.read).toFixed(1)})`
}

function checkValue(s: AnalyticsSize): string {
  const topBox = Object.entries(s.summary.topBox)
    .filter(([, value]) => value !== null)
    .map(([id, value]) => `${id} ${share(value!)}`)
    .join(', ')
  const scan = s.matchesScan
    ? s.matchesScan.pass
      ? 'summary = scan'
      : `**summary ≠ scan**: ${s.matchesScan.differences.join('; ')}`
    : 'scan stopped early, not compared'
  const loader = s.matchesLoader.pass
    ? 'summary = loader'
    : `**summary ≠ loader**: ${s.matchesLoader.differences.join('; ')}`
  return `${whole(s.size)}: ${scan}, ${loader}; ${whole(s.summary.responses)} responses, NPS ${npsText(s.summary.nps)} (n ${whole(s.summary.npsN)}), top box ${topBox}`
}

function analyticsRows(f: Figures): string[] {
  const a = f.analytics
  const letter = lettering(7)
  const sizes = a.sizes
  const [smallest, largest] = [sizes[0]!, sizes.at(-1)!]
  const weeks = smallest.range.weeks
  const rows = [
    `| ${letter()} | Loading responses and counters straight into the table | **${whole(largest.load.perSecond)} responses/s** at ${whole(largest.size)} (${sizes.map((s) => `${whole(s.size)} in ${secs(s.load.seconds)}, ${whole(s.load.perSecond)}/s`).join('; ')}); CPU per response, DynamoDB Local / loader: ${sizes.map((s) => `${whole(s.size)}: ${s.load.jvmCpuMsPerResponse.toFixed(2)} / ${s.load.loaderCpuMsPerResponse.toFixed(2)} ms`).join('; ')} | For each size a practice of its own (time zone UTC) is created through \`POST /api/practices\` and a visit-pulse survey published through the API; the bench then writes that many responses, spread evenly from the Monday ${weeks - 1} weeks before this week's to now, in chunks of 20,000: each chunk's response items with BatchWriteItem (16 requests of 25 in flight), its counters summed with \`summedCounters()\` and added across chunks in one Map, written once at the end (${whole(largest.load.counterItems)} counter items). Answers are the visit-pulse responses of seeded demo practices (\`generateDemo\`), recycled in order; the ${Math.round((100 * largest.load.withComment) / largest.size)}% with a comment keep its text, sentiment and themes. Rate: responses ÷ wall time of the writes (sign-up excluded); CPU from /proc. |`,
  ]
  const latencyRows: string[] = []
  for (const [i, s] of sizes.entries()) {
    const label = letter()
    latencyRows.push(label)
    if (i > 0) {
      rows.push(
        `| ${label} | \`GET /api/analytics/summary\` p50 / p95, ${whole(s.size)} responses | ${ms(s.latency.p50)} / ${ms(s.latency.p95)} ms | As ${latencyRows[0]}, for the practice with ${whole(s.size)} responses (same requests, interleaved with ${latencyRows[0]}'s). |`,
      )
      continue
    }
    rows.push(
      `| ${label} | \`GET /api/analytics/summary\` p50 / p95, ${whole(s.size)} responses | ${ms(s.latency.p50)} / ${ms(s.latency.p95)} ms | The full local server (one of its own for figure 7, on a DynamoDB Local holding every practice of figure 7), signed in as this practice's owner, default range (the latest ${s.range.weeks} ISO weeks, ${s.range.from} to ${s.range.to}, against the ${s.range.weeks} before): ${a.settings.warmup} warm-up requests per practice, then ${a.settings.rounds} rounds of one request per practice, one at a time, the order alternating; fetch until the body is read. |`,
    )
  }
  if (sizes.length > 1) {
    rows.push(
      `| ${letter()} | **Ratio p50 ${whole(largest.size)} / ${whole(smallest.size)}** | **${ratio(largest.latency.p50, smallest.latency.p50)}** (p95: ${ratio(largest.latency.p95, smallest.latency.p95)}) | ${latencyRows.at(-1)} ÷ ${latencyRows[0]}: should stay near 1, since the summary reads the range's week counter items (one Query), whatever the number of responses behind them. |`,
    )
  }
  let firstScan: string | undefined
  for (const s of sizes) {
    const label = letter()
    const extrapolated = s.scan.complete
      ? ''
      : ` A full scan was estimated above ${a.settings.scanBudgetSeconds} s from the previous size's rate, so only ${whole(s.scan.read)} responses were read (the first pages of each month) and the time scaled up linearly: an estimate, not a measurement.`
    const value = `${scanValue(s)}; **${whole((s.scan.estimatedSeconds * 1000) / s.latency.p50)}×** the summary's p50`
    if (firstScan) {
      rows.push(
        `| ${label} | Same figures from the raw responses, ${whole(s.size)} | ${value} | As ${firstScan}, for the practice with ${whole(s.size)} responses.${extrapolated} |`,
      )
      continue
    }
    firstScan = label
    rows.push(
      `| ${label} | Same figures from the raw responses, ${whole(s.size)} | ${value} | In the bench process, no HTTP: Query every month partition covering the range (\`P#<practice>#R#<month>\`, the months in parallel, pages of at most ${whole(a.settings.pageSize)}, projecting \`submittedAt\` and \`answers\`), keep the responses of the range and count responses, NPS and each touch point's top box (4-5 of 5) from the answers; the time from the first Query to the last count. Then its time ÷ the summary's p50.${extrapolated} |`,
    )
  }
  rows.push(
    `| ${letter()} | **Summary = raw responses** | **${a.pass ? 'PASS' : 'FAIL'}** (${sizes.map(checkValue).join('. ')}) | The summary's response count, NPS (its n and score) and every touch point's top-box share against the scan's (where it read every response) and against the loader's own count of what it wrote (no counters involved); equal to 1e-9. |`,
  )
  return rows
}

function sentimentRows(f: Figures): string[] {
  const s = f.sentiment
  const languages = Object.entries(s.byLanguage)
    .filter(([, figures]) => figures.n > 0)
    .map(([language, figures]) => `${language} ${share(figures.accuracy)} (n ${figures.n})`)
    .join(', ')
  const classes = Object.entries(s.classes)
    .map(([label, c]) => `${label} ${share(c.precision)} / ${share(c.recall)} (n ${c.n})`)
    .join('; ')
  const how =
    '`measureSentiment()` (sentiment.ts): `commentReader.analyze` on every comment of test/fixtures/comments-labelled.json, in its language, against the label a practice manager gave it'
  return [
    `| 8a | Comment sentiment accuracy | **${share(s.accuracy)}** (n ${s.n}; ${languages}) | ${how}: the share given the right label (positive, neutral, negative), overall and per language. Pure computation, no server; it does not depend on the machine. |`,
    `| 8b | Sentiment precision / recall per class | ${classes} | Precision: of the comments given a label, the share that carry it; recall: of the comments that carry it, the share given it (n: comments that carry it). |`,
    `| 8c | Themes precision / recall | **${share(s.themes.precision)} / ${share(s.themes.recall)}** | The themes found against the themes labelled, micro-averaged over (comment, theme) pairs. |`,
  ]
}

function analyticsNotes(f: Figures): string[] {
  const a = f.analytics
  const sizes = a.sizes.map((s) => whole(s.size)).join(' and ')
  const partial = a.sizes.filter((s) => !s.scan.complete)
  return [
    `- Figure 7 runs after figures 1-5, on a DynamoDB Local (in memory) and a full server of their own, with`,
    `  practices of ${sizes} responses (\`BENCH_ANALYTICS_SIZES=10000,1000000\`, the default; set it`,
    `  smaller for a quick run). It took ${secs(a.seconds.load)} to load, ${secs(a.seconds.latency)} for the summary requests and`,
    `  ${secs(a.seconds.scan)} for the scans. Load rates depend on this machine and whatever else runs on it: the CPU`,
    '  per response in 7a is the steadier figure.',
    '- The scans ask for pages of at most ' +
      `${whole(a.settings.pageSize)} items: without a Limit, DynamoDB Local reads every item left in the`,
    '  partition to fill each 1 MB page (in trials here, a page at the start of a 70,000-response month',
    '  took about ten times as long as one at its end), so a scan would grow with the square of the',
    '  month; with a Limit each page costs the same, as in DynamoDB. Read units: as DynamoDB Local',
    '  reported them (sizes of whole items, projection or not).',
    ...(partial.length
      ? [
          `- **The scan at ${partial.map((s) => whole(s.size)).join(', ')} is extrapolated**: it read ${partial.map((s) => whole(s.scan.read)).join(', ')} responses (the first pages of each month)`,
          `  and scaled the time up linearly, because a full scan was estimated above ${a.settings.scanBudgetSeconds} s. Its`,
          '  figures are then checked against the loader’s count only.',
        ]
      : []),
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

const boardSimHeading = '## Real-time boards (figure 9)'

/**
 * Figure 9 as a section of its own, with its own date: `BENCH_ONLY=board-sim` measures it alone and
 * puts it into the last full report with `spliceSection`.
 */
export function boardSimSection(b: BoardSimFigures): string[] {
  const [first] = b.runs
  if (!first) return [boardSimHeading, '', 'Not measured.', '']
  const letter = lettering(9)
  const s = first.settings
  const pass = b.runs.every((run) => boardSimPass(run.result))
  const offered = (run: BoardSimRun) => (run.settings.clients * 1000) / run.settings.thinkMs
  const checks = b.runs.map((run) => {
    const r = run.result
    const refused = Object.entries(r.refused)
      .sort(([, x], [, y]) => y - x)
      .map(([code, n]) => `${code} ${whole(n)}`)
    const refusedTotal = Object.values(r.refused).reduce((a, n) => a + n, 0)
    return (
      `${run.name}: ${whole(run.settings.clients - r.divergent)} of ${whole(run.settings.clients)} replicas equal to the server's state, ` +
      `history ${r.historyComplete ? `1..${whole(r.applied)} without a gap` : '**with gaps**'}, lost ${whole(r.lost)}, duplicated ${whole(r.duplicated)} ` +
      `(sent ${whole(r.sent)}, applied ${whole(r.applied)}, refused ${whole(refusedTotal)}${refused.length ? ` [${refused.join(', ')}]` : ''}; ` +
      `${whole(r.reconnects)} dropped sockets; ${whole(r.unanswered)} unanswered at the end; ${whole(r.errors)} errors)`
    )
  })
  // Letters in table order: the convergence row first.
  const convergence = letter()
  const latencyRows = b.runs.map((run) => {
    const r = run.result
    const within = r.p95Ms < boardSimBudget.p95Ms
    const budget = `budget p95 < ${boardSimBudget.p95Ms} ms: ${within ? 'within' : '**over**'}, aim < ${boardSimBudget.aimMs} ms`
    return `| ${letter()} | Propagation latency p50 / p95, ${run.name} | **${ms(r.p50Ms)} / ${ms(r.p95Ms)} ms** (${whole(r.samples)} operations; ${budget}) | From sending an operation to the moment the last participant had applied its entry, over the participants connected from the send until then (the sender included), with a pause of 0-${whole(2 * run.settings.thinkMs)} ms before each operation (about ${whole(offered(run))} operations/s offered). Operations resent after a reconnect are left out (their time is the reconnect's). One process and one clock (performance.now()) for every participant, so no clock skew. |`
  })
  const rateRows = b.runs.map((run) => {
    const r = run.result
    const cpu = run.cpu
      .map((proc) => `${proc.name} ${((proc.seconds * 1000) / r.applied).toFixed(2)} ms`)
      .join('; ')
    return `| ${letter()} | Operations applied per second, ${run.name} | **${r.opsPerSecond.toFixed(1)} ops/s** (${whole(r.applied)} in ${secs(r.seconds)}, about ${whole(offered(run))}/s offered); CPU per applied operation: ${cpu} | Operations applied ÷ the time from the first operation to the last answer. A board writes its operations in order, in groups (the hub queues them; the ones that gathered while a transaction was in flight go in the next TransactWriteItems, up to 24: the board, each history entry and operation id, and every note changed), so when more is offered than it takes, this is one board's capacity (not the server's: other boards run side by side). CPU seconds from /proc over the whole run (joins and final checks included) ÷ operations applied; the simulator's ${whole(run.settings.clients)} sockets and replicas run in the bench process. |`
  })
  return [
    boardSimHeading,
    '',
    '| # | Figure | Value | What it measures, and how |',
    '|---|---|---|---|',
    `| ${convergence} | **Boards converge; no operation lost or applied twice** | **${pass ? 'PASS' : 'FAIL'}**: ${checks.join('. ')} | \`npm run board:sim\` (test/sim/board-sim.ts) against a full local server of its own, ${b.runs.length} runs, each on a new practice and board: the practice signs up, creates an empathy-map board and one guest link; ${whole(s.clients)} guests join through it (a cookie jar each), load the state, take a ticket, open a socket and sync. Each then sends ${whole(s.ops)} operations (about 30% new notes, 20% moves, 20% dots, 15% edits of its own notes, 5% each dots taken back, recolours and deletes of its own notes), pausing before each, and after ${s.dropRate * 100}% of them, at random, terminates its socket 0-20 ms later (no close handshake, so the operation may or may not have left) and reconnects: a new ticket, sync since its replica's seq, its unconfirmed operations resent with the same ids. Replicas are the web app's \`BoardReplica\`. At the end everyone syncs; each replica is compared with \`GET /api/boards/{id}/state\` (deep equality) and the history is read in pages. Lost: operations confirmed (entry or ack), or sent and never refused, that the history lacks; duplicated: operation ids the history holds twice. Refusals (no dots left, a note deleted or the board full meanwhile) are the rules at work. |`,
    ...latencyRows,
    ...rateRows,
    '',
    `- Figure 9 was measured ${b.date} with \`${b.command}\`; the 1-minute load average was ${b.loadAverage.toFixed(2)} when it`,
    "  started. It runs on a DynamoDB Local (in memory) and a full server of its own (as figure 1a's, in a child",
    '  process), after a small warm-up run that is not reported. At workshop pace each person acts every',
    `  ${secs((b.runs[0]?.settings.thinkMs ?? 0) / 1000)} on average, far busier than a real workshop: its latency is propagation. Flat out`,
    '  offers more than a board takes: operations queue, so its latency is mostly waiting, and its rate is',
    '  the board’s capacity on this machine.',
    '',
  ]
}

const bundleHeading = '## HTTP Lambda bundle (figure 10)'

/**
 * Figure 10 as a section of its own, with its own date: `BENCH_ONLY=bundle` measures it alone and
 * puts it into the last full report with `spliceSection`.
 */
export function bundleSection(b: BundleFigures): string[] {
  const letter = lettering(10)
  const after = b.after
  const lazy = (s: BundleSide) =>
    Object.entries(s.lazyBytes)
      .map(([name, bytes]) => `${name} ${whole(bytes)} bytes`)
      .join(', ') || 'none'
  const times = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ')
  const before = 'skipped' in b.before ? undefined : b.before
  const beforeCell = (value: (s: BundleSide) => string) =>
    before ? value(before) : `not measured (${'skipped' in b.before ? b.before.skipped : ''})`
  const first = after.firstEnglishMs ?? []
  return [
    bundleHeading,
    '',
    '| # | Figure | Before | After | What it measures, and how |',
    '|---|---|---|---|---|',
    `| ${letter()} | **Main file (index.mjs)** | ${beforeCell((s) => `${whole(s.mainBytes)} bytes`)} | **${whole(after.mainBytes)} bytes** | The file every cold start loads: functions/src/handlers/http.ts bundled by the workspace's esbuild with the options of infra/lib/node-bundling.ts (ESM, node22, minified, source map beside it, \`@aws-sdk/*\` external); before, from the sources of ${b.baseline}, whose bundle inlined wink's model; the stack test asserts under 1 MB. |`,
    `| ${letter()} | Lazy files beside it | ${beforeCell(lazy)} | ${lazy(after)} | \`node_modules/<name>/index.js\` in the asset (\`lazyModuleCommands\`), loaded by \`import()\` on the first English comment only. |`,
    `| ${letter()} | **\`import()\` of the bundle, fresh Node, median of ${after.importMs.length}** | ${beforeCell((s) => `${ms(median(s.importMs))} ms (runs: ${times(s.importMs)})`)} | **${ms(median(after.importMs))} ms** (runs: ${times(after.importMs)}) | A new \`node\` process (Node ${process.versions.node}, TABLE_NAME=touchpoint) per run times \`await import(index.mjs)\`: parsing the bundle and building the app, as at a cold start (Lambda's own start aside). |`,
    `| ${letter()} | First English comment (the lazy load), median of ${first.length} | (in the import) | **${ms(median(first))} ms** (runs: ${times(first)}) | A new process per run imports \`createEnglishReader\` (ingest/english-scorer.ts), bundled with the same externals beside the lazy files, and times its first \`readEnglish()\` of one comment: both \`import()\`s, wink reading its model, the comment. Later comments skip all but the last. |`,
    '',
    `- Figure 10 was measured ${b.date} with \`${b.command}\`; the 1-minute load average was ${b.loadAverage.toFixed(2)} when it`,
    '  started. Before and after run one after the other on the same machine: compare them, not the absolute times.',
    '',
  ]
}

/** Put `section` in place of the report's own (or before the CPU table when it has none). */
export function spliceSection(report: string, section: string[]): string {
  const lines = report.split('\n')
  const start = lines.indexOf(section[0] ?? boardSimHeading)
  if (start >= 0) {
    const next = lines.findIndex((line, i) => i > start && line.startsWith('## '))
    lines.splice(start, (next < 0 ? lines.length : next) - start, ...section)
    return lines.join('\n')
  }
  const cpu = lines.findIndex((line) => line.startsWith('## Where the CPU goes'))
  if (cpu < 0) return [...lines, '', ...section].join('\n')
  lines.splice(cpu, 0, ...section)
  return lines.join('\n')
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
    ...analyticsRows(f),
    ...sentimentRows(f),
    '',
    ...boardSimSection(f.boardSim),
    ...bundleSection(f.bundle),
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
    ...analyticsNotes(f),
    `- Phases: ${f.phases.map((phase) => `${phase.name} ${phase.seconds.toFixed(0)} s`).join('; ')}.`,
    `- \`npm start\` printed "Touchpoint is running" after ${secs(f.start.cold.announcedSeconds ?? Number.NaN)} (cold) and ${f.start.warm.map((run) => secs(run.announcedSeconds ?? Number.NaN)).join(', ')} (built).`,
    '',
  ]
  return lines.join('\n')
}
