/**
 * Figure 14, the week's customer-experience candidates: a practice whose week has 2,000 comments
 * (survey responses with text, a tenth of them reviews; praise naming staff, failures put right,
 * complaints, plain comments; English and Spanish: moments-candidates-data.ts), the rest of that
 * week's months filled at the same rate (the candidates read month partitions with the week as a
 * filter, so a month's other weeks are part of the cost), all written in batches into DynamoDB
 * Local. Then `GET /api/moments/candidates?week=` through the Hono app (`app.request`, in
 * process) and, on the same stories, `rankCandidates` alone: median and p95 of N runs after a
 * warm-up. Beside them, the name matcher's precision and recall on the tuning table and on the
 * held-out set, as test/unit/domain/moments/held-out-quality.test.ts scores them.
 * Run alone with `BENCH_ONLY=moments-candidates npm run bench` (BENCH_MOMENTS_COMMENTS, _RUNS).
 */
import os from 'node:os'
import { ulid } from 'ulid'
import { praise } from '../../workshops'
import { createApp } from '../../functions/src/api/app'
import { readConfig } from '../../functions/src/config'
import { demoClinicians, demoStaff } from '../../functions/src/demo/team'
import { rankCandidates } from '../../functions/src/domain/moments/candidates'
import { isoWeekRange } from '../../functions/src/domain/moments/iso-week'
import type { Review } from '../../functions/src/domain/reviews/review'
import type { SurveyResponse } from '../../functions/src/domain/survey-records'
import { commentReader } from '../../functions/src/ingest/comment-reader'
import { startDynamoDbLocal } from '../../functions/src/local/dynamodb-local'
import { outboxMessenger } from '../../functions/src/messaging/outbox'
import { createDb, type Db } from '../../functions/src/store/db'
import { ensureTable } from '../../functions/src/store/ensure-table'
import * as locations from '../../functions/src/store/locations'
import { writeMembers } from '../../functions/src/store/member-batches'
import * as providers from '../../functions/src/store/providers'
import { versionKey, writeResponses } from '../../functions/src/store/response-batches'
import { writeNewReviews } from '../../functions/src/store/review-counters-batch'
import { roster } from '../../functions/src/store/roster'
import * as surveys from '../../functions/src/store/surveys'
import { weekStories } from '../../functions/src/store/week-stories'
import {
  fixture,
  heldOutRoster,
  rows,
  scoreMentions,
  tuningRoster,
  tuningRows,
  type MentionRow,
  type MentionScore,
} from '../unit/domain/moments/mention-quality'
import { mix, weekComments, type Kind, type WeekComment } from './moments-candidates-data'

export interface Timing {
  medianMs: number
  p95Ms: number
  runs: number
}

export interface MomentsCandidatesFigures {
  week: string
  comments: number
  reviews: number
  spanish: number
  kinds: Record<string, number>
  /** Comments in the rest of the week's months (read and filtered out). */
  monthComments: number
  seedSeconds: number
  stories: number
  candidates: number
  named: number
  recoveries: number
  api: Timing
  rank: Timing
  reads: Timing
  tuning: MentionScore
  heldOut: MentionScore
  date: string
  command: string
  loadAverage: number
}

export const momentsCandidatesHeading = '## Customer-experience candidates (figure 14)'

const timeZone = 'America/Chicago'
/** A fixed week inside one month (Monday 5 to Sunday 11 October 2026), so every run reads alike. */
const week = '2026-W41'
const warmups = 2
const sentiment = async (text: string, language: 'en' | 'es') =>
  (await commentReader.analyze(text, language)).sentiment

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
async function timed(runs: number, work: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < warmups; i++) await work()
  const ms: number[] = []
  for (let i = 0; i < runs; i++) {
    const began = performance.now()
    await work()
    ms.push(performance.now() - began)
  }
  ms.sort((a, b) => a - b)
  return { medianMs: quantile(ms, 0.5), p95Ms: quantile(ms, 0.95), runs }
}

/** The practice, its clinics, the demo's team (with aliases and one opt-out) and a pulse survey. */
async function practiceWithTeam(app: ReturnType<typeof createApp>, db: Db) {
  const created = await app.request('/api/practices', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      practiceName: 'Bench Moments',
      specialty: 'dermatology',
      timeZone,
      ownerName: 'Bench Owner',
      email: `bench-${ulid().toLowerCase()}@example.test`,
      password: 'a long enough password',
    }),
  })
  if (created.status !== 201) throw new Error(`creating the practice answered ${created.status}`)
  const cookie = (created.headers.get('set-cookie') ?? '').split(';')[0]!
  const me = (await (await app.request('/api/me', { headers: { cookie } })).json()) as {
    practice: { id: string; timeZone: string; languages: ('en' | 'es')[] }
    csrfToken: string
  }
  const headers = { cookie, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' }
  const survey = await app.request('/api/surveys', {
    method: 'POST',
    headers,
    body: JSON.stringify({ templateId: 'visit-pulse' }),
  })
  const surveyId = ((await survey.json()) as { id: string }).id
  const published = await app.request(`/api/surveys/${surveyId}/publish`, {
    method: 'POST',
    headers,
    body: '{}',
  })
  if (published.status !== 200) throw new Error(`publishing answered ${published.status}`)
  const practiceId = me.practice.id
  const location = { id: ulid(), name: 'Bench Clinic', address: '1 Example Street' }
  await locations.create(db, practiceId, location)
  for (const person of demoClinicians) {
    await providers.create(db, practiceId, {
      id: ulid(),
      name: person.name,
      title: 'MD',
      locationIds: [location.id],
      aliases: [...person.aliases],
      featureOptOut: person.featureOptOut,
    })
  }
  const team = demoStaff.map((person) => ({
    id: ulid(),
    practiceId,
    name: person.name,
    email: `bench-${ulid().toLowerCase()}@example.test`,
    role: person.role,
    createdAt: new Date().toISOString(),
    aliases: [...person.aliases],
    featureOptOut: person.featureOptOut,
  }))
  await writeMembers(db, practiceId, team, 'not-a-real-hash')
  const version = await surveys.getVersion(db, practiceId, surveyId, 1)
  return { cookie, practice: { ...me.practice, id: practiceId }, surveyId, version, location }
}

/** Spread `list` over [start, end), each at its own instant. */
function times(count: number, start: number, end: number): number[] {
  return Array.from(
    { length: count },
    (_, i) => start + Math.floor(((end - start) * (i + 0.5)) / count),
  )
}

export async function measureMomentsCandidates(
  count: number,
  runs: number,
  command: string,
  step: (text: string) => void,
): Promise<MomentsCandidatesFigures> {
  const loadAverage = os.loadavg()[0] ?? Number.NaN
  const dynamo = await startDynamoDbLocal()
  try {
    const db = createDb({
      table: `bench-moments-${Date.now()}`,
      region: 'us-east-1',
      endpoint: dynamo.endpoint,
    })
    await ensureTable(db)
    const app = createApp({
      config: readConfig({ LOG_LEVEL: 'silent' }),
      db,
      mailer: outboxMessenger(db),
    })
    const { cookie, practice, surveyId, version, location } = await practiceWithTeam(app, db)
    if (!version) throw new Error('the published survey has no version 1')

    const { start, end } = isoWeekRange(week, timeZone)
    const inWeek = weekComments(count, 0.1)
    // The rest of October at the same daily rate: read from the same partition, filtered out.
    const monthStart = Date.parse('2026-10-01T05:00:00Z')
    const monthEnd = Date.parse('2026-11-01T05:00:00Z')
    const perMs = count / (end.getTime() - start.getTime())
    const before = weekComments(Math.round(perMs * (start.getTime() - monthStart)), 0.1, 7)
    const after = weekComments(Math.round(perMs * (monthEnd - end.getTime())), 0.1, 8)
    step(
      `moments candidates: seeding ${count.toLocaleString('en-US')} comments in ${week} and ` +
        `${(before.length + after.length).toLocaleString('en-US')} in the rest of its month`,
    )
    const seedBegan = performance.now()
    const placed: [WeekComment, number][] = [
      ...before.map(
        (c, i, all) =>
          [c, times(all.length, monthStart, start.getTime())[i]!] as [WeekComment, number],
      ),
      ...inWeek.map(
        (c, i, all) =>
          [c, times(all.length, start.getTime(), end.getTime())[i]!] as [WeekComment, number],
      ),
      ...after.map(
        (c, i, all) => [c, times(all.length, end.getTime(), monthEnd)[i]!] as [WeekComment, number],
      ),
    ]
    const readings = new Map<string, Awaited<ReturnType<typeof commentReader.analyze>>>()
    const responses: SurveyResponse[] = []
    const reviews: Review[] = []
    for (const [comment, at] of placed) {
      const key = `${comment.language} ${comment.text}`
      if (!readings.has(key))
        readings.set(key, await commentReader.analyze(comment.text, comment.language))
      const reading = readings.get(key)!
      const iso = new Date(at).toISOString()
      if (comment.review) {
        reviews.push({
          id: ulid(at),
          source: 'google',
          externalId: `bench/${ulid(at)}`,
          locationId: location.id,
          stars: Math.max(1, Math.round(comment.score / 2)),
          text: comment.text,
          createdAt: iso,
          updatedAt: iso,
          origin: 'sync',
          removed: false,
          sentiment: reading.sentiment,
          themes: [...reading.themes],
        })
      } else {
        responses.push({
          id: ulid(at),
          surveyId,
          version: 1,
          language: comment.language,
          answers: { recommend: comment.score, improve: comment.text },
          location: location.id,
          submittedAt: iso,
          sentiment: reading.sentiment,
          themes: [...reading.themes],
        })
      }
    }
    await writeResponses(db, {
      practiceId: practice.id,
      timeZone,
      definitions: new Map([[versionKey(surveyId, 1), version.definition]]),
      responses,
    })
    await writeNewReviews(db, practice.id, timeZone, reviews)
    const seedSeconds = (performance.now() - seedBegan) / 1000

    step(
      `moments candidates: GET /api/moments/candidates?week=${week}, ${warmups} warm-ups and ${runs} runs`,
    )
    let answer: { items: { staff: unknown[]; recovery: boolean }[] } | undefined
    const api = await timed(runs, async () => {
      const res = await app.request(`/api/moments/candidates?week=${week}`, { headers: { cookie } })
      if (res.status !== 200)
        throw new Error(`candidates answered ${res.status}: ${await res.text()}`)
      answer = (await res.json()) as typeof answer
    })
    const people = await roster(db, practice.id)
    const stories = await weekStories(db, practice, week, { start, end })
    step(
      `moments candidates: the week's reads alone, then rankCandidates alone on its ${stories.length} stories`,
    )
    const reads = await timed(runs, () => weekStories(db, practice, week, { start, end }))
    let ranked = 0
    const rank = await timed(runs, async () => {
      ranked = (await rankCandidates(stories, { people, lexicon: praise, sentiment })).length
    })
    if (ranked !== answer!.items.length) {
      throw new Error(`rankCandidates found ${ranked}, the API ${answer!.items.length}`)
    }
    const kinds = Object.fromEntries(mix.map(([kind]) => [kind, 0])) as Record<Kind, number>
    for (const c of inWeek) kinds[c.kind]++
    return {
      week,
      comments: count,
      reviews: inWeek.filter((c) => c.review).length,
      spanish: inWeek.filter((c) => c.language === 'es').length,
      kinds,
      monthComments: before.length + after.length,
      seedSeconds,
      stories: stories.length,
      candidates: answer!.items.length,
      named: answer!.items.filter((c) => c.staff.length > 0).length,
      recoveries: answer!.items.filter((c) => c.recovery).length,
      api,
      rank,
      reads,
      tuning: scoreMentions(tuningRows, tuningRoster),
      heldOut: scoreMentions(rows<MentionRow>(fixture('mentions-held-out.jsonl')), heldOutRoster),
      date: new Date().toISOString().slice(0, 10),
      command,
      loadAverage,
    }
  } finally {
    await dynamo.stop()
  }
}

const ms = (t: Timing) => `${t.medianMs.toFixed(0)} ms (p95 ${t.p95Ms.toFixed(0)} ms)`
const pr = (s: MentionScore) =>
  `precision **${s.precision.toFixed(3)}**, recall **${s.recall.toFixed(3)}** (${s.truePositives} right, ${s.falsePositives} wrong, ${s.falseNegatives} missed; shared first names flagged ${s.ambiguityFound}/${s.ambiguityExpected})`

export function momentsCandidatesSection(f: MomentsCandidatesFigures): string[] {
  const n = f.comments.toLocaleString('en-US')
  const share = (kind: string) => `${kind} ${f.kinds[kind] ?? 0}`
  return [
    momentsCandidatesHeading,
    '',
    '| # | Figure | Value | What it measures, and how |',
    '|---|---|---|---|',
    `| 14a | **GET /api/moments/candidates** | **${ms(f.api)}** | ${n} comments in ${f.week} (${f.reviews} of them reviews, ${f.spanish} in Spanish), the rest of its month at the same rate (${f.monthComments.toLocaleString('en-US')} more, read and filtered out): \`app.request\` in process, the session and roster reads, the week's month partitions queried with the week as a filter, every story read, ranked and de-identified, the audit record. Median of ${f.api.runs} runs after ${warmups} warm-ups. |`,
    `| 14b | **rankCandidates alone** | **${ms(f.rank)}** | The same ${f.stories.toLocaleString('en-US')} stories, already read from the table: the name matcher, the sentiment of the stories that name someone or turn ("but…"), praise themes, ranking and de-identification. |`,
    `| 14c | The week's reads alone | ${ms(f.reads)} | \`weekStories\`: the month partitions of responses and reviews, filtered to the week, and the colleagues' stories. |`,
    `| 14d | Candidates | **${f.candidates}** (${f.named} naming someone, ${f.recoveries} failures put right) | Of the week's mix: ${['named praise', 'named recovery', 'named complaint', 'praise', 'complaint', 'mixed', 'suggestion'].map(share).join(', ')}. Complaints that name someone and stories naming the opted-out staffer are left out. |`,
    `| 14e | Name matching, tuning table | ${pr(f.tuning)} | The ${f.tuning.rows} cases of staff-mentions.test.ts (the table the matcher was written against). |`,
    `| 14f | **Name matching, held-out set** | ${pr(f.heldOut)} | The ${f.heldOut.rows} rows of test/fixtures/moments/mentions-held-out.jsonl, written by someone who had not seen the code; scored as held-out-quality.test.ts does. |`,
    '',
    `- Figure 14 was measured ${f.date} with \`${f.command}\` (DynamoDB Local in memory, one process; seeding the month took ${f.seedSeconds.toFixed(1)} s in batches, not timed above);`,
    `  the 1-minute load average was ${f.loadAverage.toFixed(2)} when it started, on a machine shared with other work.`,
    '',
  ]
}
