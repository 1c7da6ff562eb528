/**
 * Figure 15, "did the fix work?": `GET /api/fixes/{id}/outcome` for a touch point with 1,000
 * and with 1,000,000 responses. The outcome reads the weekly counters of every survey together,
 * so its cost depends on the number of weeks, not of responses: for each size a practice of its
 * own gets a year of weekly and monthly counters (the practice-wide scope and a location's and a
 * provider's, as responses leave them) written straight into DynamoDB Local, the top box of
 * check-in moving from about 40% to about 80% eight weeks ago, and a fix on check-in dated then.
 * Then the route through the Hono app in process (`app.request`), and `weeklyTopBox` alone: p50
 * and p95 of N runs after warm-ups, and the ratio of the large practice's to the small one's.
 * Run alone with `BENCH_ONLY=fix-outcome npm run bench` (BENCH_OUTCOME_SIZES, _RUNS).
 */
import os from 'node:os'
import { BatchWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { ulid } from 'ulid'
import { createApp } from '../../functions/src/api/app'
import { readConfig } from '../../functions/src/config'
import { addDays } from '../../functions/src/domain/analytics/periods'
import { weekOf } from '../../functions/src/domain/calendar'
import type { Fix } from '../../functions/src/domain/governance/fixes'
import { startDynamoDbLocal } from '../../functions/src/local/dynamodb-local'
import { outboxMessenger } from '../../functions/src/messaging/outbox'
import { createDb, type Db } from '../../functions/src/store/db'
import { ensureTable } from '../../functions/src/store/ensure-table'
import { toItem } from '../../functions/src/store/items'
import * as keys from '../../functions/src/store/keys'
import { weeklyTopBox } from '../../functions/src/store/touchpoint-weeks'
import { percentile } from './analytics'

export interface OutcomeTiming {
  p50Ms: number
  p95Ms: number
  runs: number
}

export interface FixOutcomeSize {
  responses: number
  counterItems: number
  verdict: string
  pChart: boolean
  api: OutcomeTiming
  reads: OutcomeTiming
}

export interface FixOutcomeFigures {
  sizes: FixOutcomeSize[]
  weeks: number
  date: string
  command: string
  loadAverage: number
}

export const fixOutcomeHeading = '## Fix outcome (figure 15)'

const timeZone = 'America/Chicago'
const weeksOfData = 52
const fixWeeksAgo = 8
const warmups = 5

/** Each work in turn, `runs` times after warm-ups: one timing per work. */
async function timedInTurn(
  runs: number,
  works: readonly (() => Promise<unknown>)[],
): Promise<OutcomeTiming[]> {
  for (let i = 0; i < warmups; i++) for (const work of works) await work()
  const ms = works.map(() => [] as number[])
  for (let i = 0; i < runs; i++) {
    for (const [w, work] of works.entries()) {
      const began = performance.now()
      await work()
      ms[w]!.push(performance.now() - began)
    }
  }
  return ms.map((samples) => ({
    p50Ms: percentile(samples, 50),
    p95Ms: percentile(samples, 95),
    runs,
  }))
}

/** A practice through the API (its session cookie), as a committee member would have it. */
async function practice(app: ReturnType<typeof createApp>, name: string) {
  const created = await app.request('/api/practices', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      practiceName: name,
      specialty: 'dermatology',
      timeZone,
      ownerName: 'Bench Owner',
      email: `bench-${ulid().toLowerCase()}@example.test`,
      password: 'a long enough password',
    }),
  })
  if (created.status !== 201) throw new Error(`creating the practice answered ${created.status}`)
  const body = (await created.json()) as { practice: { id: string }; user: { id: string } }
  const cookie = (created.headers.get('set-cookie') ?? '').split(';')[0]!
  return { practiceId: body.practice.id, ownerId: body.user.id, cookie }
}

/** Split `total` into `parts` whole numbers as even as they can be. */
const spread = (total: number, parts: number) =>
  Array.from(
    { length: parts },
    (_, i) => Math.floor(((i + 1) * total) / parts) - Math.floor((i * total) / parts),
  )

/** One week's counter values: `n` pulse responses, `share` of them rating check-in 4 or 5. */
function weekValues(n: number, share: number): Record<string, number> {
  const top = Math.round(n * share)
  const [five, four] = spread(top, 2) as [number, number]
  const [three, two, one] = spread(n - top, 3) as [number, number, number]
  const [promoters, passives] = spread(top, 2) as [number, number]
  const values: Record<string, number> = {
    responses: n,
    'q.recommend.n': n,
    'nps.v.10': promoters,
    'nps.v.8': passives,
    'nps.v.5': n - top,
    'q.check-in.n': n,
    'tp.check-in.n': n,
    'tp.check-in.v.5': five,
    'tp.check-in.v.4': four,
    'tp.check-in.v.3': three,
    'tp.check-in.v.2': two,
    'tp.check-in.v.1': one,
    // Other touch points the pulse rates sit in the same items.
    'tp.visit.n': n,
    'tp.visit.v.5': n,
    'tp.booking.n': n,
    'tp.booking.v.4': n,
  }
  return values
}

/**
 * A year of counters for `responses` responses, as `counters.keysMovedBy` lays them out: the
 * survey's and `*`, weekly and monthly, for the practice, one location and one provider.
 */
async function writeCounters(db: Db, practiceId: string, responses: number, thisWeek: string) {
  const surveyId = ulid()
  const scopes: keys.CounterScope[] = ['all', `L#${ulid()}`, `V#${ulid()}`]
  const perWeek = spread(responses, weeksOfData)
  const items = new Map<string, Record<string, unknown>>()
  const add = (key: keys.Key, values: Record<string, number>) => {
    const id = `${key.pk} ${key.sk}`
    const item = items.get(id) ?? { ...key }
    for (const [name, count] of Object.entries(values))
      item[name] = ((item[name] as number) ?? 0) + count
    items.set(id, item)
  }
  perWeek.forEach((n, i) => {
    const ago = weeksOfData - 1 - i
    const week = addDays(thisWeek, -7 * ago)
    const values = weekValues(n, ago < fixWeeksAgo ? 0.8 : 0.4)
    for (const survey of [surveyId, '*']) {
      for (const scope of scopes) {
        add(keys.counter(practiceId, survey, 'W', scope, week), values)
        add(keys.counter(practiceId, survey, 'M', scope, week.slice(0, 7)), values)
      }
    }
  })
  const all = [...items.values()]
  for (let i = 0; i < all.length; i += 25) {
    await db.client.send(
      new BatchWriteCommand({
        RequestItems: {
          [db.table]: all.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
        },
      }),
    )
  }
  return all.length
}

export async function measureFixOutcome(
  sizes: number[],
  runs: number,
  command: string,
  step: (text: string) => void,
): Promise<FixOutcomeFigures> {
  const loadAverage = os.loadavg()[0] ?? Number.NaN
  const dynamo = await startDynamoDbLocal()
  try {
    const db = createDb({
      table: `bench-outcome-${Date.now()}`,
      region: 'us-east-1',
      endpoint: dynamo.endpoint,
    })
    await ensureTable(db)
    const app = createApp({
      config: readConfig({ LOG_LEVEL: 'silent' }),
      db,
      mailer: outboxMessenger(db),
    })
    const thisWeek = weekOf(new Date(), timeZone)
    const seeded = []
    for (const responses of sizes) {
      const owner = await practice(app, `Bench Outcome ${responses}`)
      step(`fix outcome: a year of counters for ${responses.toLocaleString('en-US')} responses`)
      const counterItems = await writeCounters(db, owner.practiceId, responses, thisWeek)
      const now = new Date().toISOString()
      const fix: Fix = {
        id: ulid(),
        caseId: ulid(),
        version: 1,
        title: 'Check-in kiosk',
        touchpointId: 'check-in',
        effectiveOn: addDays(thisWeek, -7 * fixWeeksAgo),
        strength: 'stronger',
        actionType: 'forcing-function',
        createdBy: owner.ownerId,
        createdAt: now,
        updatedAt: now,
      }
      await db.client.send(
        new PutCommand({
          TableName: db.table,
          Item: toItem(keys.fix(owner.practiceId, fix.id), 'fix', fix),
        }),
      )
      const answers: { verdict: string; pChart?: unknown }[] = []
      const outcome = async () => {
        const res = await app.request(`/api/fixes/${fix.id}/outcome`, {
          headers: { cookie: owner.cookie },
        })
        if (res.status !== 200)
          throw new Error(`the outcome answered ${res.status}: ${await res.text()}`)
        answers.push((await res.json()) as { verdict: string; pChart?: unknown })
      }
      const read = () =>
        weeklyTopBox(db, owner.practiceId, 'check-in', addDays(fix.effectiveOn, -7 * 13), thisWeek)
      seeded.push({ responses, counterItems, answers, outcome, read })
    }
    // The sizes take turns, request by request, so a busy moment of the machine (or the JVM
    // warming up) falls on each alike rather than on whichever is measured first.
    step(
      `fix outcome: GET /api/fixes/{id}/outcome and weeklyTopBox, ${warmups} warm-ups and ${runs} runs each, sizes in turn`,
    )
    const api = await timedInTurn(
      runs,
      seeded.map((size) => size.outcome),
    )
    const reads = await timedInTurn(
      runs,
      seeded.map((size) => size.read),
    )
    const results: FixOutcomeSize[] = seeded.map((size, i) => ({
      responses: size.responses,
      counterItems: size.counterItems,
      verdict: size.answers.at(-1)!.verdict,
      pChart: size.answers.at(-1)!.pChart !== undefined,
      api: api[i]!,
      reads: reads[i]!,
    }))
    return {
      sizes: results,
      weeks: weeksOfData,
      date: new Date().toISOString().slice(0, 10),
      command,
      loadAverage,
    }
  } finally {
    await dynamo.stop()
  }
}

const ms = (t: OutcomeTiming) => `${t.p50Ms.toFixed(1)} / ${t.p95Ms.toFixed(1)} ms`

export function fixOutcomeSection(f: FixOutcomeFigures): string[] {
  const [small, large] = [f.sizes[0], f.sizes.at(-1)]
  const ratio = (pick: (s: FixOutcomeSize) => OutcomeTiming) =>
    small && large
      ? `${(pick(large).p50Ms / pick(small).p50Ms).toFixed(2)} (p95 ${(pick(large).p95Ms / pick(small).p95Ms).toFixed(2)})`
      : 'n/a'
  const whole = (n: number) => n.toLocaleString('en-US')
  return [
    fixOutcomeHeading,
    '',
    '| # | Figure | Value | What it measures, and how |',
    '|---|---|---|---|',
    ...f.sizes.map(
      (s, i) =>
        `| 15${'ab'[i] ?? String(i)} | **GET /api/fixes/{id}/outcome**, ${whole(s.responses)} responses, p50 / p95 | **${ms(s.api)}** (\`weeklyTopBox\` alone ${ms(s.reads)}) | A practice of its own with ${f.weeks} weeks of counters (${whole(s.counterItems)} items: the survey's and all surveys', weekly and monthly, practice, location and provider scopes) written straight into the table, check-in's top box about 40% then about 80% from ${fixWeeksAgo} weeks ago, a fix on check-in dated then. \`app.request\` in process with the owner's session: the session, the fix, one Query of 13 + ${fixWeeksAgo + 1} weekly items, the outcome's arithmetic (verdict \`${s.verdict}\`, p-chart ${s.pChart ? 'drawn' : 'not drawn: most weeks have fewer than 30 answers'}). ${s.api.runs} runs after ${warmups} warm-ups, the sizes taking turns request by request. |`,
    ),
    `| 15c | **Ratio, ${whole(large?.responses ?? 0)} to ${whole(small?.responses ?? 0)} responses** | **${ratio((s) => s.api)}**; \`weeklyTopBox\` ${ratio((s) => s.reads)} | p50 of the large practice over p50 of the small one: about 1 when the answer reads counters, whatever the number of responses behind them. |`,
    '',
    `- Figure 15 was measured ${f.date} with \`${f.command}\` (DynamoDB Local in memory, one process);`,
    `  the 1-minute load average was ${f.loadAverage.toFixed(2)} when it started, on a machine shared with other work.`,
    '',
  ]
}
