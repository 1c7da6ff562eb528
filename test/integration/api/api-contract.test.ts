import { Writable } from 'node:stream'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../../functions/src/api/app'
import { createLogger } from '../../../functions/src/api/logger'
import { outboxMessenger } from '../../../functions/src/messaging/outbox'
import type { Db } from '../../../functions/src/store/db'
import { Caller, freshPractice, goodPassword, testApp } from '../../support/api'
import { testConfig, testDb } from '../../support/db'
import { newKey, publishedSurvey, pulseAnswers } from '../../support/surveys'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db, { PUBLIC_SUBMIT_RATE_LIMIT: '0' })
})

describe('every wrong answer named', () => {
  it('names each of three wrong answers of a submission in errors[]', async () => {
    const { owner } = await freshPractice(app)
    const { id } = await publishedSurvey(owner)
    const res = await new Caller(app).post(`/api/public/surveys/${id}/responses`, {
      idempotencyKey: newKey(),
      language: 'en',
      answers: pulseAnswers(11, { booking: 9, visit: 'great' }),
    })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'answers.booking',
      'answers.recommend',
      'answers.visit',
    ])
    expect(res.body.field).toBe(res.body.errors[0].field)
  })
})

describe('problem+json everywhere under /api', () => {
  it.each([
    ['PATCH', '/api/practice/anything', 404],
    ['POST', '/api/session/x', 404],
    ['GET', '/api/no-such-area', 404],
  ])('answers %s %s with %i problem+json', async (method, path, status) => {
    const res = await app.request(path, { method })
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(await res.json()).toMatchObject({ status, type: expect.stringContaining('not-found') })
  })

  it('answers a method the path does not support with 405 and Allow', async () => {
    const res = await app.request('/api/session', { method: 'PUT' })
    expect(res.status).toBe(405)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(res.headers.get('allow')).toBe('DELETE, POST')
    const body = await res.json()
    expect(body).toMatchObject({ status: 405, type: expect.stringContaining('method-not-allowed') })
  })

  it('knows the methods of a path with parameters', async () => {
    const res = await app.request('/api/surveys/01JABCDEFGHJKMNPQRSTVWXYZ0', { method: 'PUT' })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toContain('GET')
  })
})

/** A stream a logger writes to, kept for the test to read. */
function capturedLog() {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString())
      done()
    },
  })
  return { lines, stream }
}

/**
 * The same table, but every write fails with an error that quotes the item, as DynamoDB's
 * ValidationException does ("One or more parameter values were invalid: … dana@…").
 */
function failingWrites(real: Db): Db {
  const send = real.client.send.bind(real.client) as (command: any) => Promise<unknown>
  const client = Object.create(real.client) as Db['client']
  client.send = (async (command: { constructor: { name: string }; input: unknown }) => {
    if (/Put|Update|Transact|Delete/.test(command.constructor.name)) {
      const err = new Error(
        `One or more parameter values were invalid: ${JSON.stringify(command.input)}`,
      )
      err.name = 'ValidationException'
      throw err
    }
    return send(command)
  }) as Db['client']['send']
  return { client, table: real.table }
}

describe('personal data in logs', () => {
  it('logs failing requests with an e-mail, a phone number and a comment without any of them', async () => {
    const { owner } = await freshPractice(app)
    const { id } = await publishedSurvey(owner)
    const log = capturedLog()
    const failing = createApp({
      config: testConfig({ LOG_LEVEL: 'info', PUBLIC_SUBMIT_RATE_LIMIT: '0' }),
      db: failingWrites(db),
      mailer: outboxMessenger(db),
      logger: createLogger('info', log.stream),
      clientAddress: () => '203.0.113.9',
    })
    const email = 'maria.lopez@example.org'
    const phone = '(555) 867-5309'
    const comment = 'Dr. Patel ignored my rash, call me'
    const submitted = await new Caller(failing).post(`/api/public/surveys/${id}/responses`, {
      idempotencyKey: newKey(),
      language: 'en',
      answers: pulseAnswers(3, { improve: `${comment} at ${phone} or ${email}` }),
    })
    const created = await new Caller(failing).post('/api/practices', {
      practiceName: 'Lopez Family Clinic',
      specialty: 'dermatology',
      timeZone: 'America/Chicago',
      ownerName: 'Maria Lopez',
      email,
      password: goodPassword,
    })
    expect(submitted.status).toBe(500)
    expect(created.status).toBe(500)
    const written = log.lines.join('')
    // Nothing a person typed reached the log …
    for (const secret of [
      email,
      phone,
      '867-5309',
      comment,
      'rash',
      'Maria Lopez',
      'Lopez Family',
    ]) {
      expect(written).not.toContain(secret)
    }
    // … yet the failures were logged, by class and frames.
    expect(written).toContain('"class":"Error"')
    expect(written).toContain('"frames":["at ')
  })
})
