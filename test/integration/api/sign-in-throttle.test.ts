import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import { alertAfter } from '../../../functions/src/api/sign-in-guard'
import type { Db } from '../../../functions/src/store/db'
import * as outbox from '../../../functions/src/store/outbox'
import { Caller, freshPractice, goodPassword, testApp } from '../../support/api'
import { testDb } from '../../support/db'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db)
})

const signIn = (address: string, email: string, password: string) =>
  new Caller(app, address).post('/api/session', { email, password })

const alertsIn = async (practiceId: string) =>
  (await outbox.list(db, practiceId)).filter((message) =>
    message.subject.startsWith('Repeated failed sign-ins'),
  )

describe('sign-in throttling', () => {
  it('checks at most 10 of 40 parallel wrong passwords from one network', async () => {
    const { email } = await freshPractice(app)
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, attempt) =>
        signIn('192.0.2.40', email, `wrong password ${attempt}`),
      ),
    )
    const statuses = answers.map((answer) => answer.status)
    expect(statuses.filter((status) => status === 401)).toHaveLength(10)
    expect(statuses.filter((status) => status === 429)).toHaveLength(30)
    const refused = answers.find((answer) => answer.status === 429)
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(refused?.headers.get('content-type')).toBe('application/problem+json')
  })

  it("never refuses the right password from another network because of a stranger's guesses", async () => {
    const { email } = await freshPractice(app)
    for (let attempt = 0; attempt < 12; attempt++) {
      await signIn('192.0.2.41', email, `wrong password ${attempt}`)
    }
    // The guesser's own network is slowed down, even with the right password…
    expect((await signIn('192.0.2.41', email, goodPassword)).status).toBe(429)
    // …while the staffer at the front desk signs in as usual, again and again.
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await signIn('198.51.100.41', email, goodPassword)).status).toBe(200)
    }
  })

  it('counts an IPv6 network by its /64', async () => {
    const { email } = await freshPractice(app)
    for (let host = 0; host < 10; host++) {
      await signIn(`2001:db8:41:7::${host + 1}`, email, `wrong password ${host}`)
    }
    // Another address in the same /64 is the same network…
    expect((await signIn('2001:db8:41:7:ffff::99', email, goodPassword)).status).toBe(429)
    // …the next /64 is not.
    expect((await signIn('2001:db8:41:8::1', email, goodPassword)).status).toBe(200)
  })

  it("gives back a right password's attempt, so signing in often never locks anyone out", async () => {
    const { email } = await freshPractice(app)
    for (let attempt = 0; attempt < 12; attempt++) {
      expect((await signIn('192.0.2.42', email, goodPassword)).status).toBe(200)
    }
  })

  it("tells the practice's owners once per window about repeated failures, without address or password", async () => {
    const { email, practiceId } = await freshPractice(app)
    for (let attempt = 0; attempt < alertAfter - 1; attempt++) {
      await signIn(`192.0.2.${100 + attempt}`, email, 'guessed password 1')
    }
    expect(await alertsIn(practiceId)).toHaveLength(0)
    for (let attempt = 0; attempt < 10; attempt++) {
      await signIn(`192.0.2.${120 + attempt}`, email, 'guessed password 2')
    }
    const alerts = await alertsIn(practiceId)
    expect(alerts).toHaveLength(1)
    expect(alerts[0]?.to).toBe(email)
    expect(alerts[0]?.text).toContain(`${alertAfter} failed sign-in attempts`)
    expect(alerts[0]?.text).toMatch(/between \d\d:\d\d and \d\d:\d\d UTC/)
    expect(alerts[0]?.text).not.toMatch(/192\.0\.2|guessed password/)
  })
})
