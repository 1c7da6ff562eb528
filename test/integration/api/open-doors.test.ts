import { readFile } from 'node:fs/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../functions/src/store/db'
import { Caller, goodPassword, testApp, uniqueEmail } from '../../support/api'
import { testDb } from '../../support/db'

let db: Db
beforeAll(async () => {
  db = await testDb()
})

const newPractice = () => ({
  practiceName: 'Open Door Clinic',
  specialty: 'dermatology',
  timeZone: 'UTC',
  ownerName: 'Olive Door',
  email: uniqueEmail('door'),
  password: goodPassword,
})

describe('the open doors', () => {
  it.each(['/api/practices', '/api/demo', '/api/join', '/api/guest/join'])(
    'limit %s per client network with 429 problem+json and Retry-After',
    async (path) => {
      const app = testApp(db, { OPEN_DOOR_RATE_LIMIT: '3', ALLOW_DEMO: 'false' })
      const door = new Caller(app, '2001:db8:d00:1::1')
      // Bodies that are refused anyway: the limit counts before anything else runs.
      for (let attempt = 0; attempt < 3; attempt++) {
        expect((await door.post(path, {})).status).not.toBe(429)
      }
      // Another address of the same IPv6 /64 is the same network.
      const refused = await new Caller(app, '2001:db8:d00:1::2').post(path, {})
      expect(refused.status).toBe(429)
      expect(refused.headers.get('content-type')).toBe('application/problem+json')
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
      // A different network is not affected.
      expect((await new Caller(app, '2001:db8:d00:2::1').post(path, {})).status).not.toBe(429)
    },
  )

  it('keep other work moving while 40 sign-ups hash their passwords', async () => {
    const app = testApp(db)
    let signedUp = 0
    const signUps = Array.from({ length: 40 }, () =>
      new Caller(app).post('/api/practices', newPractice()).then((res) => {
        expect(res.status).toBe(201)
        signedUp += 1
      }),
    )
    // Hashing is in full swing once the first sign-ups are through.
    while (signedUp < 2) await new Promise((resolve) => setTimeout(resolve, 10))
    const doneWhenAsked = signedUp
    // A file read needs libuv's thread pool, as serving the web app's files does; so does any
    // DNS look-up. With every thread taken by scrypt it waited for nearly every sign-up queued.
    const [health] = await Promise.all([
      app.request('/api/health'),
      readFile(new URL('../../../package.json', import.meta.url)),
    ])
    const doneMeanwhile = signedUp - doneWhenAsked
    expect(health.status).toBe(200)
    await Promise.all(signUps)
    // Measured as sign-ups finished while it waited: 0-2 with the gate, about 30 without.
    expect(doneMeanwhile).toBeLessThanOrEqual(6)
  }, 120_000)
})

describe('closing sign-up', () => {
  it('refuses a second practice with 403 problem+json unless ALLOW_SIGNUP is on, and says so in /api/config', async () => {
    const closedDb = await testDb()
    const closed = testApp(closedDb, { ALLOW_SIGNUP: 'false' })
    expect((await new Caller(closed).get('/api/config')).body.signupOpen).toBe(true)
    expect((await new Caller(closed).post('/api/practices', newPractice())).status).toBe(201)

    const second = await new Caller(closed).post('/api/practices', newPractice())
    expect(second.status).toBe(403)
    expect(second.headers.get('content-type')).toBe('application/problem+json')
    expect(second.body.detail).toMatch(/Sign-up is closed/)
    expect((await new Caller(closed).get('/api/config')).body.signupOpen).toBe(false)

    const open = testApp(closedDb, { ALLOW_SIGNUP: 'true' })
    expect((await new Caller(open).get('/api/config')).body.signupOpen).toBe(true)
    expect((await new Caller(open).post('/api/practices', newPractice())).status).toBe(201)
  })

  it('lets only one of two racing first sign-ups through', async () => {
    const closed = testApp(await testDb(), { ALLOW_SIGNUP: 'false' })
    const both = await Promise.all(
      [1, 2].map(() => new Caller(closed).post('/api/practices', newPractice())),
    )
    expect(both.map((res) => res.status).sort()).toEqual([201, 403])
  })

  it('refuses demo practices in AWS', async () => {
    const aws = testApp(db, { AWS_LAMBDA_FUNCTION_NAME: 'touchpoint-http', ALLOW_DEMO: 'true' })
    const res = await new Caller(aws).post('/api/demo', {})
    expect(res.status).toBe(403)
    expect((await new Caller(aws).get('/api/config')).body.allowDemo).toBe(false)
  })
})

describe('new passwords', () => {
  it.each(['password1234', 'aaaaaaaaaaaa', ' '.repeat(12)])(
    'refuses %j with 400 naming the password, beside every other wrong field',
    async (password) => {
      const app = testApp(db)
      const res = await new Caller(app).post('/api/practices', {
        ...newPractice(),
        ownerName: '',
        password,
      })
      expect(res.status).toBe(400)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      const fields = (res.body.errors as { field: string }[]).map((error) => error.field)
      expect(fields).toEqual(expect.arrayContaining(['ownerName', 'password']))
    },
  )
})
