import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import type { Db } from '../../../functions/src/store/db'
import * as outbox from '../../../functions/src/store/outbox'
import * as passwordResets from '../../../functions/src/store/password-resets'
import {
  addMember,
  Caller,
  freshPractice,
  goodPassword,
  testApp,
  uniqueEmail,
} from '../../support/api'
import { testDb } from '../../support/db'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db)
})

const newPassword = 'harbour lanterns at dusk'

async function resetLinkFor(practiceId: string, email: string) {
  const sent = (await outbox.list(db, practiceId)).filter(
    (message) => message.to === email && message.subject === 'Reset your Touchpoint password',
  )
  const link = sent.at(-1)?.link
  if (!link) throw new Error('no reset e-mail')
  return { link, token: new URL(link).hash.replace('#token=', ''), count: sent.length }
}

describe('password reset', () => {
  it('answers the same whether or not the address has an account, and mails a 30-minute link only when it has', async () => {
    const { email, practiceId } = await freshPractice(app)
    const known = await new Caller(app).post('/api/password-reset', { email })
    const unknown = await new Caller(app).post('/api/password-reset', {
      email: uniqueEmail('nobody'),
    })
    expect(known.status).toBe(202)
    expect(unknown.status).toBe(202)
    expect(known.body).toEqual(unknown.body)
    const { link, token } = await resetLinkFor(practiceId, email)
    expect(link).toMatch(/^http:\/\/localhost:8787\/reset-password#token=[\w-]{40,}$/)
    const mail = (await outbox.list(db, practiceId)).at(-1)
    expect(mail?.text).toContain('within 30 minutes')
    expect(mail?.text).not.toContain(goodPassword)
    const reset = await passwordResets.find(db, token)
    expect(reset.expiresAt - Date.now() / 1000).toBeGreaterThan(29 * 60)
    expect(reset.expiresAt - Date.now() / 1000).toBeLessThanOrEqual(30 * 60)
  })

  it('sets the new password, works once, and ends every session the person had', async () => {
    const { owner, email, practiceId } = await freshPractice(app)
    const laptop = new Caller(app)
    expect((await laptop.post('/api/session', { email, password: goodPassword })).status).toBe(200)
    await new Caller(app).post('/api/password-reset', { email })
    const { token } = await resetLinkFor(practiceId, email)

    const done = await new Caller(app).post('/api/password-reset/confirm', {
      token,
      password: newPassword,
    })
    expect(done.status).toBe(204)
    expect((await owner.get('/api/me')).status).toBe(401)
    expect((await laptop.get('/api/me')).status).toBe(401)

    const again = await new Caller(app).post('/api/password-reset/confirm', {
      token,
      password: 'another fine passphrase',
    })
    expect(again.status).toBe(410)
    expect(again.headers.get('content-type')).toBe('application/problem+json')
    expect(again.body.field).toBe('token')

    const old = await new Caller(app).post('/api/session', { email, password: goodPassword })
    expect(old.status).toBe(401)
    const fresh = await new Caller(app).post('/api/session', { email, password: newPassword })
    expect(fresh.status).toBe(200)
  })

  it('refuses an expired link', async () => {
    const { email, practiceId } = await freshPractice(app)
    await new Caller(app).post('/api/password-reset', { email })
    const { token } = await resetLinkFor(practiceId, email)
    const later = new Date(Date.now() + 31 * 60 * 1000)
    await expect(passwordResets.spend(db, token, 'hash', later)).rejects.toMatchObject({
      status: 410,
    })
  })

  it('refuses a weak new password, naming the field, and keeps the link usable', async () => {
    const { email, practiceId } = await freshPractice(app)
    await new Caller(app).post('/api/password-reset', { email })
    const { token } = await resetLinkFor(practiceId, email)
    const weak = await new Caller(app).post('/api/password-reset/confirm', {
      token,
      password: 'password1234',
    })
    expect(weak.status).toBe(400)
    expect(weak.body.field).toBe('password')
    const strong = await new Caller(app).post('/api/password-reset/confirm', {
      token,
      password: newPassword,
    })
    expect(strong.status).toBe(204)
  })

  it('gives a team member their own way back, no re-invitation needed', async () => {
    const { owner, practiceId } = await freshPractice(app)
    const { email } = await addMember(app, owner, 'staff')
    await new Caller(app).post('/api/password-reset', { email })
    const { token } = await resetLinkFor(practiceId, email)
    await new Caller(app).post('/api/password-reset/confirm', { token, password: newPassword })
    expect(
      (await new Caller(app).post('/api/session', { email, password: newPassword })).status,
    ).toBe(200)
  })
})
