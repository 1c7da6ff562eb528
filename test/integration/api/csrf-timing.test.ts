import * as crypto from 'node:crypto'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import { freshPractice, testApp } from '../../support/api'
import { testDb } from '../../support/db'

// A spy around the real function, so the test sees whether the CSRF check compares in constant time.
vi.mock('node:crypto', async (original) => {
  const actual = await original<typeof import('node:crypto')>()
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) }
})

let app: App
beforeAll(async () => {
  app = testApp(await testDb())
})
afterEach(() => vi.mocked(crypto.timingSafeEqual).mockClear())

describe('the CSRF check', () => {
  it('compares equal-length digests with timingSafeEqual, for a right and a wrong token', async () => {
    const { owner } = await freshPractice(app)
    const spy = vi.mocked(crypto.timingSafeEqual)
    for (const token of [owner.csrfToken, 'short', `${owner.csrfToken}x`]) {
      spy.mockClear()
      const res = await owner.request(
        'PATCH',
        '/api/practice',
        { name: 'Renamed' },
        { 'x-csrf-token': token },
      )
      expect(res.status).toBe(token === owner.csrfToken ? 200 : 403)
      expect(spy).toHaveBeenCalled()
      const [sent, expected] = spy.mock.calls[0] as [Buffer, Buffer]
      expect(sent.length).toBe(expected.length)
    }
  })
})
