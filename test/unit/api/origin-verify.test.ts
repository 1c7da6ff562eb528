import { describe, expect, it } from 'vitest'
import { createApp } from '../../../functions/src/api/app'
import { readConfig } from '../../../functions/src/config'
import { viewerAddress } from '../../../functions/src/handlers/http-client-address'
import { createDb } from '../../../functions/src/store/db'

const app = createApp({
  config: readConfig({ LOG_LEVEL: 'silent', ORIGIN_VERIFY_SECRET: 'a-secret-of-enough-length' }),
  db: createDb({ table: 't', region: 'us-east-1', endpoint: 'http://127.0.0.1:1' }),
  mailer: { mode: 'outbox', send: async () => {} },
})

describe('origin verification (AWS: only through CloudFront)', () => {
  it('refuses API requests that did not come through CloudFront', async () => {
    for (const header of [undefined, 'wrong', 'a-secret-of-enough-lengtH']) {
      const res = await app.request('/api/config', {
        headers: header ? { 'x-origin-verify': header } : {},
      })
      expect(res.status).toBe(403)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
    }
  })

  it('serves requests carrying the shared secret', async () => {
    const res = await app.request('/api/config', {
      headers: { 'x-origin-verify': 'a-secret-of-enough-length' },
    })
    expect(res.status).toBe(200)
  })

  it("reads the viewer's address from CloudFront's header, IPv4 and IPv6", () => {
    expect(viewerAddress('198.51.100.10:46532')).toBe('198.51.100.10')
    expect(viewerAddress('2001:db8::8a2e:370:7334:443')).toBe('2001:db8::8a2e:370:7334')
    expect(viewerAddress(undefined)).toBeUndefined()
    expect(viewerAddress('garbage')).toBeUndefined()
  })
})
