import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import { freshPractice, testApp, uniqueEmail } from '../../support/api'
import { testDb } from '../../support/db'

let app: App
beforeAll(async () => {
  app = testApp(await testDb(), { INVITATION_TTL_DAYS: '1' })
})

describe('counts in what the server writes', () => {
  it('says an invitation expires in "1 day", not "1 days"', async () => {
    const { owner } = await freshPractice(app)
    const invited = await owner.post('/api/invitations', { email: uniqueEmail(), role: 'staff' })
    expect(invited.status).toBe(201)
    const outbox = await owner.get('/api/outbox')
    const text: string = outbox.body.items[0].text
    expect(text).toContain('expires in 1 day)')
    expect(text).not.toContain('1 days')
  })
})
