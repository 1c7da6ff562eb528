import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import type { Db } from '../../../functions/src/store/db'
import { freshPractice, testApp } from '../../support/api'
import { testDb } from '../../support/db'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db, { LOG_LEVEL: 'error' })
})

async function practiceWithProvider() {
  const practice = await freshPractice(app, 'Birch Pediatrics')
  const provider = (await practice.owner.post('/api/providers', { name: 'Dr. Lena Ortiz' })).body
  return { ...practice, providerId: provider.id as string }
}

describe("moments' praise themes (for the history's chart)", () => {
  it('stores the praise themes read in the quote and what they did, and re-reads them on an edit', async () => {
    const { owner, providerId } = await practiceWithProvider()
    const created = await owner.post('/api/moments', {
      week: '2026-W47',
      quote: 'Dr. Ortiz listened to every worry and explained the results.',
      staff: [{ kind: 'provider', id: providerId }],
      whatTheyDid: 'Stayed late to call the family back',
      patientGain: 'The family slept that night',
    })
    expect(created.status).toBe(201)
    expect(created.body.praise).toEqual(['went-extra-mile', 'listened', 'explained'])

    const changed = await owner.patch(`/api/moments/${created.body.id}`, {
      quote: 'Dr. Ortiz was so kind to my daughter.',
    })
    expect(changed.status).toBe(200)
    expect(changed.body.praise).toEqual(['went-extra-mile', 'kindness'])

    const gainOnly = await owner.patch(`/api/moments/${created.body.id}`, {
      patientGain: 'She went to school unafraid',
    })
    expect(gainOnly.body.praise).toEqual(['went-extra-mile', 'kindness'])

    const listed = (await owner.get('/api/moments?from=2026-W47&to=2026-W47')).body.items
    expect(listed.map((m: { praise: string[] }) => m.praise)).toEqual([
      ['went-extra-mile', 'kindness'],
    ])
  })

  it('lists the praise themes with their labels in English and Spanish, for anyone signed in', async () => {
    const { owner } = await practiceWithProvider()
    const res = await owner.get('/api/praise-themes')
    expect(res.status).toBe(200)
    expect(res.body.items).toContainEqual({
      id: 'kept-informed',
      label: { en: 'Kept us informed', es: 'Nos mantuvo informados' },
    })
    expect(res.body.items.length).toBeGreaterThanOrEqual(7)
  })
})
