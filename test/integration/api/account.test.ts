import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import type { Db } from '../../../functions/src/store/db'
import { Caller, freshPractice, goodPassword, testApp } from '../../support/api'
import { testDb } from '../../support/db'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db)
})
afterEach(() => vi.useRealTimers())

const newPassword = 'harbour lanterns at dusk'

async function secondSession(email: string) {
  const other = new Caller(app)
  expect((await other.post('/api/session', { email, password: goodPassword })).status).toBe(200)
  return other
}

describe('changing the password', () => {
  it('needs the current password, keeps this session and ends every other one', async () => {
    const { owner, email } = await freshPractice(app)
    const phone = await secondSession(email)

    const wrong = await owner.post('/api/me/password', {
      currentPassword: 'not my password',
      newPassword,
    })
    expect(wrong.status).toBe(400)
    expect(wrong.body.field).toBe('currentPassword')
    expect((await phone.get('/api/me')).status).toBe(200)

    const changed = await owner.post('/api/me/password', {
      currentPassword: goodPassword,
      newPassword,
    })
    expect(changed.status).toBe(204)
    expect((await owner.get('/api/me')).status).toBe(200)
    expect((await owner.patch('/api/practice', { name: 'Still me' })).status).toBe(200)
    expect((await phone.get('/api/me')).status).toBe(401)
    expect(
      (await new Caller(app).post('/api/session', { email, password: newPassword })).status,
    ).toBe(200)
  })

  it('refuses a common new password, naming the field', async () => {
    const { owner } = await freshPractice(app)
    const res = await owner.post('/api/me/password', {
      currentPassword: goodPassword,
      newPassword: 'password1234',
    })
    expect(res.status).toBe(400)
    expect(res.body.field).toBe('newPassword')
  })

  it('needs the CSRF token', async () => {
    const { owner } = await freshPractice(app)
    const res = await owner.request(
      'POST',
      '/api/me/password',
      { currentPassword: goodPassword, newPassword },
      { 'x-csrf-token': 'forged' },
    )
    expect(res.status).toBe(403)
  })
})

describe('signing out everywhere', () => {
  it("ends every one of the person's sessions and no one else's", async () => {
    const { owner, email } = await freshPractice(app)
    const phone = await secondSession(email)
    const colleague = await freshPractice(app)
    expect((await phone.post('/api/session/sign-out-everywhere')).status).toBe(204)
    expect((await phone.get('/api/me')).status).toBe(401)
    expect((await owner.get('/api/me')).status).toBe(401)
    expect((await colleague.owner.get('/api/me')).status).toBe(200)
    expect((await secondSession(email).then((again) => again.get('/api/me'))).status).toBe(200)
  })
})

describe('session timeouts', () => {
  it('ends a session idle for 30 minutes with 401 session-expired', async () => {
    const { owner } = await freshPractice(app)
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 29 * 60 * 1000 })
    expect((await owner.get('/api/me')).status).toBe(200)
    // That request counted as activity: another 29 minutes later it is still alive.
    vi.setSystemTime(Date.now() + 29 * 60 * 1000)
    expect((await owner.get('/api/me')).status).toBe(200)
    vi.setSystemTime(Date.now() + 31 * 60 * 1000)
    const res = await owner.get('/api/me')
    expect(res.status).toBe(401)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(res.body.type).toMatch(/session-expired$/)
  })

  it('ends a session 12 hours after sign-in, however busy', async () => {
    const { owner } = await freshPractice(app)
    const start = Date.now()
    vi.useFakeTimers({ toFake: ['Date'], now: start })
    // Busy every 20 minutes, so never idle.
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      vi.setSystemTime(start + minutes * 60_000)
      expect((await owner.get('/api/me')).status, `after ${minutes} minutes`).toBe(200)
    }
    vi.setSystemTime(start + 12 * 3600_000 + 60_000)
    const res = await owner.get('/api/me')
    expect(res.status).toBe(401)
    expect(res.body.type).toMatch(/session-expired$/)
  })

  it('follows SESSION_IDLE_MINUTES', async () => {
    const quick = testApp(db, { SESSION_IDLE_MINUTES: '5' })
    const { owner } = await freshPractice(quick)
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 6 * 60 * 1000 })
    expect((await owner.get('/api/me')).status).toBe(401)
  })
})
