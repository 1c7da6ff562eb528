import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import * as audit from '../../../functions/src/store/audit'
import type { Db } from '../../../functions/src/store/db'
import { addMember, Caller, freshPractice, testApp } from '../../support/api'
import { parseCsv as parse } from '../../support/csv'
import { testDb } from '../../support/db'
import { newKey, publishedSurvey, pulseAnswers } from '../../support/surveys'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db, { PUBLIC_SUBMIT_RATE_LIMIT: '0' })
})

async function practiceWith(comments: string[], names: { location?: string } = {}) {
  const practice = await freshPractice(app)
  const { owner } = practice
  const location = names.location
    ? (await owner.post('/api/locations', { name: names.location })).body.id
    : undefined
  const { id } = await publishedSurvey(owner)
  for (const [i, improve] of comments.entries()) {
    const res = await new Caller(app).post(`/api/public/surveys/${id}/responses`, {
      idempotencyKey: newKey(),
      language: 'en',
      answers: pulseAnswers(i % 11, { improve }),
      ...(location && { location }),
    })
    expect(res.status).toBe(201)
  }
  return { ...practice, surveyId: id }
}

/** The raw CSV text and its rows as a spreadsheet-minded parser reads them. */
async function exported(caller: Caller, surveyId: string) {
  const res = await caller.get(`/api/responses.csv?surveyId=${surveyId}`)
  expect(res.status).toBe(200)
  const text = String(res.body).replace(/^\uFEFF/, '')
  return { text, rows: parse(text) as string[][] }
}

describe('the response export', () => {
  it('neutralises cells a spreadsheet would run as formulas, in answers and in names', async () => {
    const attacks = [
      '=HYPERLINK("http://evil.example","Click")',
      '+1+2',
      '-3',
      '@SUM(A1:A2)',
      '＝1+1',
    ]
    const { owner, surveyId } = await practiceWith(attacks, { location: '=cmd|calc' })
    const { text, rows } = await exported(owner, surveyId)
    const [header, ...body] = rows
    const improve = header!.findIndex((name) => /improve|better/i.test(name))
    expect(improve).toBeGreaterThan(0)
    const comments = body.map((row) => row[improve]).sort()
    // Readable, each with a leading quote a spreadsheet shows as text …
    expect(comments).toEqual(attacks.map((attack) => `'${attack}`).sort())
    // … and quoted in the file, as OWASP asks.
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`)
    expect(text).toContain(`"'-3"`)
    expect(body.every((row) => row[4] === "'=cmd|calc")).toBe(true)
    expect(text).not.toMatch(/(^|,)[=+@-]/m)
  })

  it('writes scores as numbers and times in the practice time zone with their offset', async () => {
    const { owner, surveyId } = await practiceWith(['Fine', 'Good'])
    const { text, rows } = await exported(owner, surveyId)
    const [header, ...body] = rows
    expect(header![0]).toBe('Submitted (America/Chicago)')
    const recommend = header!.findIndex((name) => /recommend/i.test(name))
    const scores = body.map((row) => row[recommend]).sort()
    expect(scores).toEqual(['0', '1'])
    // Unquoted, so a spreadsheet reads a number, not text.
    const lines = text.trim().split(/\r?\n/).slice(1)
    for (const line of lines) expect(line.split(',')[recommend]).toMatch(/^\d+$/)
    for (const row of body) {
      expect(row[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-0[56]:00$/)
    }
    const [firstRow] = body
    const instant = Date.parse(firstRow![0]!)
    expect(Math.abs(instant - Date.now())).toBeLessThan(10 * 60_000)
  })

  it('is for managers and owners only, and each export is in the audit log without patient words', async () => {
    const practice = await practiceWith(['My email is pat@example.com'])
    const staff = await addMember(app, practice.owner, 'staff')
    const refused = await staff.member.get(`/api/responses.csv?surveyId=${practice.surveyId}`)
    expect(refused.status).toBe(403)
    expect(refused.headers.get('content-type')).toBe('application/problem+json')
    const manager = await addMember(app, practice.owner, 'manager')
    const allowed = await manager.member.get(`/api/responses.csv?surveyId=${practice.surveyId}`)
    expect(allowed.status).toBe(200)
    const entries = await audit.list(db, practice.practiceId)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      actorId: manager.userId,
      action: 'responses.export',
      details: { surveyId: practice.surveyId },
    })
    expect(JSON.stringify(entries)).not.toContain('pat@example.com')
  })
})
