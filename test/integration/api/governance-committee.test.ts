import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import type { Case } from '../../../functions/src/domain/governance/case'
import type { Db } from '../../../functions/src/store/db'
import * as caseHistory from '../../../functions/src/store/case-history'
import * as actions from '../../../functions/src/store/governance-actions'
import * as cases from '../../../functions/src/store/governance-cases'
import * as fixes from '../../../functions/src/store/governance-fixes'
import { addMember, Caller, freshPractice, testApp } from '../../support/api'
import { testDb } from '../../support/db'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db)
})

const day = (offset: number) => {
  const date = new Date()
  date.setUTCDate(date.getUTCDate() + offset)
  return date.toISOString().slice(0, 10)
}

/** A practice with a committee member, a staffer, and the store's case (the cases API is not ours). */
async function committeePractice(name = 'Alder Clinic') {
  const practice = await freshPractice(app, name)
  const committee = await addMember(app, practice.owner, 'committee')
  const staff = await addMember(app, practice.owner, 'staff')
  return { ...practice, committee, staff }
}

async function storedCase(
  practiceId: string,
  by: string,
  fields: Partial<Case> = {},
): Promise<Case> {
  const at = fields.openedAt ?? new Date().toISOString()
  const kase: Case = {
    id: ulid(),
    version: 1,
    title: 'Waits at check-in are not explained',
    description: 'Mrs Lopez waited 90 minutes and nobody told her why',
    touchpointId: 'check-in',
    severity: 'moderate',
    status: 'open',
    openedAt: at,
    openedBy: by,
    updatedAt: at,
    ...fields,
  }
  await cases.create(db, practiceId, kase, { at, by, what: 'case', change: 'Case opened' })
  return kase
}

describe('the charter', () => {
  it('answers a default, stated as such, with the members: committee, owners and managers, guests', async () => {
    const { owner, committee, staff, ownerId } = await committeePractice()
    const manager = await addMember(app, owner, 'manager')
    const res = await staff.member.get('/api/governance/charter')
    expect(res.status).toBe(200)
    expect(res.body.isDefault).toBe(true)
    expect(res.body.criteria).toMatch(/^How we use what patients tell us/)
    expect(res.body.criteria).toContain('72 hours')
    expect(res.body.updatedAt).toBeUndefined()
    expect(res.body.members).toEqual([
      { kind: 'user', id: committee.userId, name: 'Sam committee', role: 'committee' },
      { kind: 'user', id: ownerId, name: 'Dana Owner', role: 'owner' },
      { kind: 'user', id: manager.userId, name: 'Sam manager', role: 'manager' },
    ])
    expect(JSON.stringify(res.body.members)).not.toContain(staff.userId)
  })

  it('is written by the committee, read by everyone, kept in the trail; staff may not write it', async () => {
    const { committee, staff } = await committeePractice()
    const body = {
      criteria: 'We open a case for every complaint about waiting.',
      guests: [{ name: 'Rosa Díaz', role: 'Patient representative' }],
      cadence: 'Monthly, first Tuesday',
    }
    const refused = await staff.member.request('PUT', '/api/governance/charter', body)
    expect(refused.status).toBe(403)
    expect(refused.headers.get('content-type')).toBe('application/problem+json')
    const put = await committee.member.request('PUT', '/api/governance/charter', body)
    expect(put.status).toBe(200)
    expect(put.body).toMatchObject({ ...body, isDefault: false, updatedBy: committee.userId })
    const read = await staff.member.get('/api/governance/charter')
    expect(read.body).toMatchObject({ ...body, isDefault: false })
    expect(read.body.members.at(-1)).toEqual({
      kind: 'guest',
      name: 'Rosa Díaz',
      role: 'Patient representative',
    })
    await committee.member.request('PUT', '/api/governance/charter', { ...body, cadence: 'Weekly' })
    const trail = await staff.member.get('/api/governance/history')
    expect(trail.status).toBe(200)
    expect(trail.body.items).toEqual([
      expect.objectContaining({ by: committee.userId, what: 'charter', change: 'Charter written' }),
      expect.objectContaining({
        by: committee.userId,
        byName: 'Sam committee',
        what: 'charter',
        change: 'Charter changed: cadence',
      }),
    ])
  })

  it('refuses bad input naming every wrong field', async () => {
    const { owner } = await committeePractice()
    const res = await owner.request('PUT', '/api/governance/charter', {
      criteria: '',
      guests: [{ name: '', role: 'x'.repeat(101) }],
      cadence: 5,
    })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'cadence',
      'criteria',
      'guests.0.name',
      'guests.0.role',
    ])
  })
})

describe('meetings', () => {
  it('are recorded, listed, read and changed by the committee; staff read them only', async () => {
    const { committee, staff, ownerId, practiceId } = await committeePractice()
    const kase = await storedCase(practiceId, ownerId)
    const created = await committee.member.post('/api/governance/meetings', {
      date: '2026-12-01',
      attendees: [committee.userId, ownerId],
      guests: ['Rosa Díaz (patient representative)'],
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      agendaId: 'governance-committee',
      date: '2026-12-01',
      decisions: [],
      createdBy: committee.userId,
    })
    const id = created.body.id as string
    expect(
      (await staff.member.post('/api/governance/meetings', { date: '2026-12-02' })).status,
    ).toBe(403)
    expect(
      (await staff.member.patch(`/api/governance/meetings/${id}`, { minutes: 'x' })).status,
    ).toBe(403)

    const changed = await committee.member.patch(`/api/governance/meetings/${id}`, {
      minutes: 'We walked the check-in desk.',
      decisions: [{ text: 'Put a wait-time board at the desk', caseIds: [kase.id] }],
    })
    expect(changed.status).toBe(200)
    expect(changed.body).toMatchObject({
      minutes: 'We walked the check-in desk.',
      attendees: [committee.userId, ownerId],
      decisions: [{ text: 'Put a wait-time board at the desk', caseIds: [kase.id] }],
    })
    expect((await staff.member.get(`/api/governance/meetings/${id}`)).body).toEqual(changed.body)
    const list = await staff.member.get('/api/governance/meetings')
    expect(list.body.items.map((m: { id: string }) => m.id)).toEqual([id])

    // The decision shows in the case's own history too, and the change in the committee's trail.
    const lines = await caseHistory.list(db, practiceId, kase.id)
    expect(lines.at(-1)).toMatchObject({
      what: 'decision',
      by: committee.userId,
      change: 'Decision at the committee meeting of 2026-12-01: Put a wait-time board at the desk',
    })
    const trail = (await staff.member.get('/api/governance/history')).body.items
    expect(trail.map((line: { change: string }) => line.change)).toEqual([
      'Meeting of 2026-12-01 recorded',
      'Meeting of 2026-12-01 changed: minutes, decisions',
    ])
    expect(trail.every((line: { meetingId: string }) => line.meetingId === id)).toBe(true)
    expect((await committee.member.get(`/api/governance/meetings/${ulid()}`)).status).toBe(404)
  })

  it("refuses bad input naming every field, other practices' people and cases among them", async () => {
    const alder = await committeePractice('Alder Clinic')
    const birch = await committeePractice('Birch Clinic')
    const birchCase = await storedCase(birch.practiceId, birch.ownerId)
    const res = await alder.owner.post('/api/governance/meetings', {
      date: '1 December',
      minutes: '',
      decisions: [{ text: '' }],
    })
    expect(res.status).toBe(400)
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'date',
      'decisions.0.text',
      'minutes',
    ])
    const foreign = await alder.owner.post('/api/governance/meetings', {
      date: '2026-12-01',
      agendaId: 'no-such-agenda',
      attendees: [alder.ownerId, birch.ownerId],
      decisions: [{ text: 'Close it', caseIds: [birchCase.id] }],
    })
    expect(foreign.status).toBe(400)
    expect(foreign.headers.get('content-type')).toBe('application/problem+json')
    expect(foreign.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'agendaId',
      'attendees.1',
      'decisions.0.caseIds.0',
    ])
    expect((await alder.owner.get('/api/governance/meetings')).body.items).toEqual([])
    const empty = await alder.owner.patch(`/api/governance/meetings/${ulid()}`, {})
    expect(empty.status).toBe(400)
  })
})

describe('the Markdown export of a meeting', () => {
  it('holds who came, the agenda, minutes, decisions with their cases, the work due; escaped; no patient words', async () => {
    const { owner, committee, staff, ownerId, practiceId } = await committeePractice()
    const at = new Date().toISOString()
    const titled = await storedCase(practiceId, ownerId, {
      title: '# Not a heading [a](https://evil.example)',
      status: 'investigating',
      reviewStartedAt: at,
    })
    const late = await storedCase(practiceId, ownerId, {
      title: 'Billing letters confuse patients',
      openedAt: new Date(Date.now() - 100 * 3600_000).toISOString(),
    })
    const action = (title: string, dueOn: string) => ({
      id: ulid(),
      caseId: titled.id,
      version: 1 as const,
      title,
      ownerId: committee.userId,
      dueOn,
      status: 'open' as const,
      notes: [],
      createdBy: ownerId,
      createdAt: at,
      updatedAt: at,
    })
    const history = { at, by: ownerId, what: 'action' as const, change: 'Action added' }
    await actions.create(db, practiceId, action('Order the wait-time board', day(1)), history)
    await actions.create(db, practiceId, action('Ask IT about the *kiosk*', day(-3)), history)
    await actions.create(db, practiceId, action('Review in spring', day(90)), history)
    await fixes.create(
      db,
      practiceId,
      {
        id: ulid(),
        caseId: titled.id,
        version: 1,
        title: 'Wait-time board at the desk',
        touchpointId: 'check-in',
        effectiveOn: day(-1),
        strength: 'stronger',
        actionType: 'architectural-change',
        createdBy: ownerId,
        createdAt: at,
        updatedAt: at,
      },
      { at, by: ownerId, what: 'fix', change: 'Fix added' },
    )
    const meeting = await owner.post('/api/governance/meetings', {
      date: day(0),
      attendees: [ownerId, committee.userId],
      guests: ['Rosa Díaz (patient representative)'],
      minutes: 'First line\n# second line\n\n1. third <b>line</b>',
      decisions: [{ text: '[Adopt](https://evil.example) the board', caseIds: [titled.id] }],
    })
    expect(meeting.status).toBe(201)

    const res = await staff.member.get(`/api/governance/meetings/${meeting.body.id}/export.md`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="governance-meeting-${day(0)}.md"`,
    )
    const md = res.body as string
    expect(md.startsWith(`# Governance committee meeting, ${day(0)}\n`)).toBe(true)
    expect(md).toContain('- Dana Owner (owner)\n- Sam committee (committee)\n')
    expect(md).toContain('- Rosa Díaz (patient representative) (guest)')
    expect(md).toContain('## Agenda: Governance committee meeting\n\n1. Charter check (3 min)')
    expect(md).toContain('First line\\\n\\# second line\n\n1\\. third \\<b\\>line\\</b\\>')
    expect(md).toContain(
      '1. \\[Adopt\\](https://evil.example) the board\n' +
        '   - case: \\# Not a heading \\[a\\](https://evil.example) (investigating)',
    )
    expect(md).toContain(
      '## Cases past their 72 hours without a review\n\n- Billing letters confuse patients (open): ',
    )
    expect(md).toMatch(/- Billing letters confuse patients \(open\): (2[89]) h late/)
    expect(md).toContain(`- Order the wait-time board: due ${day(1)}, owner Sam committee`)
    expect(md).toContain(
      `- Ask IT about the \\*kiosk\\*: **overdue** ${day(-3)}, owner Sam committee`,
    )
    expect(md).not.toContain('Review in spring')
    expect(md).toContain(
      `- Wait-time board at the desk: stronger, in effect from ${day(-1)} (case: \\# Not a heading ` +
        '\\[a\\](https://evil.example)). Not enough data yet: it needs 6 more weeks after the fix',
    )
    // A line of the document never starts a heading, link or HTML from stored text.
    expect(md.split('\n').filter((line) => line.startsWith('#'))).toEqual([
      `# Governance committee meeting, ${day(0)}`,
      '## Present',
      '## Agenda: Governance committee meeting',
      '## Minutes',
      '## Decisions',
      '## Cases past their 72 hours without a review',
      '## Actions due and overdue',
      '## Fixes in place and their outcome',
    ])
    expect(md).not.toMatch(/[^\\]\[Adopt\]/)
    // The committee's record: no case description, no patient's words.
    expect(md).not.toContain('Mrs Lopez')
    expect(md).not.toContain(late.description)
    expect(
      (await new Caller(app).get(`/api/governance/meetings/${meeting.body.id}/export.md`)).status,
    ).toBe(401)
  })
})

describe("the committee's agenda", () => {
  it('is not offered to meeting mode, and is there for the committee in both languages', async () => {
    const { owner } = await committeePractice()
    const staffAgendas = await owner.get('/api/agendas')
    expect(staffAgendas.body.items.map((a: { id: string }) => a.id)).not.toContain(
      'governance-committee',
    )
    expect(staffAgendas.body.items.every((a: { audience: string }) => a.audience === 'staff')).toBe(
      true,
    )
    const committee = await owner.get('/api/agendas?audience=committee&language=es')
    expect(committee.status).toBe(200)
    expect(committee.body.items).toHaveLength(1)
    expect(committee.body.items[0]).toMatchObject({
      id: 'governance-committee',
      audience: 'committee',
      title: 'Reunión del comité de gobernanza',
    })
    expect(committee.body.items[0].items.map((item: { kind: string }) => item.kind)).toEqual([
      'charter',
      'cases-past-review',
      'actions-due',
      'outcomes',
      'new-cases',
      'decisions',
    ])
  })
})
