import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import { addMember, Caller, freshPractice, testApp } from '../../support/api'
import { testDb } from '../../support/db'

let app: App
beforeAll(async () => {
  app = testApp(await testDb(), { LOG_LEVEL: 'error' })
})

describe('GET /api/praise-themes', () => {
  it("names every praise theme in English and Spanish, for any signed-in staffer, without the lexicon's terms", async () => {
    const { owner } = await freshPractice(app, 'Birch Pediatrics')
    const staff = await addMember(app, owner, 'staff')
    const res = await staff.member.get('/api/praise-themes')
    expect(res.status).toBe(200)
    expect(res.body.items.map((t: { id: string }) => t.id)).toEqual(
      expect.arrayContaining(['kept-informed', 'went-extra-mile', 'listened', 'fixed-it']),
    )
    expect(res.body.items.find((t: { id: string }) => t.id === 'kept-informed')).toEqual({
      id: 'kept-informed',
      label: { en: 'Kept us informed', es: 'Nos mantuvo informados' },
    })
    expect(JSON.stringify(res.body)).not.toContain('terms')
  })

  it('answers a signed-out caller 401 with a problem', async () => {
    const res = await new Caller(app).get('/api/praise-themes')
    expect(res.status).toBe(401)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
  })
})
