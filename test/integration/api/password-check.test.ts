import { Writable } from 'node:stream'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../../functions/src/api/app'
import { createLogger } from '../../../functions/src/api/logger'
import { outboxMessenger } from '../../../functions/src/messaging/outbox'
import type { Db } from '../../../functions/src/store/db'
import { Caller, goodPassword, testApp, uniqueEmail } from '../../support/api'
import { readConfig } from '../../../functions/src/config'
import { testConfig, testDb } from '../../support/db'

let db: Db
beforeAll(async () => {
  db = await testDb()
})

const check = (body: unknown, caller = new Caller(testApp(db))) =>
  caller.post('/api/password-check', body)

describe('POST /api/password-check', () => {
  it('says why a common password would be refused, without a session', async () => {
    const res = await check({ password: 'password1234' })
    expect(res.status).toBe(200)
    expect(res.body.acceptable).toBe(false)
    expect(res.body.score).toBeLessThan(3)
    expect(res.body.reason).toMatch(/commonly used password/)
  })

  it('accepts a strong one with its score and no reason', async () => {
    const res = await check({ password: 'tranquil-otter-93-lamp' })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ acceptable: true, score: expect.any(Number) })
    expect(res.body.score).toBeGreaterThanOrEqual(3)
  })

  it('gives the same answer as sign-up, the person’s own words included', async () => {
    const app = testApp(db)
    const email = uniqueEmail('quillan')
    const words = ['Brightwater Skin Clinic', 'Quillan Brightwater', email]
    const password = 'brightwaterquillan'
    const checked = await check({ password, userWords: words }, new Caller(app))
    expect(checked.body.acceptable).toBe(false)
    const signUp = await new Caller(app).post('/api/practices', {
      practiceName: words[0],
      specialty: 'dermatology',
      timeZone: 'UTC',
      ownerName: words[1],
      email,
      password,
    })
    expect(signUp.status).toBe(400)
    const refusal = signUp.body.errors.find((e: { field: string }) => e.field === 'password')
    expect(refusal.message).toBe(checked.body.reason)
    // Without her words the same password would pass: the words are what refused it.
    expect((await check({ password })).body.acceptable).toBe(true)
  })

  it.each([
    [' '.repeat(14), 'A password cannot be only spaces.'],
    ['', 'A password cannot be only spaces.'],
    ['Xq7#vLp2', 'Use at least 12 characters'],
  ])('refuses %j: %s', async (password, reason) => {
    const res = await check({ password })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ acceptable: false, reason })
  })

  it('answers 400 problem+json naming every missing or wrong field', async () => {
    const missing = await check({ userWords: ['dana'] })
    expect(missing.status).toBe(400)
    expect(missing.headers.get('content-type')).toBe('application/problem+json')
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['password'])

    const wrong = await check({ password: 'x'.repeat(201), userWords: 'dana' })
    expect(wrong.status).toBe(400)
    expect(wrong.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'password',
      'userWords',
    ])
  })

  it('is limited per client network, apart from sign-ups, with 429 problem+json', async () => {
    const app = testApp(db, { PASSWORD_CHECK_RATE_LIMIT: '3', OPEN_DOOR_RATE_LIMIT: '3' })
    const typing = new Caller(app, '2001:db8:c4ec:1::1')
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await check({ password: goodPassword }, typing)).status).toBe(200)
    }
    const refused = await check({ password: goodPassword }, typing)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('content-type')).toBe('application/problem+json')
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(refused.body.detail).toMatch(/password checks/)
    // The sign-up the person was typing for still goes through.
    const signUp = await typing.post('/api/practices', {
      practiceName: 'Checked Clinic',
      specialty: 'dermatology',
      timeZone: 'UTC',
      ownerName: 'Casey Check',
      email: uniqueEmail('check'),
      password: goodPassword,
    })
    expect(signUp.status).toBe(201)
  })

  it('answers every pause of a passphrase typed at phone speed, at the default limits', async () => {
    // `npm start`'s own limits: the open doors' default, and this route's default.
    const app = testApp(db, { OPEN_DOOR_RATE_LIMIT: String(readConfig({}).OPEN_DOOR_RATE_LIMIT) })
    const phone = new Caller(app)
    const passphrase = 'tranquil otter sings at dawn'
    // On a phone every key is a pause longer than the meter's 300 ms: one check per key from the
    // 12th on (17 here), then the person fixes a typo and types the last word again.
    const typed = [...passphrase].map((_, i) => passphrase.slice(0, i + 1)).slice(11)
    const fixed = ['tranquil otter sings at da', 'tranquil otter sings at daw']
    const statuses: number[] = []
    for (const password of [...typed, ...fixed, passphrase]) {
      statuses.push((await check({ password }, phone)).status)
    }
    expect(statuses).toEqual(statuses.map(() => 200))
  })

  it('is in the OpenAPI document, open to anyone, with its 400 and 429', async () => {
    const doc = await (await testApp(db).request('/api/openapi.json')).json()
    const operation = doc.paths['/api/password-check']?.post
    expect(operation.security).toBeUndefined()
    expect(Object.keys(operation.responses).sort()).toEqual(['200', '400', '429'])
  })

  it('never writes the password or the words to the log', async () => {
    const lines: string[] = []
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString())
        done()
      },
    })
    const app = createApp({
      config: testConfig({ LOG_LEVEL: 'debug' }),
      db,
      mailer: outboxMessenger(db),
      logger: createLogger('debug', stream),
      clientAddress: () => '203.0.113.7',
    })
    const secret = 'marigold-tuesday-lantern'
    const word = 'okonkwo.adaeze@example.org'
    expect((await check({ password: secret, userWords: [word] }, new Caller(app))).status).toBe(200)
    expect((await check({ password: secret, userWords: word }, new Caller(app))).status).toBe(400)
    const written = lines.join('')
    expect(written).toContain('/api/password-check')
    expect(written).not.toContain(secret)
    expect(written).not.toContain('okonkwo')
  })
})
