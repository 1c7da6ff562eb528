/**
 * Figure 13, the reviews dashboard at 1,000 against 100,000 reviews: one practice per size (three
 * locations, four sites, a year of reviews, see reviews-dashboard-data.ts), seeded as
 * reviews-dashboard-seed.ts says, then the review figures timed as the dashboard asks for them
 * and the Reviews page's first page, through the Hono app (`app.request`, the body read) against
 * DynamoDB Local in memory: warm-up rounds, then rounds of one request per practice, one at a
 * time, the order of the sizes alternating. Before timing, each practice's figures are checked
 * against what the bench wrote (count, star histogram, per source and per location), and the
 * bulk load's counters against `upsertReviews`' for the same reviews. Run alone with
 * `BENCH_ONLY=reviews-dashboard npm run bench` (BENCH_DASHBOARD_SIZES, BENCH_DASHBOARD_ROUNDS).
 */
import os from 'node:os'
import { ulid } from 'ulid'
import { createApp, type App } from '../../functions/src/api/app'
import { readConfig } from '../../functions/src/config'
import { dayOf } from '../../functions/src/domain/calendar'
import { startDynamoDbLocal } from '../../functions/src/local/dynamodb-local'
import { outboxMessenger } from '../../functions/src/messaging/outbox'
import { createDb, type Db } from '../../functions/src/store/db'
import { ensureTable } from '../../functions/src/store/ensure-table'
import * as practices from '../../functions/src/store/practices'
import { countCap } from '../../functions/src/store/reviews'
import { percentile } from './analytics'
import { median } from './report'
import { benchReview, readTexts, ReviewTally } from './reviews-dashboard-data'
import { sameCounters, seedReviews, type Seeded } from './reviews-dashboard-seed'

/** The target the issue sets: the dashboard's latency stays flat from 1,000 to 100,000 reviews. */
export const dashboardTarget = { ratio: 1.5 }
/** Reviews written both ways to check the bulk load: every site, location and text is among them. */
const checkSize = 200

export interface RequestKind {
  name: string
  /** Whether it reads counters only (the target applies) or stored reviews. */
  reads: 'counters' | 'reviews'
  /** The request's paths (several: sent at once, as the page sends them). */
  paths: (at: Place) => string[]
}

interface Place {
  today: string
  days: (back: number) => string
  location: string
}

/** What the dashboard and the Reviews page ask, with the query strings the web builds. */
export const requestKinds: RequestKind[] = [
  {
    name: '`GET /api/analytics/reviews`, a year, all sources',
    reads: 'counters',
    paths: (p) => [`/api/analytics/reviews?from=${p.days(364)}&to=${p.today}`],
  },
  {
    name: '`GET /api/analytics/reviews`, a year, one location and one source',
    reads: 'counters',
    paths: (p) => [
      `/api/analytics/reviews?from=${p.days(364)}&to=${p.today}&location=${p.location}&source=google`,
    ],
  },
  {
    name: 'Dashboard as it opens (13 weeks): its reviews call',
    reads: 'counters',
    paths: (p) => [`/api/analytics/reviews?from=${p.days(90)}&to=${p.today}&interval=week`],
  },
  {
    name: 'Dashboard, 52 weeks, one location: its reviews call',
    reads: 'counters',
    paths: (p) => [
      `/api/analytics/reviews?from=${p.days(363)}&to=${p.today}&location=${p.location}&interval=week`,
    ],
  },
  {
    name: 'Dashboard as it opens: its five calls at once (summary, trend, heat map, themes, reviews)',
    reads: 'counters',
    paths: (p) => {
      const range = `from=${p.days(90)}&to=${p.today}`
      const heatmapFrom = `${p.today.slice(0, 5)}${p.today.slice(5, 7)}-01`
      return [
        `/api/analytics/summary?${range}`,
        `/api/analytics/trend?${range}&metric=nps&interval=week`,
        `/api/analytics/heatmap?from=${monthsBack(heatmapFrom, 5)}&to=${p.today}&interval=month`,
        `/api/analytics/themes?${range}`,
        `/api/analytics/reviews?${range}&interval=week`,
      ]
    },
  },
  {
    name: '`GET /api/reviews?limit=25`, the Reviews page as it opens',
    reads: 'reviews',
    paths: () => ['/api/reviews?limit=25'],
  },
]

/** The first day of the month `months` before the one `first` (YYYY-MM-01) starts. */
function monthsBack(first: string, months: number): string {
  const [y, m] = first.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m - 1 - months, 1)).toISOString().slice(0, 10)
}

export interface Latency {
  p50: number
  p95: number
  samples: number
}

export interface DashboardSize {
  reviews: number
  seeded: Seeded
  /** By request kind's name. */
  latency: Record<string, Latency>
  /** What the checks compared, in words, all equal. */
  checked: string
}

export interface ReviewsDashboardFigures {
  sizes: DashboardSize[]
  /** `upsertReviews` against the bulk load for the same reviews: where they differ, if anywhere. */
  bulkMatchesUpsert: { reviews: number; upsertSeconds: number; difference?: string | undefined }
  warmup: number
  rounds: number
  /** Measured rounds of the requests that read stored reviews (one warm-up before them). */
  listRounds: number
  seedSeconds: number
  date: string
  command: string
  loadAverage: number
}

interface Practice {
  id: string
  cookie: string
  csrfToken: string
  timeZone: string
  locations: string[]
}

async function signUp(app: App, name: string): Promise<Practice> {
  const created = await app.request('/api/practices', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      practiceName: name,
      specialty: 'dermatology',
      timeZone: 'America/Chicago',
      ownerName: 'Bench Owner',
      email: `bench-${ulid().toLowerCase()}@example.test`,
      password: 'a long enough password',
    }),
  })
  if (created.status !== 201) throw new Error(`could not create ${name}: ${created.status}`)
  const body = (await created.json()) as { practice: { id: string }; csrfToken: string }
  const cookie = (created.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const practice = { id: body.practice.id, cookie, csrfToken: body.csrfToken }
  const locations: string[] = []
  for (const location of ['North Clinic', 'South Clinic', 'Riverside']) {
    const res = await app.request('/api/locations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': body.csrfToken },
      body: JSON.stringify({ name: location }),
    })
    if (res.status !== 201) throw new Error(`could not add a location: ${res.status}`)
    locations.push(((await res.json()) as { id: string }).id)
  }
  return { ...practice, timeZone: 'America/Chicago', locations }
}

async function getJson(app: App, path: string, cookie: string): Promise<unknown> {
  const res = await app.request(path, { headers: { cookie } })
  const text = await res.text()
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 300)}`)
  return JSON.parse(text)
}

interface Figures {
  count: number
  stars: Record<string, number>
  bySource: { source: string; count: number }[]
  byLocation: { locationId: string; count: number }[]
}

/** The year's figures and the Reviews page's total against what the bench wrote. */
async function check(app: App, practice: Practice, place: Place, tally: ReviewTally) {
  const year = (await getJson(app, requestKinds[0]!.paths(place)[0]!, practice.cookie)) as Figures
  const listed = (await getJson(app, '/api/reviews?limit=25', practice.cookie)) as {
    total: number
    totalCapped: boolean
  }
  const problems: string[] = []
  const same = (what: string, got: unknown, wanted: unknown) => {
    if (JSON.stringify(got) !== JSON.stringify(wanted))
      problems.push(`${what}: ${JSON.stringify(got)}, wrote ${JSON.stringify(wanted)}`)
  }
  same('count', year.count, tally.count)
  same('stars', year.stars, tally.stars)
  same(
    'by source',
    Object.fromEntries(year.bySource.map((s) => [s.source, s.count]).sort()),
    Object.fromEntries([...tally.bySource].sort()),
  )
  same(
    'by location',
    Object.fromEntries(year.byLocation.map((l) => [l.locationId, l.count]).sort()),
    Object.fromEntries([...tally.byLocation].sort()),
  )
  // The page counts up to reviews.countCap ("5,000+ reviews").
  same('GET /api/reviews total', listed.total, Math.min(tally.count, countCap))
  same('GET /api/reviews totalCapped', listed.totalCapped, tally.count >= countCap)
  if (problems.length) throw new Error(`figures of ${tally.count} reviews: ${problems.join('; ')}`)
  return `count ${year.count.toLocaleString('en-US')}, stars, ${year.bySource.length} sources, ${year.byLocation.length} locations, list total`
}

/**
 * The bulk load against the real path: the same reviews through `upsertReviews` and in bulk,
 * under two practice ids of their own; every counter item must be the same.
 */
async function checkBulkLoad(db: Db, now: number, step: (text: string) => void) {
  const who = { timeZone: 'America/Chicago', languages: ['en'] as const }
  const review = (n: number) => benchReview(n, checkSize, now, ['loc-a', 'loc-b', 'loc-c'])
  const readings = await readTexts(who.languages)
  const [real, bulk] = [`bench-upsert-${ulid()}`, `bench-bulk-${ulid()}`]
  step(`reviews dashboard: ${checkSize} reviews through upsertReviews and in bulk, compared`)
  const upserted = await seedReviews(db, { ...who, id: real }, checkSize, review, readings)
  await seedReviews(db, { ...who, id: bulk }, checkSize, review, readings, 'bulk')
  const difference = await sameCounters(db, real, bulk)
  if (difference) throw new Error(`bulk counters differ from upsertReviews': ${difference}`)
  return { reviews: checkSize, upsertSeconds: upserted.seconds, difference }
}

export async function measureReviewsDashboard(
  sizes: number[],
  command: string,
  step: (text: string) => void,
  { warmup = 5, rounds = Number(process.env.BENCH_DASHBOARD_ROUNDS ?? 30) } = {},
): Promise<ReviewsDashboardFigures> {
  const loadAverage = os.loadavg()[0] ?? Number.NaN
  const dynamo = await startDynamoDbLocal()
  try {
    const db = createDb({
      table: `bench-dashboard-${Date.now()}`,
      region: 'us-east-1',
      endpoint: dynamo.endpoint,
    })
    await ensureTable(db)
    const app = createApp({
      // Every practice is signed up from this one process: no per-address limit on sign-ups.
      config: readConfig({ LOG_LEVEL: 'silent', OPEN_DOOR_RATE_LIMIT: '0' }),
      db,
      mailer: outboxMessenger(db),
    })
    const now = Date.now()
    const seedBegan = performance.now()
    const seeded: { practice: Practice; place: Place; seed: Seeded; tally: ReviewTally }[] = []
    const bulkMatchesUpsert = await checkBulkLoad(db, now, step)
    for (const size of sizes) {
      const practice = await signUp(app, `Bench Dashboard ${size}`)
      const stored = await practices.get(db, practice.id)
      if (!stored) throw new Error('the bench practice is not stored')
      const who = { id: practice.id, timeZone: stored.timeZone, languages: stored.languages }
      const readings = await readTexts(stored.languages)
      const review = (n: number) => benchReview(n, size, now, practice.locations)
      const tally = new ReviewTally()
      for (let n = 0; n < size; n++) tally.add(review(n))
      step(`reviews dashboard: seeding ${size.toLocaleString('en-US')} reviews in bulk`)
      const seed = await seedReviews(db, who, size, review, readings, 'bulk')
      step(
        `reviews dashboard: ${seed.items.toLocaleString('en-US')} items in ${seed.seconds.toFixed(1)} s`,
      )
      const place: Place = {
        today: dayOf(new Date(now), practice.timeZone),
        days: (back) => dayOf(new Date(now - back * 86_400_000), practice.timeZone),
        location: practice.locations[0]!,
      }
      seeded.push({ practice, place, seed, tally })
    }
    const seedSeconds = (performance.now() - seedBegan) / 1000

    const checked = new Map<number, string>()
    for (const { practice, place, tally } of seeded) {
      checked.set(tally.count, await check(app, practice, place, tally))
    }

    const samples = new Map<string, number[]>()
    const time = async (kind: RequestKind, s: (typeof seeded)[number], keep: boolean) => {
      const began = performance.now()
      await Promise.all(kind.paths(s.place).map((path) => getJson(app, path, s.practice.cookie)))
      const ms = performance.now() - began
      if (!keep) return
      const key = `${s.tally.count}|${kind.name}`
      samples.set(key, [...(samples.get(key) ?? []), ms])
    }
    // The Reviews page's first page counts every stored review (seconds at 100,000): it gets the
    // last rounds only, and one warm-up, so the bench stays within minutes.
    const listRounds = Math.min(rounds, 10)
    const firstRound = (kind: RequestKind) =>
      kind.reads === 'reviews' ? warmup + rounds - listRounds - 1 : 0
    step(`reviews dashboard: ${warmup} warm-up rounds, then ${rounds} measured`)
    for (let round = 0; round < warmup + rounds; round++) {
      const order = round % 2 === 0 ? seeded : [...seeded].reverse()
      for (const kind of requestKinds) {
        if (round < firstRound(kind)) continue
        for (const s of order) await time(kind, s, round >= warmup && round > firstRound(kind))
      }
      if ((round + 1) % 10 === 0) step(`reviews dashboard: ${round + 1} rounds done`)
    }
    return {
      sizes: seeded.map((s) => ({
        reviews: s.tally.count,
        seeded: s.seed,
        checked: checked.get(s.tally.count) ?? '',
        latency: Object.fromEntries(
          requestKinds.map((kind) => {
            const values = samples.get(`${s.tally.count}|${kind.name}`) ?? []
            return [
              kind.name,
              { p50: median(values), p95: percentile(values, 95), samples: values.length },
            ]
          }),
        ),
      })),
      bulkMatchesUpsert,
      warmup,
      rounds,
      listRounds,
      seedSeconds,
      date: new Date().toISOString().slice(0, 10),
      command,
      loadAverage,
    }
  } finally {
    await dynamo.stop()
  }
}
