import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import { Caller, freshPractice, goodPassword, testApp, uniqueEmail } from '../../support/api'
import { testDb } from '../../support/db'

let app: App
beforeAll(async () => {
  app = testApp(await testDb())
})

describe('creating a practice', () => {
  it('signs the owner in with an HttpOnly session cookie and answers who they are', async () => {
    const caller = new Caller(app)
    const email = uniqueEmail()
    const res = await caller.post('/api/practices', {
      practiceName: '  Lakeside Family Medicine ',
      specialty: 'primary-care',
      timeZone: 'America/New_York',
      ownerName: 'Ana Ruiz',
      email: email.toUpperCase(),
      password: goodPassword,
    })
    expect(res.status).toBe(201)
    expect(res.headers.get('set-cookie')).toMatch(/^tp_session=[\w-]{40,};.*HttpOnly/i)
    expect(res.headers.get('set-cookie')).toMatch(/SameSite=Lax/i)
    expect(res.body).toMatchObject({
      role: 'owner',
      user: { name: 'Ana Ruiz', email },
      practice: {
        name: 'Lakeside Family Medicine',
        timeZone: 'America/New_York',
        languages: ['en'],
      },
    })
    const me = await caller.get('/api/me')
    expect(me.status).toBe(200)
    expect(me.body.practice.id).toBe(res.body.practice.id)
    expect(JSON.stringify(me.body)).not.toContain('passwordHash')
  })

  it('answers 409 naming the e-mail when the address already has an account, whatever its case', async () => {
    const { email } = await freshPractice(app)
    const res = await new Caller(app).post('/api/practices', {
      practiceName: 'Another',
      specialty: 'dental',
      timeZone: 'UTC',
      ownerName: 'Someone Else',
      email: email.toUpperCase(),
      password: goodPassword,
    })
    expect(res.status).toBe(409)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(res.body).toMatchObject({ status: 409, field: 'email' })
  })

  it('names every invalid field in one problem+json answer', async () => {
    const res = await new Caller(app).post('/api/practices', {
      practiceName: '',
      specialty: 'astrology',
      timeZone: 'Mars/Olympus_Mons',
      email: 'not-an-address',
      password: 'short',
    })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    const fields = res.body.errors.map((error: { field: string }) => error.field)
    expect(fields).toEqual([
      'practiceName',
      'specialty',
      'timeZone',
      'ownerName',
      'email',
      'password',
    ])
    expect(res.body.field).toBe('practiceName')
    expect(res.body.errors.find((e: { field: string }) => e.field === 'ownerName').message).toBe(
      'Required',
    )
    expect(res.body.errors.find((e: { field: string }) => e.field === 'password').message).toMatch(
      /12/,
    )
  })

  it('refuses malformed JSON and oversized bodies with problem+json, not a 500', async () => {
    const malformed = await app.request('/api/practices', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"practiceName":',
    })
    expect(malformed.status).toBe(400)
    expect(malformed.headers.get('content-type')).toBe('application/problem+json')
    const huge = await app.request('/api/practices', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ practiceName: 'x'.repeat(200_000) }),
    })
    expect(huge.status).toBe(413)
    expect(huge.headers.get('content-type')).toBe('application/problem+json')
  })
})

describe('signing in and out', () => {
  it('signs out, refuses the old session, and signs in again with the password', async () => {
    const { owner, email } = await freshPractice(app)
    const oldCookie = owner.cookie
    expect((await owner.delete('/api/session')).status).toBe(204)
    const stale = await app.request('/api/me', { headers: { cookie: oldCookie } })
    expect(stale.status).toBe(401)
    expect(stale.headers.get('content-type')).toBe('application/problem+json')

    const again = new Caller(app)
    const signedIn = await again.post('/api/session', { email, password: goodPassword })
    expect(signedIn.status).toBe(200)
    expect(signedIn.body.user.email).toBe(email)
    expect((await again.get('/api/me')).status).toBe(200)
  })

  it('answers 401 with the same message for a wrong password and an unknown e-mail', async () => {
    const { email } = await freshPractice(app)
    const wrong = await new Caller(app, '192.0.2.10').post('/api/session', {
      email,
      password: 'not the password',
    })
    const unknown = await new Caller(app, '192.0.2.10').post('/api/session', {
      email: uniqueEmail('nobody'),
      password: goodPassword,
    })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(wrong.body.detail).toBe(unknown.body.detail)
  })

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const { owner } = await freshPractice(app)
    const res = await app.request('/api/practice', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: owner.cookie },
      body: JSON.stringify({ name: 'Hijacked' }),
    })
    expect(res.status).toBe(403)
    expect(((await res.json()) as { field: string }).field).toBe('x-csrf-token')
    expect((await owner.get('/api/me')).body.practice.name).toBe('Sunrise Dermatology')
  })
})

describe('practice settings', () => {
  it('lets the owner rename the practice and choose survey languages', async () => {
    const { owner } = await freshPractice(app)
    const res = await owner.patch('/api/practice', {
      name: 'Sunrise Skin Clinic',
      languages: ['en', 'es'],
      timeZone: 'America/Denver',
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      name: 'Sunrise Skin Clinic',
      languages: ['en', 'es'],
      timeZone: 'America/Denver',
    })
    expect((await owner.get('/api/me')).body.practice.name).toBe('Sunrise Skin Clinic')
  })

  it('refuses an empty or unknown language list, naming the field', async () => {
    const { owner } = await freshPractice(app)
    expect((await owner.patch('/api/practice', { languages: [] })).body.field).toBe('languages')
    expect((await owner.patch('/api/practice', { languages: ['xx'] })).body.field).toBe(
      'languages.0',
    )
  })

  it('keeps locations and providers, and ties providers only to existing locations', async () => {
    const { owner } = await freshPractice(app)
    const north = await owner.post('/api/locations', { name: 'North Clinic', address: '1 Elm St' })
    expect(north.status).toBe(201)
    const provider = await owner.post('/api/providers', {
      name: 'Dr. Maya Chen',
      title: 'MD',
      locationIds: [north.body.id],
    })
    expect(provider.status).toBe(201)
    expect(provider.body).toMatchObject({ name: 'Dr. Maya Chen', locationIds: [north.body.id] })
    const bad = await owner.post('/api/providers', {
      name: 'Dr. Who',
      locationIds: ['01ARZ3NDEKTSV4RRFFQ69G5FAV'],
    })
    expect(bad.status).toBe(400)
    expect(bad.body.field).toBe('locationIds.0')

    const renamed = await owner.patch(`/api/locations/${north.body.id}`, { name: 'North Campus' })
    expect(renamed.body.name).toBe('North Campus')
    expect((await owner.get('/api/locations')).body.items).toEqual([
      { id: north.body.id, name: 'North Campus', address: '1 Elm St' },
    ])
    // Removing a location unties it from its providers, who stay.
    const south = await owner.post('/api/locations', { name: 'South Clinic' })
    await owner.patch(`/api/providers/${provider.body.id}`, {
      locationIds: [north.body.id, south.body.id],
    })
    expect((await owner.delete(`/api/locations/${south.body.id}`)).status).toBe(204)
    expect((await owner.get('/api/providers')).body.items[0].locationIds).toEqual([north.body.id])

    expect((await owner.delete(`/api/providers/${provider.body.id}`)).status).toBe(204)
    expect((await owner.get('/api/providers')).body.items).toEqual([])
    expect((await owner.delete(`/api/providers/${provider.body.id}`)).status).toBe(404)
  })

  it('refuses a second location or provider whose name differs only in case or spaces', async () => {
    const { owner } = await freshPractice(app)
    const north = await owner.post('/api/locations', { name: 'North Clinic' })
    const south = await owner.post('/api/locations', { name: 'South Clinic' })
    const twin = await owner.post('/api/locations', { name: '  north   CLINIC ' })
    expect(twin.status).toBe(409)
    expect(twin.headers.get('content-type')).toContain('application/problem+json')
    expect(twin.body.field).toBe('name')
    const renamed = await owner.patch(`/api/locations/${south.body.id}`, { name: 'NORTH clinic' })
    expect(renamed.status).toBe(409)
    expect(renamed.body.field).toBe('name')
    // Re-saving an item under its own name (another spelling of it) is not a clash with itself.
    const same = await owner.patch(`/api/locations/${north.body.id}`, { name: 'North clinic' })
    expect(same.status).toBe(200)
    expect(
      (await owner.get('/api/locations')).body.items.map((l: { name: string }) => l.name),
    ).toEqual(['North clinic', 'South Clinic'])

    expect((await owner.post('/api/providers', { name: 'Dr. Maya Chen' })).status).toBe(201)
    const again = await owner.post('/api/providers', { name: 'dr. maya  chen' })
    expect(again.status).toBe(409)
    expect(again.body.field).toBe('name')
    expect((await owner.get('/api/providers')).body.items).toHaveLength(1)
  })
})
