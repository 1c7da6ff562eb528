import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import {
  addMember,
  Caller,
  freshPractice,
  goodPassword,
  testApp,
  uniqueEmail,
} from '../../support/api'
import { testDb } from '../../support/db'

let app: App
beforeAll(async () => {
  app = testApp(await testDb())
})

const tokenOf = (link: string) => new URL(link).hash.replace('#token=', '')

describe('inviting staff', () => {
  it('puts a single-use link in the outbox; the invitee joins that practice with the role', async () => {
    const { owner, practiceId } = await freshPractice(app, 'Harbor Pediatrics')
    const email = uniqueEmail('nurse')
    const invited = await owner.post('/api/invitations', { email, role: 'staff' })
    expect(invited.status).toBe(201)
    expect(invited.body.link).toMatch(/\/join#token=[\w-]{40,}$/)

    const outbox = await owner.get('/api/outbox')
    expect(outbox.body.items).toHaveLength(1)
    expect(outbox.body.items[0]).toMatchObject({ to: email, link: invited.body.link })
    expect(outbox.body.items[0].subject).toContain('Harbor Pediatrics')

    const invitee = new Caller(app)
    const preview = await invitee.post('/api/join/preview', { token: tokenOf(invited.body.link) })
    expect(preview.body).toMatchObject({ practiceName: 'Harbor Pediatrics', email, role: 'staff' })

    const joined = await invitee.post('/api/join', {
      token: tokenOf(invited.body.link),
      name: 'Nora Nurse',
      password: goodPassword,
    })
    expect(joined.status).toBe(201)
    expect(joined.body).toMatchObject({
      role: 'staff',
      practice: { id: practiceId },
      user: { email },
    })

    const again = await new Caller(app).post('/api/join', {
      token: tokenOf(invited.body.link),
      name: 'Someone Else',
      password: goodPassword,
    })
    expect(again.status).toBe(410)

    const team = await owner.get('/api/team')
    expect(team.body.members.map((m: { name: string }) => m.name)).toEqual([
      'Dana Owner',
      'Nora Nurse',
    ])
    expect(team.body.invitations[0].status).toBe('accepted')
  })

  it('refuses to invite an address that already has an account, or twice while pending', async () => {
    const { owner, email: ownerEmail } = await freshPractice(app)
    expect(
      (await owner.post('/api/invitations', { email: ownerEmail, role: 'staff' })).status,
    ).toBe(409)
    const email = uniqueEmail()
    expect((await owner.post('/api/invitations', { email, role: 'staff' })).status).toBe(201)
    const twice = await owner.post('/api/invitations', { email, role: 'manager' })
    expect(twice.status).toBe(409)
    expect(twice.body.field).toBe('email')
  })

  it('stops a withdrawn link from working', async () => {
    const { owner } = await freshPractice(app)
    const invited = await owner.post('/api/invitations', {
      email: uniqueEmail(),
      role: 'committee',
    })
    expect((await owner.delete(`/api/invitations/${invited.body.invitation.id}`)).status).toBe(204)
    const joined = await new Caller(app).post('/api/join', {
      token: tokenOf(invited.body.link),
      name: 'Late Comer',
      password: goodPassword,
    })
    expect(joined.status).toBe(410)
    expect(joined.body.detail).toMatch(/withdrawn/)
    expect((await owner.delete(`/api/invitations/${invited.body.invitation.id}`)).status).toBe(410)
  })

  it('refuses an owner role in an invitation and an unknown token', async () => {
    const { owner } = await freshPractice(app)
    const res = await owner.post('/api/invitations', { email: uniqueEmail(), role: 'owner' })
    expect(res.status).toBe(400)
    expect(res.body.field).toBe('role')
    const unknown = await new Caller(app).post('/api/join/preview', { token: 'x'.repeat(43) })
    expect(unknown.status).toBe(404)
  })
})

describe('renewing an invitation', () => {
  it('sends a new link that works, and the old link stops working', async () => {
    const { owner } = await freshPractice(app)
    const email = uniqueEmail('forgetful')
    const first = await owner.post('/api/invitations', { email, role: 'manager' })
    const renewed = await owner.post(`/api/invitations/${first.body.invitation.id}/renew`)
    expect(renewed.status).toBe(200)
    expect(renewed.body.link).not.toBe(first.body.link)
    expect((await owner.get('/api/outbox')).body.items).toHaveLength(2)

    const old = await new Caller(app).post('/api/join/preview', { token: tokenOf(first.body.link) })
    expect(old.status).toBe(404)
    const joined = await new Caller(app).post('/api/join', {
      token: tokenOf(renewed.body.link),
      name: 'Fran Forgetful',
      password: goodPassword,
    })
    expect(joined.status).toBe(201)
    expect(joined.body.role).toBe('manager')
    // Once accepted, there is nothing left to renew.
    expect((await owner.post(`/api/invitations/${first.body.invitation.id}/renew`)).status).toBe(
      410,
    )
  })
})

describe('roles', () => {
  it('lets only the owner manage the team, and owners and managers change settings', async () => {
    const { owner } = await freshPractice(app)
    const { member: staff } = await addMember(app, owner, 'staff')
    const { member: manager } = await addMember(app, owner, 'manager')

    expect(
      (await staff.post('/api/invitations', { email: uniqueEmail(), role: 'staff' })).status,
    ).toBe(403)
    expect(
      (await manager.post('/api/invitations', { email: uniqueEmail(), role: 'staff' })).status,
    ).toBe(403)
    expect((await staff.patch('/api/practice', { name: 'Mine now' })).status).toBe(403)
    expect((await manager.patch('/api/practice', { name: 'Renamed by manager' })).status).toBe(200)
    expect((await staff.post('/api/locations', { name: 'Annex' })).status).toBe(403)
    expect((await staff.get('/api/locations')).status).toBe(200)
    expect((await staff.get('/api/me')).body.abilities).toEqual(['practice:read'])
    expect((await manager.get('/api/me')).body.abilities).toEqual([
      'practice:read',
      'practice:manage',
      'surveys:manage',
      'responses:export',
      'imports:run',
      'moments:manage',
      'outbox:read',
      'boards:facilitate',
    ])
    // Staff see who is on the team but not the invitations.
    const team = await staff.get('/api/team')
    expect(team.body.members).toHaveLength(3)
    expect(team.body.invitations).toEqual([])
  })

  it('applies a role change to the next request, and removal ends the session at once', async () => {
    const { owner } = await freshPractice(app)
    const { member, userId } = await addMember(app, owner, 'staff')
    expect((await member.patch('/api/practice', { name: 'x' })).status).toBe(403)

    const promoted = await owner.patch(`/api/team/${userId}`, { role: 'manager' })
    expect(promoted.body.role).toBe('manager')
    expect((await member.get('/api/me')).body.role).toBe('manager')
    expect((await member.patch('/api/practice', { name: 'Promoted edit' })).status).toBe(200)

    expect((await owner.delete(`/api/team/${userId}`)).status).toBe(204)
    expect((await member.get('/api/me')).status).toBe(401)
    expect((await owner.get('/api/team')).body.members).toHaveLength(1)
  })

  it('does not let the owner demote or remove themself', async () => {
    const { owner, ownerId } = await freshPractice(app)
    const demote = await owner.patch(`/api/team/${ownerId}`, { role: 'staff' })
    expect(demote.status).toBe(400)
    expect(demote.body.field).toBe('userId')
    expect((await owner.delete(`/api/team/${ownerId}`)).status).toBe(400)
    expect((await owner.get('/api/me')).body.role).toBe('owner')
  })
})
