import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../functions/src/api/app'
import { demoTimeZone, generateDemo, type Demo } from '../../functions/src/demo/generate'
import { staffStories, storyOfText } from '../../functions/src/demo/staff-stories'
import { isoWeekOf, isoWeekRange, shiftIsoWeek } from '../../functions/src/domain/moments/iso-week'
import type { Db } from '../../functions/src/store/db'
import { Caller, testApp } from '../support/api'
import { testDb } from '../support/db'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db)
})

// A fixed moment (a Wednesday afternoon in Chicago), so these expectations never depend on today.
const now = new Date('2026-03-18T20:30:00Z')
const seed = 20240601

describe('the demo practice’s customer-experience moments', () => {
  let demo: Demo
  beforeAll(async () => {
    demo = await generateDemo({ seed, now })
  })
  const people = () => [
    ...[demo.owner, ...demo.team].map((p) => ({ ...p, kind: 'user' })),
    ...demo.providers.map((p) => ({ ...p, kind: 'provider' })),
  ]

  it('gives every clinician and most staff aliases, and has one staffer who opted out', () => {
    expect(demo.providers.every((p) => p.aliases.length > 0)).toBe(true)
    expect(demo.team.filter((u) => u.aliases.length > 0).length).toBeGreaterThanOrEqual(3)
    expect(demo.team.map((u) => u.role)).toContain('manager')
    expect(
      people()
        .filter((p) => p.featureOptOut)
        .map((p) => p.name),
    ).toEqual(['Kevin Moore'])
    for (const user of demo.team)
      expect(user.email).toMatch(/^demo\+\w{8}-\w+@touchpoint\.invalid$/)
  })

  it('names staff in 5-10% of comments, in praise, failures put right and a few complaints', () => {
    const texts = demo.responses.flatMap((r) =>
      typeof r.answers.improve === 'string' ? [r.answers.improve] : [],
    )
    const named = texts.flatMap((text) => storyOfText.get(text) ?? [])
    expect(named.length / texts.length).toBeGreaterThanOrEqual(0.05)
    expect(named.length / texts.length).toBeLessThanOrEqual(0.1)
    expect(new Set(named.map((s) => s.kind))).toEqual(new Set(['praise', 'recovery', 'complaint']))
    expect(new Set(named.map((s) => s.language))).toEqual(new Set(['en', 'es']))
    const reviews = demo.reviews.flatMap((r) => storyOfText.get(r.text) ?? [])
    expect(reviews.length / demo.reviews.length).toBeGreaterThanOrEqual(0.05)
    expect(reviews.length / demo.reviews.length).toBeLessThanOrEqual(0.18)
    // The opted-out staffer is still praised by patients: the moment must leave those out.
    expect(named.some((s) => s.about === 'kevin')).toBe(true)
    for (const { text } of staffStories) {
      expect(text).not.toMatch(/@|\d{3}[-. ]?\d{4}|\b\d{1,2}\/\d{1,2}\b|https?:/)
    }
  })

  it('has a moment in about 60% of past weeks, from a story naming someone featured', () => {
    const first = isoWeekOf(new Date(demo.responses[0]!.submittedAt), demoTimeZone)
    const thisWeek = isoWeekOf(now, demoTimeZone)
    let past = 0
    for (let week = first; week < thisWeek; week = shiftIsoWeek(week, 1)) past++
    const share = demo.moments.length / past
    expect(share).toBeGreaterThanOrEqual(0.5)
    expect(share).toBeLessThanOrEqual(0.7)
    expect(new Set(demo.moments.map((m) => m.week)).size).toBe(demo.moments.length)
    const texts = new Map([
      ...demo.responses.map((r) => [r.id, r.answers.improve] as const),
      ...demo.reviews.map((r) => [r.id, r.text] as const),
    ])
    const optedOut = new Set(
      people()
        .filter((p) => p.featureOptOut)
        .map((p) => p.id),
    )
    for (const moment of demo.moments) {
      expect(moment.week < thisWeek).toBe(true)
      const text = texts.get(moment.origin!.id.split('.')[1]!)
      expect(storyOfText.get(String(text))?.kind).toMatch(/^(praise|recovery)$/)
      expect(moment.staff.some((ref) => optedOut.has(ref.id))).toBe(false)
      expect(Date.parse(moment.createdAt)).toBeLessThanOrEqual(now.getTime())
      expect(Date.parse(moment.createdAt)).toBeGreaterThan(
        isoWeekRange(moment.week, demoTimeZone).end.getTime(),
      )
    }
    expect(demo.moments.some((m) => m.recognised.length > 0)).toBe(true)
    expect(demo.moments.some((m) => m.origin?.kind === 'review')).toBe(true)
  })

  it('has three colleagues’ “I saw this happen” in the current week so far', () => {
    const week = isoWeekOf(now, demoTimeZone)
    expect(demo.submissions).toHaveLength(3)
    for (const submission of demo.submissions) {
      expect(submission.week).toBe(week)
      expect(Date.parse(submission.submittedAt)).toBeLessThanOrEqual(now.getTime())
      expect(Date.parse(submission.submittedAt)).toBeGreaterThanOrEqual(
        isoWeekRange(week, demoTimeZone).start.getTime(),
      )
      expect(submission.staff.length).toBeGreaterThan(0)
    }
  })
})

describe('POST /api/demo and the moments pages’ data', () => {
  it("has this week's candidates, a history of moments and a recognition wall", async () => {
    const visitor = new Caller(app)
    expect((await visitor.post('/api/demo')).status).toBe(201)
    const team = (await visitor.get('/api/team')).body.members as { id: string; name: string }[]
    const kevin = team.find((u) => u.name === 'Kevin Moore')!
    expect(kevin).toBeDefined()

    const candidates = await visitor.get('/api/moments/candidates')
    expect(candidates.status).toBe(200)
    expect(candidates.body.items.length).toBeGreaterThanOrEqual(3)
    const staffIds = (items: { staff: { id: string }[] }[]) =>
      items.flatMap((c) => c.staff.map((s) => s.id))
    expect(candidates.body.items.filter((c: any) => c.origin.kind === 'staff')).toHaveLength(3)

    const history = await visitor.get('/api/moments')
    expect(history.status).toBe(200)
    expect(history.body.items.length).toBeGreaterThan(3)
    expect(history.body.weeksWithMoment / history.body.weeks).toBeGreaterThan(0.3)
    // A past moment is the candidate a manager saw that week, marked as the week's moment.
    const moment = history.body.items[0]
    const thatWeek = await visitor.get(`/api/moments/candidates?week=${moment.week}`)
    const picked = thatWeek.body.items.find((c: any) => c.momentId === moment.id)
    expect(picked?.origin).toEqual(moment.origin)
    expect(staffIds(thatWeek.body.items)).not.toContain(kevin.id)

    const wall = await visitor.get('/api/recognition')
    expect(wall.status).toBe(200)
    const rows = wall.body.items as { staff: { id: string }; moments: number; mentions: number }[]
    expect(rows.filter((row) => row.moments > 0).length).toBeGreaterThan(1)
    expect(rows.filter((row) => row.mentions > 0).length).toBeGreaterThan(2)
    expect(rows.map((row) => row.staff.id)).not.toContain(kevin.id)
  }, 120_000)
})
