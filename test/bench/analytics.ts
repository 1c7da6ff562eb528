/**
 * The analytics figures: how long `GET /api/analytics/summary` takes for a practice with few and
 * with very many responses (it reads counters, so it should not grow), beside the same headline
 * figures computed by reading every raw response of the range, and a check that all agree. The
 * comment reader's agreement with labelled comments is sentiment.ts's, reported beside these.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { dayRange, monthsBetween } from '../../functions/src/domain/periods'
import type { Db } from '../../functions/src/store/db'
import * as keys from '../../functions/src/store/keys'
import { loadPractice, type LoadedPractice } from './analytics-load'
import { sameHeadline, Tally, type Headline } from './analytics-tally'
import { cpuSeconds, ownCpuSeconds } from './proc'
import { median } from './report'

export interface AnalyticsSettings {
  /** Responses of each practice, smallest first. */
  sizes: number[]
  /** Summary requests per practice before measuring. */
  warmup: number
  /** Measured summary requests per practice. */
  rounds: number
  /** Responses per Query page of the scan (see scanHeadline). */
  pageSize: number
  /** A full scan estimated to take longer than this is measured on `partialScan` responses. */
  scanBudgetSeconds: number
  partialScan: number
}

/** `BENCH_ANALYTICS_SIZES`: comma-separated practice sizes, default 10,000 and 1,000,000. */
export function analyticsSettings(env = process.env): AnalyticsSettings {
  const text = env.BENCH_ANALYTICS_SIZES?.trim() || '10000,1000000'
  const sizes = text.split(',').map((part) => Number(part.trim().replace(/_/g, '')))
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new Error(`BENCH_ANALYTICS_SIZES must be whole numbers above 0, like 10000,1000000`)
  }
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    warmup: 10,
    rounds: 30,
    pageSize: 1000,
    scanBudgetSeconds: 180,
    partialScan: 100_000,
  }
}

/** The parts of the summary's answer the bench reads. */
interface SummaryAnswer {
  range: { from: string; to: string; periods: string[] }
  responses: number
  nps: { n: number; score: number | null }
  touchpoints: { touchpoint: string; n: number; topBox: number | null }[]
}

export interface Latency {
  /** Every measured request, in milliseconds, in the order sent. */
  samples: number[]
  p50: number
  p95: number
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

async function getSummary(
  url: string,
  cookie: string,
): Promise<{ ms: number; body: SummaryAnswer }> {
  const began = performance.now()
  const res = await fetch(`${url}/api/analytics/summary`, {
    headers: { cookie },
    signal: AbortSignal.timeout(30_000),
  })
  const text = await res.text()
  const ms = performance.now() - began
  if (res.status !== 200) {
    throw new Error(`GET /api/analytics/summary answered ${res.status}: ${text}`)
  }
  return { ms, body: JSON.parse(text) as SummaryAnswer }
}

function headlineOf(summary: SummaryAnswer): Headline {
  return {
    responses: summary.responses,
    npsN: summary.nps.n,
    nps: summary.nps.score,
    topBox: Object.fromEntries(summary.touchpoints.map((t) => [t.touchpoint, t.topBox])),
  }
}

/**
 * `warmup` requests for each practice, then `rounds` rounds of one request for each, one at a time,
 * the order of the practices alternating from round to round so that drift falls on all alike.
 */
async function summaryLatencies(
  url: string,
  practices: LoadedPractice[],
  { warmup, rounds }: { warmup: number; rounds: number },
): Promise<{ latency: Latency; summary: SummaryAnswer }[]> {
  const last = new Map<LoadedPractice, SummaryAnswer>()
  for (let i = 0; i < warmup; i++) {
    for (const practice of practices) {
      last.set(practice, (await getSummary(url, practice.cookie)).body)
    }
  }
  const samples = new Map(practices.map((practice) => [practice, [] as number[]]))
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? [...practices].reverse() : practices
    for (const practice of order) {
      const { ms, body } = await getSummary(url, practice.cookie)
      samples.get(practice)!.push(ms)
      last.set(practice, body)
    }
  }
  return practices.map((practice) => {
    const measured = samples.get(practice)!
    return {
      latency: { samples: measured, p50: median(measured), p95: percentile(measured, 95) },
      summary: last.get(practice)!,
    }
  })
}

export interface Scan {
  seconds: number
  /** Response items read (the whole months covering the range, unless stopped early). */
  read: number
  /** Query pages. */
  pages: number
  /** Read capacity units DynamoDB Local reported for them (eventually consistent reads). */
  capacity: number
  /** Whether every response of the range was read (else it stopped after `stopAfter`). */
  complete: boolean
  headline: Headline
}

/**
 * The summary's headline figures from the raw responses: every month partition covering the range
 * (`P#<practice>#R#<month>`) read with Query, page after page, the months in parallel, projecting
 * the two attributes needed (`submittedAt`, `answers`), then counted here (analytics-tally.ts).
 *
 * Pages hold at most `pageSize` items. Without a Limit, DynamoDB Local reads every item left in
 * the partition to fill each 1 MB page, so a page costs in proportion to what remains and a scan
 * grows with the square of the partition; with one, each page costs the same, as in DynamoDB.
 */
export async function scanHeadline(
  db: Db,
  practice: LoadedPractice,
  range: { from: string; to: string },
  touchpoints: readonly string[],
  { pageSize = 1000, stopAfter = Number.POSITIVE_INFINITY } = {},
): Promise<Scan> {
  const { start, end } = dayRange(range.from, range.to, practice.timeZone)
  const [from, to] = [start.getTime(), end.getTime()]
  const months = monthsBetween(start, end, practice.timeZone)
  const tally = new Tally(practice.definition)
  let read = 0
  let pages = 0
  let capacity = 0
  let complete = true

  const began = performance.now()
  await Promise.all(
    months.map(async (month) => {
      let ExclusiveStartKey: Record<string, unknown> | undefined
      do {
        const page = await db.client.send(
          new QueryCommand({
            TableName: db.table,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': keys.responsesOfMonth(practice.practiceId, month) },
            ExpressionAttributeNames: { '#at': 'submittedAt', '#answers': 'answers' },
            ProjectionExpression: '#at, #answers',
            Limit: pageSize,
            ReturnConsumedCapacity: 'TOTAL',
            ExclusiveStartKey,
          }),
        )
        pages++
        capacity += page.ConsumedCapacity?.CapacityUnits ?? 0
        for (const item of page.Items ?? []) {
          read++
          const time = Date.parse(String(item.submittedAt))
          if (time >= from && time < to) tally.add((item.answers ?? {}) as Record<string, unknown>)
        }
        ExclusiveStartKey = page.LastEvaluatedKey
        if (ExclusiveStartKey && read >= stopAfter) {
          complete = false
          ExclusiveStartKey = undefined
        }
      } while (ExclusiveStartKey)
    }),
  )
  const seconds = (performance.now() - began) / 1000
  return { seconds, read, pages, capacity, complete, headline: tally.headline(touchpoints) }
}

export interface AnalyticsSize {
  size: number
  load: {
    seconds: number
    perSecond: number
    withComment: number
    counterItems: number
    months: string[]
    /** CPU the DynamoDB Local JVM and the loader (this process) spent per response written. */
    jvmCpuMsPerResponse: number
    loaderCpuMsPerResponse: number
  }
  latency: Latency
  summary: Headline
  range: { from: string; to: string; weeks: number }
  scan: Scan & {
    /** The scan's time for every response: `seconds` itself, or scaled up linearly from `read`. */
    estimatedSeconds: number
  }
  /** Summary against the loader's own count of what it wrote. */
  matchesLoader: { pass: boolean; differences: string[] }
  /** Summary against the scan; undefined when the scan stopped early. */
  matchesScan: { pass: boolean; differences: string[] } | undefined
}

export interface AnalyticsFigures {
  settings: AnalyticsSettings
  sizes: AnalyticsSize[]
  /** Wall time of each part, for the report's notes. */
  seconds: { load: number; latency: number; scan: number }
  pass: boolean
}

/**
 * Load one practice per size through the full server at `url` (sign-up, survey) and straight into
 * the table (responses, counters), time the summary for all of them, then scan each.
 */
export async function measureAnalytics(
  url: string,
  db: Db,
  jvmPid: number | undefined,
  settings: AnalyticsSettings,
  step: (text: string) => void,
): Promise<AnalyticsFigures> {
  const practices: LoadedPractice[] = []
  const loads: AnalyticsSize['load'][] = []
  const began = performance.now()
  for (const size of settings.sizes) {
    step(`analytics: loading a practice with ${size.toLocaleString('en-US')} responses`)
    const jvmBefore = jvmPid === undefined ? Number.NaN : cpuSeconds(jvmPid)
    const ownBefore = ownCpuSeconds()
    let reported = 0
    const practice = await loadPractice(
      url,
      db,
      size,
      `Bench Analytics ${size}`,
      undefined,
      (done) => {
        if (done - reported >= 200_000 && done < size) {
          reported = done
          step(
            `analytics: ${done.toLocaleString('en-US')} of ${size.toLocaleString('en-US')} written`,
          )
        }
      },
    )
    const jvmAfter = jvmPid === undefined ? Number.NaN : cpuSeconds(jvmPid)
    practices.push(practice)
    loads.push({
      seconds: practice.seconds,
      perSecond: practice.perSecond,
      withComment: practice.withComment,
      counterItems: practice.counterItems,
      months: practice.months,
      jvmCpuMsPerResponse: ((jvmAfter - jvmBefore) * 1000) / size,
      loaderCpuMsPerResponse: ((ownCpuSeconds() - ownBefore) * 1000) / size,
    })
    step(
      `analytics: ${size.toLocaleString('en-US')} written in ${practice.seconds.toFixed(1)} s ` +
        `(${Math.round(practice.perSecond)} /s)`,
    )
  }
  const loaded = performance.now()

  step(
    `analytics: GET /api/analytics/summary, ${settings.warmup} warm-up then ${settings.rounds} ` +
      'measured requests per practice, one at a time',
  )
  const latencies = await summaryLatencies(url, practices, settings)
  const timed = performance.now()

  // The JVM has not run these Query paths yet: a short untimed read first.
  const smallest = practices[0]!
  const { range: firstRange, touchpoints: firstTouchpoints } = latencies[0]!.summary
  await scanHeadline(
    db,
    smallest,
    firstRange,
    firstTouchpoints.map((t) => t.touchpoint),
    { pageSize: settings.pageSize, stopAfter: Math.min(smallest.responses, 20_000) },
  )
  const sizes: AnalyticsSize[] = []
  let rate: number | undefined
  for (const [i, practice] of practices.entries()) {
    const { latency, summary } = latencies[i]!
    const touchpoints = summary.touchpoints.map((t) => t.touchpoint)
    const estimate = rate === undefined ? 0 : practice.responses / rate
    const partial =
      estimate > settings.scanBudgetSeconds && practice.responses > settings.partialScan
    step(
      `analytics: scanning the raw responses of the ${practice.responses.toLocaleString('en-US')} practice` +
        (partial
          ? ` (a full scan would take ~${Math.round(estimate)} s: reading ${settings.partialScan.toLocaleString('en-US')} of them)`
          : ''),
    )
    const scan = await scanHeadline(db, practice, summary.range, touchpoints, {
      pageSize: settings.pageSize,
      stopAfter: partial ? settings.partialScan : Number.POSITIVE_INFINITY,
    })
    rate = scan.read / scan.seconds
    const headline = headlineOf(summary)
    const matchesLoader = sameHeadline(headline, practice.tally.headline(touchpoints))
    const matchesScan = scan.complete ? sameHeadline(headline, scan.headline) : undefined
    sizes.push({
      size: practice.responses,
      load: loads[i]!,
      latency,
      summary: headline,
      range: {
        from: summary.range.from,
        to: summary.range.to,
        weeks: summary.range.periods.length,
      },
      scan: {
        ...scan,
        estimatedSeconds: scan.complete
          ? scan.seconds
          : (scan.seconds * practice.responses) / scan.read,
      },
      matchesLoader,
      matchesScan,
    })
  }
  const scanned = performance.now()
  return {
    settings,
    sizes,
    seconds: {
      load: (loaded - began) / 1000,
      latency: (timed - loaded) / 1000,
      scan: (scanned - timed) / 1000,
    },
    pass: sizes.every((s) => s.matchesLoader.pass && (s.matchesScan?.pass ?? true)),
  }
}
