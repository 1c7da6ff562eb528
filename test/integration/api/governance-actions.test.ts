import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import type { Db } from '../../../functions/src/store/db'
import * as actions from '../../../functions/src/store/governance-actions'
import * as fixes from '../../../functions/src/store/governance-fixes'
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

const stronger = {
  title: 'A screen at check-in shows the current wait',
  touchpointId: 'check-in',
  effectiveOn: '2026-11-02',
  strength: 'stronger',
  actionType: 'architectural-change',
}
const weaker = {
  title: 'Remind the desk to announce delays',
  touchpointId: 'check-in',
  effectiveOn: '2026-11-02',
  strength: 'weaker',
  actionType: 'training',
}

async function openCase() {
  const p = await governancePractice(app, db)
  const { id } = (await p.owner.post('/api/cases', handCase())).body
  return { ...p, caseId: id as string }
}

describe('systemic fixes and action items', { timeout: 90_000 }, () => {
  it('adds fixes graded by RCA², nudging while every fix is weaker, and names every wrong field', async () => {
    const p = await openCase()
    const first = await p.committee.member.post(`/api/cases/${p.caseId}/fixes`, weaker)
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({ ...weaker, caseId: p.caseId, id: expect.any(String) })
    let detail = (await p.owner.get(`/api/cases/${p.caseId}`)).body
    expect(detail.onlyWeakerFixes).toBe(true)
    expect((await p.owner.get('/api/cases')).body.items[0].onlyWeaker).toBe(true)
    expect((await p.owner.post(`/api/cases/${p.caseId}/fixes`, stronger)).status).toBe(201)
    detail = (await p.owner.get(`/api/cases/${p.caseId}`)).body
    expect(detail.onlyWeakerFixes).toBe(false)
    expect(detail.fixes).toHaveLength(2)

    const mismatched = await p.owner.post(`/api/cases/${p.caseId}/fixes`, {
      ...stronger,
      strength: 'weaker',
    })
    expect(mismatched.status).toBe(400)
    expect(mismatched.body.errors).toEqual([
      { field: 'strength', message: 'RCA² rates architectural-change as stronger' },
    ])
    const bad = await p.owner.post(`/api/cases/${p.caseId}/fixes`, {
      title: '',
      touchpointId: 'Check In',
      effectiveOn: '2026-13-40',
      strength: 'strong',
      actionType: 'prayer',
    })
    expect(bad.status).toBe(400)
    expect(fields(bad.body)).toEqual([
      'actionType',
      'effectiveOn',
      'strength',
      'title',
      'touchpointId',
    ])
    const notInJourney = await p.owner.post(`/api/cases/${p.caseId}/fixes`, {
      ...stronger,
      touchpointId: 'parking',
    })
    expect(notInJourney.status).toBe(400)
    expect(fields(notInJourney.body)).toEqual(['touchpointId'])
    expect((await p.staff.member.post(`/api/cases/${p.caseId}/fixes`, stronger)).status).toBe(403)
    const trail = (await p.owner.get(`/api/cases/${p.caseId}/history`)).body.items
    expect(
      trail
        .filter((i: { what: string }) => i.what === 'fix')
        .map((i: { change: string }) => i.change),
    ).toEqual([
      'Fix added: “Remind the desk to announce delays” (weaker, training), effective 2026-11-02',
      'Fix added: “A screen at check-in shows the current wait” (stronger, architectural-change), effective 2026-11-02',
    ])
  })

  it('changes a fix: its date, its RCA² grade checked against the other, each change in history', async () => {
    const p = await openCase()
    const fix = (await p.owner.post(`/api/cases/${p.caseId}/fixes`, weaker)).body
    const moved = await p.committee.member.patch(`/api/fixes/${fix.id}`, {
      effectiveOn: '2026-11-09',
      description: 'Announced at every half hour',
    })
    expect(moved.status).toBe(200)
    expect(moved.body).toMatchObject({ ...weaker, effectiveOn: '2026-11-09', id: fix.id })
    expect(moved.body.description).toBe('Announced at every half hour')
    expect((await p.owner.get(`/api/cases/${p.caseId}`)).body.onlyWeakerFixes).toBe(true)

    // Only the action type: RCA² rates a forcing function stronger, so the grade must come too.
    const halfGraded = await p.owner.patch(`/api/fixes/${fix.id}`, {
      actionType: 'forcing-function',
    })
    expect(halfGraded.status).toBe(400)
    expect(halfGraded.body.errors).toEqual([
      { field: 'strength', message: 'RCA² rates forcing-function as stronger' },
    ])
    const regraded = await p.owner.patch(`/api/fixes/${fix.id}`, {
      actionType: 'forcing-function',
      strength: 'stronger',
      description: null,
    })
    expect(regraded.status).toBe(200)
    expect(regraded.body.strength).toBe('stronger')
    expect(regraded.body.description).toBeUndefined()
    expect((await p.owner.get(`/api/cases/${p.caseId}`)).body.onlyWeakerFixes).toBe(false)

    const bad = await p.owner.patch(`/api/fixes/${fix.id}`, {
      title: '',
      effectiveOn: 'soon',
      touchpointId: 'parking',
    })
    expect(bad.status).toBe(400)
    expect(fields(bad.body)).toEqual(['effectiveOn', 'title'])
    const notInJourney = await p.owner.patch(`/api/fixes/${fix.id}`, { touchpointId: 'parking' })
    expect(fields(notInJourney.body)).toEqual(['touchpointId'])
    expect((await p.owner.patch(`/api/fixes/${fix.id}`, {})).status).toBe(400)
    expect((await p.staff.member.patch(`/api/fixes/${fix.id}`, { title: 'Mine' })).status).toBe(403)
    expect(
      (await p.owner.patch('/api/fixes/01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B', { title: 'x' })).status,
    ).toBe(404)

    // Two edits from one reading: the second is refused, not silently lost.
    const seen = (await fixes.getFix(db, p.practiceId, fix.id))!
    await fixes.replace(
      db,
      p.practiceId,
      seen,
      { ...seen, title: 'First', updatedAt: new Date().toISOString() },
      {
        at: new Date().toISOString(),
        by: seen.createdBy,
        what: 'fix',
        change: 'First edit',
      },
    )
    await expect(
      fixes.replace(
        db,
        p.practiceId,
        seen,
        { ...seen, title: 'Second' },
        {
          at: new Date().toISOString(),
          by: seen.createdBy,
          what: 'fix',
          change: 'Second edit',
        },
      ),
    ).rejects.toMatchObject({ status: 409, code: 'changed' })

    const trail = (await p.owner.get(`/api/cases/${p.caseId}/history`)).body.items
      .filter((i: { what: string }) => i.what === 'fix')
      .map((i: { change: string }) => i.change)
    expect(trail).toEqual([
      'Fix added: “Remind the desk to announce delays” (weaker, training), effective 2026-11-02',
      'Fix “Remind the desk to announce delays”: description changed, effective 2026-11-02 → 2026-11-09',
      'Fix “Remind the desk to announce delays”: description changed, now stronger, forcing-function (was weaker, training)',
      'First edit',
    ])
  })

  it('adds actions owned by members, for a fix of the case only, and refuses the rest by field', async () => {
    const p = await openCase()
    const fix = (await p.owner.post(`/api/cases/${p.caseId}/fixes`, stronger)).body
    const added = await p.committee.member.post(`/api/cases/${p.caseId}/actions`, {
      title: 'Order the wait screen',
      ownerId: p.staff.userId,
      dueOn: '2026-12-10',
      fixId: fix.id,
    })
    expect(added.status).toBe(201)
    expect(added.body).toMatchObject({
      caseId: p.caseId,
      status: 'open',
      ownerId: p.staff.userId,
      ownerName: 'Sam staff',
      fixId: fix.id,
      notes: [],
    })

    const other = await freshPractice(app, 'Birch Clinic')
    const otherCase = (await p.owner.post('/api/cases', handCase())).body
    const otherFix = (await p.owner.post(`/api/cases/${otherCase.id}/fixes`, stronger)).body
    const foreign = await p.owner.post(`/api/cases/${p.caseId}/actions`, {
      title: 'Someone else does it',
      ownerId: other.ownerId,
      dueOn: '2026-12-10',
      fixId: otherFix.id,
    })
    expect(foreign.status).toBe(400)
    expect(fields(foreign.body)).toEqual(['fixId', 'ownerId'])
    const bad = await p.owner.post(`/api/cases/${p.caseId}/actions`, {
      title: ' ',
      ownerId: 'me',
      dueOn: 'tomorrow',
    })
    expect(bad.status).toBe(400)
    expect(fields(bad.body)).toEqual(['dueOn', 'ownerId', 'title'])
    expect(
      (
        await p.staff.member.post(`/api/cases/${p.caseId}/actions`, {
          title: 'Mine',
          ownerId: p.staff.userId,
          dueOn: '2026-12-10',
        })
      ).status,
    ).toBe(403)
    const openActions = (await p.owner.get('/api/cases')).body.items.find(
      (item: { id: string }) => item.id === p.caseId,
    ).counts.openActions
    expect(openActions).toBe(1)
  })

  it('lets staff tick their own action and add a note, but not change another’s or its date', async () => {
    const p = await openCase()
    const mine = (
      await p.owner.post(`/api/cases/${p.caseId}/actions`, {
        title: 'Put up the delay board',
        ownerId: p.staff.userId,
        dueOn: '2026-12-10',
      })
    ).body
    const theirs = (
      await p.owner.post(`/api/cases/${p.caseId}/actions`, {
        title: 'Rewrite the rota',
        ownerId: p.committee.userId,
        dueOn: '2026-12-11',
      })
    ).body
    expect(
      (await p.staff.member.patch(`/api/actions/${theirs.id}`, { status: 'done' })).status,
    ).toBe(403)
    const moved = await p.staff.member.patch(`/api/actions/${mine.id}`, { dueOn: '2027-01-01' })
    expect(moved.status).toBe(403)
    expect(moved.body.field).toBe('dueOn')
    const doing = await p.staff.member.patch(`/api/actions/${mine.id}`, {
      status: 'doing',
      note: 'Board ordered',
    })
    expect(doing.status).toBe(200)
    expect(doing.body).toMatchObject({
      status: 'doing',
      notes: [{ by: p.staff.userId, text: 'Board ordered' }],
    })
    const done = await p.staff.member.patch(`/api/actions/${mine.id}`, { status: 'done' })
    expect(done.body.status).toBe('done')
    expect(done.body.doneAt).toBeDefined()
    // Done: out of the reminder index.
    expect(
      (await actions.dueOn(db, '2026-12-10')).some((entry) => entry.actionId === mine.id),
    ).toBe(false)
    // The committee changes anything, and a new date moves the reminder.
    const rescheduled = await p.committee.member.patch(`/api/actions/${theirs.id}`, {
      dueOn: '2026-12-15',
      ownerId: p.staff.userId,
      title: 'Rewrite the rota with the desk',
    })
    expect(rescheduled.status).toBe(200)
    expect(rescheduled.body).toMatchObject({ ownerName: 'Sam staff', dueOn: '2026-12-15' })
    expect(
      (await actions.dueOn(db, '2026-12-15')).some((entry) => entry.actionId === theirs.id),
    ).toBe(true)
    const bad = await p.owner.patch(`/api/actions/${theirs.id}`, { status: 'finished', note: '' })
    expect(bad.status).toBe(400)
    expect(fields(bad.body)).toEqual(['note', 'status'])
    expect((await p.owner.patch(`/api/actions/${theirs.id}`, {})).status).toBe(400)
    expect(
      (await p.owner.patch('/api/actions/01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B', { status: 'done' })).status,
    ).toBe(404)

    const trail = (await p.owner.get(`/api/cases/${p.caseId}/history`)).body.items
      .filter((item: { what: string }) => item.what === 'action')
      .map((item: { change: string }) => item.change)
    expect(trail).toEqual([
      'Action added: “Put up the delay board”, owner Sam staff, due 2026-12-10',
      'Action added: “Rewrite the rota”, owner Sam committee, due 2026-12-11',
      'Action “Put up the delay board”: status open → doing, note added',
      'Action “Put up the delay board”: status doing → done',
      'Action “Rewrite the rota”: title changed, owner now Sam staff, due 2026-12-11 → 2026-12-15',
    ])
    expect(JSON.stringify(trail)).not.toContain('Board ordered')
  })

  it("merges a person's case actions and board follow-ups, says which were promoted, and flags overdue", async () => {
    const p = await openCase()
    await p.owner.post(`/api/cases/${p.caseId}/actions`, {
      title: 'Call the screen vendor',
      ownerId: p.staff.userId,
      dueOn: '2020-01-06',
    })
    await p.owner.post(`/api/cases/${p.caseId}/actions`, {
      title: 'Not Sam’s',
      ownerId: p.committee.userId,
      dueOn: '2030-01-06',
    })
    const mine = await p.staff.member.get('/api/actions?owner=me')
    expect(mine.status).toBe(200)
    expect(mine.body.items).toMatchObject([
      {
        source: 'case',
        title: 'Call the screen vendor',
        owner: { id: p.staff.userId, name: 'Sam staff' },
        dueOn: '2020-01-06',
        status: 'open',
        overdue: true,
        case: { id: p.caseId, title: 'Long unexplained waits at check-in' },
      },
      {
        source: 'board',
        id: p.actionId,
        title: 'Post the expected wait at the desk',
        owner: { id: p.staff.userId, name: 'Sam staff' },
        dueOn: '2026-12-20',
        status: 'open',
        board: { id: p.boardId, title: 'New patient books a skin check' },
      },
    ])
    expect(mine.body.items[1].case).toBeUndefined()

    const promoted = await p.owner.post(
      '/api/cases',
      handCase({ origin: { kind: 'board-action', id: p.actionId, boardId: p.boardId } }),
    )
    const after = await p.owner.get(`/api/actions?owner=${p.staff.userId}`)
    expect(after.body.items[1].case).toEqual({
      id: promoted.body.id,
      title: 'Long unexplained waits at check-in',
    })
    const everyone = await p.owner.get('/api/actions')
    expect(everyone.body.items).toHaveLength(3)
    expect((await p.owner.get('/api/actions?status=doing')).body.items).toEqual([])
    expect((await p.owner.get('/api/actions?status=done')).body.items).toEqual([])
    const bad = await p.owner.get('/api/actions?owner=someone&status=late')
    expect(bad.status).toBe(400)
    expect(fields(bad.body)).toEqual(['owner', 'status'])
  })
})
