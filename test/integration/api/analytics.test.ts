import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import type { Db } from '../../../functions/src/store/db'
import { rebuild } from '../../../functions/src/store/counter-rebuild'
import { addMember, Caller, freshPractice, testApp } from '../../support/api'
import { testDb } from '../../support/db'
import { newKey, publishedSurvey, pulseAnswers } from '../../support/surveys'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db, { PUBLIC_SUBMIT_RATE_LIMIT: '0' })
})

/** freshPractice makes practices in this zone; "today" for the analytics is its calendar day. */
const timeZone = 'America/Chicago'

const submit = async (surveyId: string, body: Record<string, unknown>) => {
  const res = await new Caller(app).post(`/api/public/surveys/${surveyId}/responses`, {
    idempotencyKey: newKey(),
    language: 'en',
    ...body,
  })
  if (res.status !== 201) throw new Error(`could not submit: ${JSON.stringify(res.body)}`)
  return res.body as { id: string; submittedAt: string }
}

const query = (params: Record<string, string | undefined>) => {
  const defined = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined)
  return defined.length ? `?${new URLSearchParams(defined)}` : ''
}

// ---- Expectations computed from the raw answers, without the code under test ----

function expectedNps(scores: number[]) {
  const n = scores.length
  const promoters = scores.filter((s) => s >= 9).length
  const detractors = scores.filter((s) => s <= 6).length
  const p = promoters / n
  const d = detractors / n
  return {
    n,
    promoters,
    passives: n - promoters - detractors,
    detractors,
    score: 100 * (p - d),
    marginOfError: 100 * 1.96 * Math.sqrt((p + d - (p - d) ** 2) / n),
  }
}

/** Wilson score interval at 95% (z = 1.959964, the normal quantile). */
function wilson(k: number, n: number): [number, number] {
  const z = 1.959964
  const p = k / n
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n)
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))
  return [centre - half, centre + half]
}

function expectedTouchpoint(values: number[]) {
  const n = values.length
  const top = values.filter((v) => v >= 4).length
  return {
    n,
    mean: values.reduce((a, b) => a + b, 0) / n,
    topBox: top / n,
    topBoxInterval: wilson(top, n),
  }
}

/** The answers given to one question, skipping those who left it out. */
const answersTo = (sent: Record<string, unknown>[], questionId: string) =>
  sent.flatMap((answers) =>
    typeof answers[questionId] === 'number' ? [answers[questionId] as number] : [],
  )

function expectNpsMatches(actual: any, scores: number[]) {
  const want = expectedNps(scores)
  expect(actual).toMatchObject({
    n: want.n,
    promoters: want.promoters,
    passives: want.passives,
    detractors: want.detractors,
  })
  expect(actual.score).toBeCloseTo(want.score, 9)
  expect(actual.marginOfError).toBeCloseTo(want.marginOfError, 9)
}

// ---- Calendar arithmetic of the tests' own, in the practice's zone ----

const todayIn = (zone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date())
const noon = (day: string) => new Date(`${day}T12:00:00Z`)
const plusDays = (day: string, days: number) =>
  new Date(noon(day).getTime() + days * 86_400_000).toISOString().slice(0, 10)
const mondayOf = (day: string) => plusDays(day, -((noon(day).getUTCDay() + 6) % 7))
const monthsBack = (day: string, count: number) => {
  const [y, m] = day.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) - count
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

describe('GET /api/analytics/summary', () => {
  it('equals NPS and touch-point figures computed from the answers sent', async () => {
    const { owner } = await freshPractice(app)
    const { id } = await publishedSurvey(owner)
    const sent = [
      pulseAnswers(10, { booking: 5, 'check-in': 1, visit: 5, billing: 3 }),
      pulseAnswers(9, { booking: 4, 'check-in': 2, visit: 5, records: 1 }),
      pulseAnswers(8, { booking: 3, 'check-in': 3, visit: 5 }),
      pulseAnswers(7, { booking: 2, 'check-in': 4, visit: 4, 'follow-up': 5 }),
      pulseAnswers(6, { booking: 1, 'check-in': 5, visit: 4 }),
      pulseAnswers(3, { booking: 5, 'check-in': 3, visit: 2, billing: 1 }),
      pulseAnswers(0, { booking: 4, 'check-in': 3, visit: 1 }),
    ]
    // Two patients skip the records question: its n is smaller than the others'.
    delete (sent[2] as Record<string, unknown>).records
    delete (sent[4] as Record<string, unknown>).records
    for (const answers of sent) await submit(id, { answers })

    const res = await owner.get('/api/analytics/summary')
    expect(res.status).toBe(200)
    expect(res.body.responses).toBe(sent.length)
    expectNpsMatches(res.body.nps, answersTo(sent, 'recommend'))

    const journey = (await owner.get('/api/journey')).body.touchpoints.map((t: any) => t.id)
    expect(res.body.touchpoints.map((t: any) => t.touchpoint)).toEqual(journey)
    for (const figure of res.body.touchpoints) {
      const values = answersTo(sent, figure.touchpoint)
      if (values.length === 0) {
        // A journey step this survey does not ask about: shown, with nothing measured.
        expect(figure).toMatchObject({ n: 0, mean: null, topBox: null, enough: false })
        continue
      }
      const want = expectedTouchpoint(values)
      expect(figure.n, figure.touchpoint).toBe(want.n)
      expect(figure.mean, figure.touchpoint).toBeCloseTo(want.mean, 9)
      expect(figure.topBox, figure.touchpoint).toBeCloseTo(want.topBox, 9)
      expect(figure.topBoxInterval[0], figure.touchpoint).toBeCloseTo(want.topBoxInterval[0], 6)
      expect(figure.topBoxInterval[1], figure.touchpoint).toBeCloseTo(want.topBoxInterval[1], 6)
    }
    expect(res.body.touchpoints.find((t: any) => t.touchpoint === 'records').n).toBe(5)
    // Nothing compared yet: the previous range had no responses.
    expect(res.body.nps.change.previous).toEqual({ n: 0, value: null, enough: false })
  }, 60_000)

  it('marks figures enough only from the practice’s minimum number of answers', async () => {
    const { owner } = await freshPractice(app)
    const { id } = await publishedSurvey(owner)
    const sent = [10, 9, 9, 4, 8, 10, 2].map((score, i) =>
      // The first two patients skip records: 5 answers there against 7 elsewhere.
      i < 2 ? { ...pulseAnswers(score), records: undefined } : pulseAnswers(score),
    )
    for (const answers of sent) await submit(id, { answers })
    const enoughOf = async () => {
      const { body } = await owner.get('/api/analytics/summary')
      const byId = new Map(body.touchpoints.map((t: any) => [t.touchpoint, t]))
      return {
        minimum: body.minimum,
        nps: body.nps.enough,
        visit: (byId.get('visit') as any).enough,
        records: (byId.get('records') as any).enough,
      }
    }

    // The default minimum is 30.
    expect(await enoughOf()).toEqual({ minimum: 30, nps: false, visit: false, records: false })

    expect((await owner.patch('/api/practice', { minimumResponses: 7 })).status).toBe(200)
    expect(await enoughOf()).toEqual({ minimum: 7, nps: true, visit: true, records: false })

    expect((await owner.patch('/api/practice', { minimumResponses: 5 })).status).toBe(200)
    expect(await enoughOf()).toEqual({ minimum: 5, nps: true, visit: true, records: true })

    expect((await owner.patch('/api/practice', { minimumResponses: 8 })).status).toBe(200)
    expect(await enoughOf()).toEqual({ minimum: 8, nps: false, visit: false, records: false })
  })

  it('counts concurrent submissions and their replays once, as a recount of the responses does', async () => {
    const { owner, practiceId } = await freshPractice(app)
    const { id } = await publishedSurvey(owner)
    const location = (await owner.post('/api/locations', { name: 'North' })).body.id
    const provider = (await owner.post('/api/providers', { name: 'Dr. Ames' })).body.id
    const bodies = Array.from({ length: 10 }, (_, i) => ({
      idempotencyKey: newKey(),
      language: 'en',
      answers: pulseAnswers((i * 3) % 11, { visit: (i % 5) + 1 }),
      ...(i % 2 === 0 && { location }),
      ...(i % 3 === 0 && { provider }),
    }))
    const send = (body: Record<string, unknown>) =>
      new Caller(app).post(`/api/public/surveys/${id}/responses`, body)
    // Each patient's phone sends three times at once, then once more later.
    const concurrent = await Promise.all(
      bodies.flatMap((body) => [send(body), send(body), send(body)]),
    )
    const later = await Promise.all(bodies.map(send))
    expect(concurrent.filter((r) => r.status === 201)).toHaveLength(bodies.length)
    expect(concurrent.filter((r) => r.status === 200)).toHaveLength(2 * bodies.length)
    expect(later.map((r) => r.status)).toEqual(bodies.map(() => 200))

    const summary = (await owner.get('/api/analytics/summary')).body
    expect(summary.responses).toBe(bodies.length)
    expectNpsMatches(
      summary.nps,
      bodies.map((b) => b.answers.recommend),
    )
    const visit = summary.touchpoints.find((t: any) => t.touchpoint === 'visit')
    expect(visit.n).toBe(bodies.length)
    expect(visit.mean).toBeCloseTo(expectedTouchpoint(bodies.map((b) => b.answers.visit)).mean, 9)
    const atNorth = (await owner.get(`/api/analytics/summary?location=${location}`)).body
    expect(atNorth.responses).toBe(bodies.filter((b) => b.location).length)

    const report = await rebuild(db, practiceId, { write: false })
    expect(report.responses).toBe(bodies.length)
    expect(report.differences).toEqual([])
    expect(report.rewritten).toBe(false)
  }, 60_000)
})

describe('analytics filters', () => {
  it('counts only a location’s or a provider’s responses when scoped to it', async () => {
    const { owner } = await freshPractice(app)
    const { id } = await publishedSurvey(owner)
    const north = (await owner.post('/api/locations', { name: 'North' })).body.id
    const south = (await owner.post('/api/locations', { name: 'South' })).body.id
    const ames = (await owner.post('/api/providers', { name: 'Dr. Ames' })).body.id
    // A second provider: a one-provider practice counts every response for its only provider.
    await owner.post('/api/providers', { name: 'Dr. Brook' })
    const sent = [
      { answers: pulseAnswers(10, { visit: 5 }), location: north },
      { answers: pulseAnswers(2, { visit: 1 }), location: north },
      { answers: pulseAnswers(9, { visit: 4 }), location: north, provider: ames },
      { answers: pulseAnswers(5, { visit: 2 }), provider: ames },
      { answers: pulseAnswers(7, { visit: 3 }) },
      { answers: pulseAnswers(8, { visit: 5 }) },
    ]
    for (const body of sent) await submit(id, body)

    const check = async (
      filter: Record<string, string>,
      keep: (b: (typeof sent)[number]) => boolean,
    ) => {
      const res = await owner.get(`/api/analytics/summary${query(filter)}`)
      expect(res.status).toBe(200)
      const mine = sent.filter(keep)
      expect(res.body.responses, JSON.stringify(filter)).toBe(mine.length)
      expectNpsMatches(
        res.body.nps,
        mine.map((b) => b.answers.recommend),
      )
      const visit = res.body.touchpoints.find((t: any) => t.touchpoint === 'visit')
      expect(visit.n).toBe(mine.length)
      expect(visit.mean).toBeCloseTo(expectedTouchpoint(mine.map((b) => b.answers.visit)).mean, 9)
    }
    await check({}, () => true)
    await check({ surveyId: id }, () => true)
    await check({ location: north }, (b) => b.location === north)
    await check({ provider: ames }, (b) => b.provider === ames)

    const empty = await owner.get(`/api/analytics/summary?location=${south}`)
    expect(empty.body.responses).toBe(0)
    expect(empty.body.nps).toMatchObject({ n: 0, score: null, marginOfError: null, enough: false })
  })

  it('refuses a location and a provider at once, and a first day after the last', async () => {
    const { owner } = await freshPractice(app)
    const location = (await owner.post('/api/locations', { name: 'North' })).body.id
    const provider = (await owner.post('/api/providers', { name: 'Dr. Ames' })).body.id

    const both = await owner.get(`/api/analytics/summary?location=${location}&provider=${provider}`)
    expect(both.status).toBe(400)
    expect(both.headers.get('content-type')).toBe('application/problem+json')
    expect(['location', 'provider']).toContain(both.body.field)

    for (const path of ['summary', 'trend', 'heatmap', 'themes']) {
      const reversed = await owner.get(`/api/analytics/${path}?from=2026-03-10&to=2026-03-01`)
      expect(reversed.status, path).toBe(400)
      expect(reversed.headers.get('content-type')).toBe('application/problem+json')
      expect(reversed.body.field, path).toBe('from')
    }
    // Any range up to about three years; longer ones are refused, naming the first day.
    const custom = await owner.get('/api/analytics/summary?from=2026-01-05&to=2026-02-17')
    expect(custom.status).toBe(200)
    expect(custom.body.range).toMatchObject({ from: '2026-01-05' })
    for (const path of ['summary', 'trend', 'heatmap', 'themes']) {
      const long = await owner.get(`/api/analytics/${path}?from=2022-01-01&to=2026-01-01`)
      expect(long.status, path).toBe(400)
      expect(long.body.field, path).toBe('from')
    }
  })

  it('answers 404 for another practice’s survey, location or provider, showing nothing of it', async () => {
    const theirs = await freshPractice(app, 'Lakeside Skin Clinic')
    const { id: theirSurvey } = await publishedSurvey(theirs.owner)
    const theirLocation = (await theirs.owner.post('/api/locations', { name: 'Lakeside East' }))
      .body.id
    const theirProvider = (await theirs.owner.post('/api/providers', { name: 'Dr. Zeller' })).body
      .id
    await submit(theirSurvey, {
      answers: pulseAnswers(10, { improve: 'We waited over an hour and nobody told us why' }),
      location: theirLocation,
      provider: theirProvider,
    })

    const { owner } = await freshPractice(app, 'Hillcrest Dermatology')
    for (const filter of [
      { surveyId: theirSurvey },
      { location: theirLocation },
      { provider: theirProvider },
    ]) {
      for (const path of ['summary', 'trend', 'heatmap', 'themes']) {
        const res = await owner.get(`/api/analytics/${path}${query(filter)}`)
        expect(res.status, `${path} ${JSON.stringify(filter)}`).toBe(404)
        expect(res.headers.get('content-type')).toBe('application/problem+json')
        const text = JSON.stringify(res.body)
        expect(text).not.toContain('Lakeside')
        expect(text).not.toContain(theirs.practiceId)
        expect(text).not.toContain('waited')
      }
    }
    // Its own figures hold none of the other practice's responses.
    const mine = (await owner.get('/api/analytics/summary')).body
    expect(mine.responses).toBe(0)
    expect(mine.comments.n).toBe(0)
    expect((await owner.get('/api/analytics/themes')).body.themes).toEqual([])
    // While the other practice does see its own.
    expect((await theirs.owner.get('/api/analytics/summary')).body.responses).toBe(1)
  })
})

describe('needs attention', () => {
  it('links a touch point to exactly the responses that rated it 1-3, whatever their NPS', async () => {
    const { owner } = await freshPractice(app)
    const { id } = await publishedSurvey(owner)
    const sent = [
      // A promoter unhappy with check-in, and detractors happy with it: NPS must not decide.
      pulseAnswers(10, { 'check-in': 1 }),
      pulseAnswers(9, { 'check-in': 3 }),
      pulseAnswers(8, { 'check-in': 2 }),
      pulseAnswers(2, { 'check-in': 5 }),
      pulseAnswers(0, { 'check-in': 4 }),
      pulseAnswers(6, { 'check-in': 3 }),
      pulseAnswers(10, { 'check-in': 5 }),
    ]
    for (const answers of sent) await submit(id, { answers })

    const summary = (await owner.get('/api/analytics/summary')).body
    const checkIn = summary.touchpoints.find((t: any) => t.touchpoint === 'check-in')
    const low = checkIn.lowCount
    expect(low).toBe(4)
    const listed = await owner.get('/api/responses?touchpoint=check-in&touchpointRating=low')
    expect(listed.status).toBe(200)
    expect(listed.body.total).toBe(low)
    const ratings = listed.body.items.map((r: any) => r.answers['check-in']).sort()
    expect(ratings).toEqual([1, 2, 3, 3])

    const alone = await owner.get('/api/responses?touchpointRating=low')
    expect(alone.status).toBe(400)
    expect(alone.headers.get('content-type')).toBe('application/problem+json')
    expect(alone.body.field).toBe('touchpointRating')
  })
})

describe('GET /api/analytics/trend', () => {
  it('gives one point per week of the range, with n and the NPS of that week', async () => {
    const { owner } = await freshPractice(app)
    const { id } = await publishedSurvey(owner)
    const scores = [10, 9, 3, 8]
    for (const score of scores) await submit(id, { answers: pulseAnswers(score) })
    const today = todayIn(timeZone)
    const from = plusDays(today, -20)
    const weeks: string[] = []
    for (let monday = mondayOf(from); monday <= today; monday = plusDays(monday, 7))
      weeks.push(monday)

    const res = await owner.get(
      `/api/analytics/trend?metric=nps&interval=week&from=${from}&to=${today}`,
    )
    expect(res.status).toBe(200)
    expect(res.body.points.map((p: any) => p.period)).toEqual(weeks)
    for (const point of res.body.points) {
      if (point.period !== mondayOf(today)) {
        expect(point).toMatchObject({ n: 0, value: null, interval: null, enough: false })
        continue
      }
      const want = expectedNps(scores)
      expect(point.n).toBe(scores.length)
      expect(point.value).toBeCloseTo(want.score, 9)
      expect(point.interval[0]).toBeCloseTo(Math.max(-100, want.score - want.marginOfError), 9)
      expect(point.interval[1]).toBeCloseTo(Math.min(100, want.score + want.marginOfError), 9)
    }
  })

  it('sums responses per period to the summary’s count over the same range', async () => {
    const { owner } = await freshPractice(app)
    const { id } = await publishedSurvey(owner)
    for (const score of [1, 5, 9, 10, 7]) await submit(id, { answers: pulseAnswers(score) })
    const today = todayIn(timeZone)
    const range = `from=${plusDays(today, -40)}&to=${today}`
    const trend = (await owner.get(`/api/analytics/trend?metric=responses&interval=week&${range}`))
      .body
    const summary = (await owner.get(`/api/analytics/summary?${range}`)).body
    const total = trend.points.reduce((sum: number, p: any) => sum + p.value, 0)
    expect(summary.responses).toBe(5)
    expect(total).toBe(summary.responses)
    expect(trend.points.map((p: any) => p.period)).toEqual(summary.range.periods)
  })

  it('follows one touch point, and refuses metric=touchpoint without naming it', async () => {
    const { owner } = await freshPractice(app)
    const { id } = await publishedSurvey(owner)
    const visits = [5, 4, 2]
    for (const visit of visits) await submit(id, { answers: pulseAnswers(9, { visit }) })

    const missing = await owner.get('/api/analytics/trend?metric=touchpoint')
    expect(missing.status).toBe(400)
    expect(missing.headers.get('content-type')).toBe('application/problem+json')
    expect(missing.body.field).toBe('touchpoint')

    const res = await owner.get('/api/analytics/trend?metric=touchpoint&touchpoint=visit')
    expect(res.status).toBe(200)
    const current = res.body.points.at(-1)
    expect(current.period).toBe(mondayOf(todayIn(timeZone)))
    expect(current.n).toBe(visits.length)
    expect(current.value).toBeCloseTo(expectedTouchpoint(visits).topBox, 9)
  })
})

describe('comments', () => {
  it('reads a complaint about waiting as negative wait-time, counts it and quotes it without contact details', async () => {
    const { owner } = await freshPractice(app)
    const { id } = await publishedSurvey(owner)
    const complaint = 'We waited over an hour and nobody told us why'
    const withContact =
      'The wait was far too long again. Call me at 555-867-5309 or write to jo.patient@example.com'
    const waited = await submit(id, { answers: pulseAnswers(3, { improve: complaint }) })
    const contact = await submit(id, { answers: pulseAnswers(6, { improve: withContact }) })
    await submit(id, { answers: pulseAnswers(10) })

    const listed = (await owner.get(`/api/responses?surveyId=${id}`)).body.items as any[]
    const byId = new Map(listed.map((item) => [item.id, item]))
    expect(byId.get(waited.id).sentiment.label).toBe('negative')
    expect(byId.get(waited.id).themes).toContain('wait-time')
    expect(byId.get(contact.id).themes).toContain('wait-time')
    const commented = listed.filter((item) => item.sentiment)
    expect(commented).toHaveLength(2)

    const { comments } = (await owner.get('/api/analytics/summary')).body
    const negatives = commented.filter((item) => item.sentiment.label === 'negative').length
    expect(comments.n).toBe(2)
    expect(comments.negative).toBe(negatives)
    expect(comments.positive + comments.neutral + comments.negative).toBe(2)
    expect(comments.themes).toContainEqual({ theme: 'wait-time', n: 2, negative: negatives })

    const themes = (await owner.get('/api/analytics/themes')).body.themes as any[]
    const waitTime = themes.find((t) => t.theme === 'wait-time')
    expect(waitTime).toMatchObject({ n: 2, negative: negatives, touchpoint: 'check-in' })
    expect(waitTime.quotes).toContainEqual({
      responseId: waited.id,
      submittedAt: waited.submittedAt,
      text: complaint,
      sentiment: 'negative',
    })
    const redacted = waitTime.quotes.find((q: any) => q.responseId === contact.id)
    expect(redacted.text).toContain('The wait was far too long again.')
    expect(redacted.text).not.toContain('555-867-5309')
    expect(redacted.text).not.toContain('jo.patient@example.com')
    // The response itself keeps what the patient wrote.
    expect(byId.get(contact.id).answers.improve).toBe(withContact)
  })
})

describe('GET /api/analytics/heatmap', () => {
  it('has one cell per journey touch point per month, each from that month’s answers', async () => {
    const { owner } = await freshPractice(app)
    const { id } = await publishedSurvey(owner)
    const sent = [
      pulseAnswers(9, { booking: 5, billing: 1 }),
      pulseAnswers(9, { booking: 2, billing: 4 }),
    ]
    for (const answers of sent) await submit(id, { answers })
    const today = todayIn(timeZone)
    const months = [monthsBack(today, 2), monthsBack(today, 1), monthsBack(today, 0)]

    const res = await owner.get(
      `/api/analytics/heatmap?interval=month&from=${months[0]}-15&to=${today}`,
    )
    expect(res.status).toBe(200)
    const journey = (await owner.get('/api/journey')).body.touchpoints.map((t: any) => t.id)
    expect(res.body.touchpoints.map((t: any) => t.touchpoint)).toEqual(journey)
    for (const row of res.body.touchpoints) {
      expect(row.cells.map((cell: any) => cell.period)).toEqual(months)
      for (const cell of row.cells) {
        const values = cell.period === months[2] ? answersTo(sent, row.touchpoint) : []
        if (values.length === 0) {
          expect(cell).toMatchObject({ n: 0, mean: null, topBox: null, enough: false })
          continue
        }
        const want = expectedTouchpoint(values)
        expect(cell.n).toBe(want.n)
        expect(cell.mean).toBeCloseTo(want.mean, 9)
        expect(cell.topBox).toBeCloseTo(want.topBox, 9)
      }
    }

    // Without dates: the last twelve months.
    const year = (await owner.get('/api/analytics/heatmap')).body
    expect(year.range.periods).toEqual(
      Array.from({ length: 12 }, (_, i) => monthsBack(today, 11 - i)),
    )
    for (const row of year.touchpoints) expect(row.cells).toHaveLength(12)
  })
})

describe('who may read analytics', () => {
  it('lets staff read the same figures as the owner, and nobody signed out', async () => {
    const { owner } = await freshPractice(app)
    const { id } = await publishedSurvey(owner)
    for (const score of [10, 6]) await submit(id, { answers: pulseAnswers(score) })
    const { member } = await addMember(app, owner, 'staff')

    for (const path of ['summary', 'trend', 'heatmap', 'themes']) {
      const asStaff = await member.get(`/api/analytics/${path}`)
      expect(asStaff.status, path).toBe(200)
      expect(asStaff.body, path).toEqual((await owner.get(`/api/analytics/${path}`)).body)

      const signedOut = await new Caller(app).get(`/api/analytics/${path}`)
      expect(signedOut.status, path).toBe(401)
      expect(signedOut.headers.get('content-type')).toBe('application/problem+json')
    }
    expect((await member.get('/api/analytics/summary')).body.responses).toBe(2)
  })
})
