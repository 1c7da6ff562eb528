import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import * as audit from '../../../functions/src/store/audit'
import type { Db } from '../../../functions/src/store/db'
import { freshPractice, testApp } from '../../support/api'
import { testDb } from '../../support/db'
import { governancePractice, handCase } from '../../support/governance'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db, { PUBLIC_SUBMIT_RATE_LIMIT: '0', LOG_LEVEL: 'error' })
})

const fields = (body: { errors?: { field: string }[] }) =>
  (body.errors ?? []).map((error) => error.field).sort()

// Each test makes a practice with a survey, a response and a board: slow on a busy machine.
describe('governance cases', { timeout: 90_000 }, () => {
  it("opens a case from a detractor's response, with its words redacted as first evidence", async () => {
    const p = await governancePractice(app, db)
    const opened = await p.committee.member.post(
      '/api/cases',
      handCase({ origin: { kind: 'response', id: p.responseId } }),
    )
    expect(opened.status).toBe(201)
    expect(opened.body).toMatchObject({
      status: 'open',
      origin: { kind: 'response', id: p.responseId },
      clock: { started: false, overdue: false, hoursLeft: 72 },
    })
    expect(Date.parse(opened.body.clock.dueAt) - Date.parse(opened.body.openedAt)).toBe(
      72 * 3600_000,
    )

    const detail = await p.staff.member.get(`/api/cases/${opened.body.id}`)
    expect(detail.status).toBe(200)
    expect(detail.body.evidence).toHaveLength(1)
    const [evidence] = detail.body.evidence
    expect(evidence).toMatchObject({ kind: 'response', id: p.responseId, patientWords: true })
    expect(evidence.source).toMatch(/^Patient comment · \d{4}-\d{2}-\d{2}$/)
    for (const identifier of ['Jennifer', 'Walsh', '555-010-0199', '11/24/2026'])
      expect(evidence.quote).not.toContain(identifier)
    expect(evidence.quote).toContain('Sam staff at the desk was kind')
    expect(detail.body.analysis.categories).toEqual([
      'People',
      'Process',
      'Policy',
      'Place',
      'Technology and equipment',
      'Communication',
      'Patient factors',
    ])
    expect(detail.body.analysis.causes).toEqual([])
    expect(detail.body).toMatchObject({ fixes: [], actions: [], onlyWeakerFixes: false })
    // Check-in's first theme; the comment was read as negative and about waiting.
    expect(detail.body.support).toMatchObject({ patients: 1, themeId: 'wait-time' })
    expect(detail.body.support.weeks).toHaveLength(13)
    expect(detail.body.support.negative).toBeGreaterThanOrEqual(1)
    expect(detail.body.support.mentions).toBe(1)
    expect(detail.body.support.share).toBeGreaterThan(0)
  })

  it('claims an origin once: two concurrent opens give one 201 and one 409 naming the case', async () => {
    const p = await governancePractice(app, db)
    const body = handCase({ origin: { kind: 'response', id: p.responseId } })
    const answers = await Promise.all([
      p.owner.post('/api/cases', body),
      p.committee.member.post('/api/cases', body),
    ])
    const statuses = answers.map((answer) => answer.status).sort()
    expect(statuses).toEqual([201, 409])
    const winner = answers.find((answer) => answer.status === 201)!
    const loser = answers.find((answer) => answer.status === 409)!
    expect(loser.headers.get('content-type')).toBe('application/problem+json')
    expect(loser.body).toMatchObject({
      type: expect.stringContaining('case-exists'),
      field: 'origin',
    })
    expect(loser.body.detail).toContain(winner.body.id)
    expect((await p.owner.get('/api/cases')).body.items).toHaveLength(1)
  })

  it('promotes a board action to a case with its note as evidence, and names every wrong field', async () => {
    const p = await governancePractice(app, db)
    const promoted = await p.owner.post(
      '/api/cases',
      handCase({ origin: { kind: 'board-action', id: p.actionId, boardId: p.boardId } }),
    )
    expect(promoted.status).toBe(201)
    const detail = await p.owner.get(`/api/cases/${promoted.body.id}`)
    expect(detail.body.evidence).toMatchObject([
      { kind: 'board-note', id: p.noteId, boardId: p.boardId, patientWords: false },
    ])
    expect(detail.body.support.patients).toBe(0)

    const bad = await p.owner.post('/api/cases', {
      title: '',
      touchpointId: 'Check In',
      severity: 'dire',
      origin: { kind: 'review', id: 'nope' },
    })
    expect(bad.status).toBe(400)
    expect(bad.headers.get('content-type')).toBe('application/problem+json')
    expect(fields(bad.body)).toEqual([
      'description',
      'origin.id',
      'severity',
      'title',
      'touchpointId',
    ])

    // Well formed, but not this practice's: each id named.
    const other = await freshPractice(app, 'Birch Clinic')
    const foreignLocation = (await other.owner.post('/api/locations', { name: 'Birch North' })).body
    const notOurs = await p.owner.post(
      '/api/cases',
      handCase({
        touchpointId: 'no-such-step',
        locationId: foreignLocation.id,
        origin: { kind: 'response', id: '2026-11.01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B' },
      }),
    )
    expect(notOurs.status).toBe(400)
    expect(fields(notOurs.body)).toEqual(['locationId', 'origin.id', 'touchpointId'])
  })

  it('lists cases with filters, counts and a cursor', async () => {
    const p = await governancePractice(app, db)
    const ids: string[] = []
    for (const touchpointId of ['check-in', 'billing', 'check-in']) {
      ids.push((await p.owner.post('/api/cases', handCase({ touchpointId }))).body.id)
    }
    await p.owner.patch(`/api/cases/${ids[0]}`, { status: 'investigating' })
    const first = await p.staff.member.get('/api/cases?limit=2')
    expect(first.status).toBe(200)
    expect(first.body.items.map((item: { id: string }) => item.id)).toEqual([ids[2], ids[1]])
    expect(first.body.items[0]).toMatchObject({
      clock: { started: false },
      counts: { evidence: 0, patientWords: 0, causes: 0, rootCauses: 0, fixes: 0, openActions: 0 },
      onlyWeaker: false,
    })
    const second = await p.staff.member.get(`/api/cases?limit=2&cursor=${first.body.nextCursor}`)
    expect(second.body.items.map((item: { id: string }) => item.id)).toEqual([ids[0]])
    expect(second.body.nextCursor).toBeUndefined()
    expect(second.body.items[0].clock).toMatchObject({ started: true, overdue: false })

    const checkIn = await p.owner.get('/api/cases?touchpoint=check-in')
    expect(checkIn.body.items.map((item: { id: string }) => item.id)).toEqual([ids[2], ids[0]])
    const investigating = await p.owner.get('/api/cases?status=investigating')
    expect(investigating.body.items.map((item: { id: string }) => item.id)).toEqual([ids[0]])
    const bad = await p.owner.get('/api/cases?status=lost&limit=0&cursor=x')
    expect(bad.status).toBe(400)
    expect(fields(bad.body)).toEqual(['cursor', 'limit', 'status'])
  })

  it('moves a case along the workflow, refuses illegal moves with 409, dismisses and reopens', async () => {
    const p = await governancePractice(app, db)
    const { id } = (await p.owner.post('/api/cases', handCase())).body
    const move = (status: string, extra: Record<string, unknown> = {}) =>
      p.committee.member.patch(`/api/cases/${id}`, { status, ...extra })

    for (const illegal of ['fix-planned', 'fix-in-place', 'measuring', 'closed']) {
      const refused = await move(illegal)
      expect(refused.status, illegal).toBe(409)
      expect(refused.headers.get('content-type')).toBe('application/problem+json')
      expect(refused.body).toMatchObject({
        type: expect.stringContaining('illegal-transition'),
        field: 'status',
      })
    }
    const started = await move('investigating')
    expect(started.status).toBe(200)
    expect(started.body.reviewStartedAt).toBeDefined()
    expect(started.body.clock).toMatchObject({ started: true, overdue: false, hoursLeft: null })
    // A plan needs a fix first.
    expect((await move('fix-planned')).body.detail).toContain('Add a systemic fix')
    const fix = await p.owner.post(`/api/cases/${id}/fixes`, {
      title: 'Show the wait on a screen at check-in',
      touchpointId: 'check-in',
      effectiveOn: '2026-11-02',
      strength: 'stronger',
      actionType: 'forcing-function',
    })
    expect(fix.status).toBe(201)
    for (const step of ['fix-planned', 'fix-in-place', 'measuring', 'closed']) {
      const moved = await move(step)
      expect(moved.status, step).toBe(200)
      expect(moved.body.status).toBe(step)
    }
    const closed = (await p.owner.get(`/api/cases/${id}`)).body
    expect(closed.closedAt).toBeDefined()
    expect((await move('dismissed', { reason: 'Duplicate' })).status).toBe(409)
    expect((await move('fix-planned')).status).toBe(409)
    const reopened = await move('investigating')
    expect(reopened.status).toBe(200)
    expect(reopened.body.closedAt).toBeUndefined()
    // The review started once: reopening keeps its first start.
    expect(reopened.body.reviewStartedAt).toBe(started.body.reviewStartedAt)

    const noReason = await move('dismissed')
    expect(noReason.status).toBe(409)
    expect(noReason.body.detail).toContain('reason')
    const dismissed = await move('dismissed', { reason: 'Already fixed by the new rota' })
    expect(dismissed.status).toBe(200)
    expect(dismissed.body).toMatchObject({
      status: 'dismissed',
      dismissedReason: 'Already fixed by the new rota',
    })
    expect((await move('investigating')).body.dismissedReason).toBeUndefined()

    const misplacedReason = await p.owner.patch(`/api/cases/${id}`, { reason: 'why' })
    expect(misplacedReason.status).toBe(400)
    expect(fields(misplacedReason.body)).toEqual(['reason'])
  })

  it('shows the review clock running out for a case opened over 72 hours ago', async () => {
    const p = await governancePractice(app, db)
    const { id } = (await p.owner.post('/api/cases', handCase())).body
    const cases = await import('../../../functions/src/store/governance-cases')
    const kase = await cases.getOrThrow(db, p.practiceId, id)
    const longAgo = new Date(Date.now() - 79.5 * 3600_000).toISOString()
    await cases.replace(
      db,
      p.practiceId,
      kase,
      { ...kase, openedAt: longAgo, updatedAt: longAgo },
      {
        at: longAgo,
        by: p.ownerId,
        what: 'case',
        change: 'Test: opened earlier',
      },
    )
    const listed = (await p.owner.get('/api/cases')).body.items[0]
    expect(listed.clock).toMatchObject({ started: false, overdue: true, hoursLeft: -8 })
  })

  it('writes who changed what in the history, without the words', async () => {
    const p = await governancePractice(app, db)
    const { id } = (
      await p.owner.post('/api/cases', handCase({ origin: { kind: 'response', id: p.responseId } }))
    ).body
    await p.committee.member.patch(`/api/cases/${id}`, {
      status: 'investigating',
      severity: 'moderate',
      title: 'Waits at check-in nobody explains',
    })
    await p.committee.member.patch(`/api/cases/${id}`, {
      description: 'Secret words of the committee',
    })
    const trail = await p.staff.member.get(`/api/cases/${id}/history`)
    expect(trail.status).toBe(200)
    expect(trail.body.items.map((item: { change: string }) => item.change)).toEqual([
      'Case opened from a response',
      'Status: open → investigating; severity: high → moderate; edited title',
      'edited description',
    ])
    expect(trail.body.items[0]).toMatchObject({ by: p.ownerId, byName: 'Dana Owner', what: 'case' })
    expect(trail.body.items[1]).toMatchObject({
      by: p.committee.userId,
      byName: 'Sam committee',
      what: 'status',
    })
    expect(JSON.stringify(trail.body)).not.toContain('Secret words')
  })

  it('links, refuses twice and unlinks evidence, redacted, audited, and only for writers', async () => {
    const p = await governancePractice(app, db)
    const { id } = (await p.owner.post('/api/cases', handCase())).body
    const link = (
      caller = p.committee.member,
      body: Record<string, unknown> = { kind: 'response', id: p.responseId },
    ) => caller.post(`/api/cases/${id}/evidence`, body)

    expect((await link(p.staff.member)).status).toBe(403)
    const linked = await link()
    expect(linked.status).toBe(201)
    expect(linked.body).toMatchObject({
      kind: 'response',
      patientWords: true,
      linkedBy: p.committee.userId,
    })
    expect(linked.body.quote).not.toContain('Walsh')
    expect(linked.body.quote).not.toContain('555-010-0199')
    expect(linked.body.quote).toContain('Sam staff')
    const again = await link()
    expect(again.status).toBe(409)
    expect(again.body.type).toContain('evidence-exists')
    const note = await link(p.owner, { kind: 'board-note', id: p.noteId, boardId: p.boardId })
    expect(note.status).toBe(201)
    expect(note.body.source).toBe('Board note · New patient books a skin check')

    const bad = await link(p.owner, { kind: 'board-note', id: 'x' })
    expect(bad.status).toBe(400)
    expect(fields(bad.body)).toEqual(['boardId', 'id'])
    const missing = await link(p.owner, {
      kind: 'review',
      id: '2026-11.01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B',
    })
    expect(missing.status).toBe(404)

    const logged = (await audit.list(db, p.practiceId)).filter((e) => e.action === 'cases.evidence')
    expect(logged).toHaveLength(2)
    expect(logged[0]!.details).toEqual({ caseId: id, kind: 'response', id: p.responseId })

    expect((await p.owner.get(`/api/cases/${id}`)).body.evidence).toHaveLength(2)
    const path = `/api/cases/${id}/evidence/response/${p.responseId}`
    expect((await p.staff.member.delete(path)).status).toBe(403)
    expect((await p.owner.delete(path)).status).toBe(204)
    expect((await p.owner.delete(path)).status).toBe(404)
    expect((await p.owner.get(`/api/cases/${id}`)).body.evidence).toHaveLength(1)
    const changes = (await p.owner.get(`/api/cases/${id}/history`)).body.items.map(
      (item: { change: string }) => item.change,
    )
    expect(changes).toEqual([
      'Case opened',
      'Evidence linked: patient comment',
      'Evidence linked: board note',
      'Evidence unlinked: patient comment',
    ])
  })

  it('lets staff read cases but not open or change them', async () => {
    const p = await governancePractice(app, db)
    expect((await p.staff.member.post('/api/cases', handCase())).status).toBe(403)
    const { id } = (await p.committee.member.post('/api/cases', handCase())).body
    expect((await p.staff.member.get(`/api/cases/${id}`)).status).toBe(200)
    expect((await p.staff.member.get('/api/cases')).status).toBe(200)
    expect(
      (await p.staff.member.patch(`/api/cases/${id}`, { status: 'investigating' })).status,
    ).toBe(403)
    expect((await p.owner.get(`/api/cases/${id}`)).body.status).toBe('open')
    // The committee reads what it needs to work: the journey, the locations, the team.
    for (const path of ['/api/journey', '/api/locations', '/api/team'])
      expect((await p.committee.member.get(path)).status, path).toBe(200)
  })
})
