import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../functions/src/api/app'
import { checkInDip, demoTimeZone } from '../../functions/src/demo/generate'
import { addDays } from '../../functions/src/domain/analytics/periods'
import { checkInFixOn } from '../../functions/src/demo/check-in-lift'
import { dayOf } from '../../functions/src/domain/calendar'
import type { Db } from '../../functions/src/store/db'
import { Caller, testApp } from '../support/api'
import { testDb } from '../support/db'

/**
 * The demo practice shows the governance committee at work. Made through `POST /api/demo` at the
 * real "now", since the outcome and the 72-hour clocks are read against today, and read back
 * only through the API, as the visitor's browser reads it.
 */

let db: Db
let app: App
let visitor: Caller
let cases: Record<string, any>[]
const byTitle = (title: string) => cases.find((kase) => kase.title === title)!
const detail = async (title: string) =>
  (await visitor.get(`/api/cases/${byTitle(title).id}`)).body as Record<string, any>

const checkIn = 'Check-in lines at the front desk'
const billing = 'Billing statements patients cannot read'

beforeAll(async () => {
  db = await testDb()
  app = testApp(db)
  visitor = new Caller(app)
  expect((await visitor.post('/api/demo')).status).toBe(201)
  const listed = await visitor.get('/api/cases')
  expect(listed.status).toBe(200)
  cases = listed.body.items
}, 60_000)

describe('the demo’s governance cases', () => {
  it('has three cases: measuring, fix planned, and one open past its 72-hour clock', () => {
    expect(cases.map((kase) => [kase.title, kase.status])).toEqual(
      expect.arrayContaining([
        [checkIn, 'measuring'],
        [billing, 'fix-planned'],
      ]),
    )
    expect(cases).toHaveLength(3)
    const open = cases.filter((kase) => kase.status === 'open')
    expect(open).toHaveLength(1)
    expect(open[0]!.clock.overdue).toBe(true)
    expect(cases.filter((kase) => kase.clock.overdue)).toHaveLength(1)
    expect(Date.now() - Date.parse(open[0]!.openedAt)).toBeGreaterThan(4 * 86400_000)
  })

  it('opens the check-in case from a detractor’s response, with patients’ words about the queue', async () => {
    const kase = await detail(checkIn)
    expect(kase.origin.kind).toBe('response')
    expect(kase.severity).toBe('high')
    expect(kase.evidence.length).toBeGreaterThanOrEqual(4)
    expect(kase.evidence.length).toBeLessThanOrEqual(6)
    expect(kase.evidence.map((e: any) => e.kind)).toEqual(
      expect.arrayContaining(['response', 'review']),
    )
    for (const evidence of kase.evidence)
      expect(evidence.quote).toMatch(/wait|line|check|desk|forms|front|hour|minutes|espera|esper/i)
    const categories = new Set(kase.analysis.causes.map((c: any) => c.category))
    expect(kase.analysis.causes.length).toBeGreaterThanOrEqual(4)
    expect(categories.size).toBeGreaterThanOrEqual(3)
    expect(kase.analysis.causes.filter((c: any) => c.root)).toHaveLength(2)
    const linked = new Set(kase.evidence.map((e: any) => `${e.kind}:${e.id}`))
    for (const cause of kase.analysis.causes) {
      expect(cause.whys.length).toBeGreaterThanOrEqual(2)
      expect(cause.whys.length).toBeLessThanOrEqual(4)
      expect(cause.evidence.length).toBeGreaterThan(0)
      for (const cited of cause.evidence) expect(linked.has(`${cited.kind}:${cited.id}`)).toBe(true)
    }
    expect(kase.fixes.map((f: any) => f.strength).sort()).toEqual(['intermediate', 'stronger'])
    expect(kase.actions.map((a: any) => a.status).sort()).toEqual(['doing', 'done', 'done'])
  })

  it('answers improved, with a shift, for the check-in fix through the outcome route', async () => {
    const kase = await detail(checkIn)
    const stronger = kase.fixes.find((f: any) => f.strength === 'stronger')
    expect(stronger.effectiveOn).toBe(checkInFixOn(dayOf(new Date(), demoTimeZone)))
    const outcome = await visitor.get(`/api/fixes/${stronger.id}/outcome`)
    expect(outcome.status).toBe(200)
    expect(outcome.body.verdict).toBe('improved')
    expect(outcome.body.signals.shift).toBe(true)
    // Above check-in's usual level, not only back from the dip: the baseline's weeks before the
    // dip began, against the weeks since the fix. A believable lift of 10-25 points, not a miracle.
    const dipBegan = new Date(Date.now() - checkInDip.from * 86400_000).toISOString().slice(0, 10)
    const usual = outcome.body.weeks.filter(
      (w: any) => w.phase !== 'after' && w.week < addDays(dipBegan, -7),
    )
    expect(usual.length).toBeGreaterThanOrEqual(4)
    const usualTopBox =
      usual.reduce((sum: number, w: any) => sum + w.k, 0) /
      usual.reduce((sum: number, w: any) => sum + w.n, 0)
    const lift = outcome.body.after.topBox - usualTopBox
    expect(lift).toBeGreaterThan(0.1)
    expect(lift).toBeLessThan(0.25)
  })

  it('gives the billing case only a weaker fix, and Tasha an overdue action and one due tomorrow', async () => {
    const kase = await detail(billing)
    expect(kase.fixes.length).toBeGreaterThan(0)
    expect(kase.fixes.every((f: any) => f.strength === 'weaker')).toBe(true)
    expect(kase.onlyWeakerFixes).toBe(true)
    expect(byTitle(billing).onlyWeaker).toBe(true)
    expect(kase.analysis.causes.length).toBeGreaterThanOrEqual(2)
    // Opened from a review when one fits, else by hand; patients' words about bills either way.
    expect(kase.evidence.length).toBeGreaterThanOrEqual(1)
    if (kase.origin) expect(kase.origin.kind).toBe('review')
    const team = (await visitor.get('/api/team')).body.members as { id: string; name: string }[]
    const tasha = team.find((user) => user.name === 'Tasha Green')!
    const mine = await visitor.get(`/api/actions?owner=${tasha.id}`)
    expect(mine.status).toBe(200)
    const theirs = mine.body.items.filter((a: any) => a.case?.id === kase.id)
    expect(theirs).toHaveLength(2)
    const today = dayOf(new Date(), demoTimeZone)
    const overdue = theirs.filter((a: any) => a.overdue)
    expect(overdue).toHaveLength(1)
    expect(overdue[0].status).toBe('open')
    expect(Date.parse(`${today}T12:00:00Z`) - Date.parse(`${overdue[0].dueOn}T12:00:00Z`)).toBe(
      3 * 86400_000,
    )
    expect(theirs.find((a: any) => !a.overdue).dueOn).toBe(
      new Date(Date.parse(`${today}T12:00:00Z`) + 86400_000).toISOString().slice(0, 10),
    )
  })

  it('keeps a history for every case, in order, starting with its opening', async () => {
    for (const kase of cases) {
      const history = await visitor.get(`/api/cases/${kase.id}/history`)
      expect(history.status).toBe(200)
      const items = history.body.items as { at: string; change: string }[]
      expect(items.length).toBeGreaterThan(0)
      expect(items[0]!.change).toMatch(/^Case opened/)
      const times = items.map((item) => item.at)
      expect(times).toEqual([...times].sort())
    }
    const trail = (await visitor.get(`/api/cases/${byTitle(checkIn).id}/history`)).body.items
    const changes = trail.map((item: any) => item.change).join('\n')
    expect(changes).toMatch(/Status: open → investigating/)
    expect(changes).toMatch(/Status: fix-in-place → measuring/)
    expect(changes).toMatch(/Decision at the committee meeting/)
  })
})

describe('the demo’s committee', () => {
  it('has a charter of its own, with the committee role and a patient representative', async () => {
    const charter = await visitor.get('/api/governance/charter')
    expect(charter.status).toBe(200)
    expect(charter.body.isDefault).toBe(false)
    expect(charter.body.criteria).toMatch(/Sunrise Dermatology/)
    const members = charter.body.members as { kind: string; role: string; name: string }[]
    expect(members.some((m) => m.kind === 'user' && m.role === 'committee')).toBe(true)
    expect(members.some((m) => m.kind === 'guest' && /patient/i.test(m.role))).toBe(true)
  })

  it('met two weeks ago, with minutes and two decisions on the cases, and meets next week', async () => {
    const meetings = await visitor.get('/api/governance/meetings')
    expect(meetings.status).toBe(200)
    const items = meetings.body.items as Record<string, any>[]
    expect(items).toHaveLength(2)
    const today = dayOf(new Date(), demoTimeZone)
    const [next, past] = items
    expect(next!.date > today).toBe(true)
    expect(next!.agendaId).toBe('governance-committee')
    expect(past!.date < today).toBe(true)
    expect(past!.minutes).toEqual(expect.any(String))
    expect(past!.decisions).toHaveLength(2)
    const named = past!.decisions.flatMap((d: any) => d.caseIds)
    expect(new Set(named)).toEqual(new Set([byTitle(checkIn).id, byTitle(billing).id]))
    const minutes = await visitor.get(`/api/governance/meetings/${past!.id}/export.md`)
    expect(minutes.status).toBe(200)
    expect(minutes.body).toMatch(/text-ahead pre-registration/i)
  })
})
