import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager'
import { mockClient } from 'aws-sdk-client-mock'
import { afterAll, describe, expect, it } from 'vitest'
import { createApp } from '../../../functions/src/api/app'
import { RotatingSecrets } from '../../../functions/src/api/middleware/origin-verify'
import { readConfig } from '../../../functions/src/config'
import {
  behindCloudFront,
  viewerAddress,
} from '../../../functions/src/handlers/http-client-address'
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

  it("trusts CloudFront's viewer address with the rotated secret as with a fixed one", () => {
    // Else sign-in throttling in AWS would count CloudFront's addresses, not the viewers'.
    expect(behindCloudFront({ ORIGIN_VERIFY_SECRET_ARN: 'arn:aws:secretsmanager:x' })).toBe(true)
    expect(behindCloudFront({ ORIGIN_VERIFY_SECRET: 'a-secret-of-enough-length' })).toBe(true)
    expect(behindCloudFront({})).toBe(false)
  })
})

describe('origin verification with the rotated secret (ORIGIN_VERIFY_SECRET_ARN)', () => {
  const arn = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:OriginVerify-abc'
  const secretsMock = mockClient(SecretsManagerClient)
  afterAll(() => secretsMock.restore())

  /** Secrets Manager as a rotation leaves it: a value per stage, or no such stage. */
  function stages(values: Partial<Record<'AWSCURRENT' | 'AWSPENDING' | 'AWSPREVIOUS', string>>) {
    secretsMock.reset()
    for (const stage of ['AWSCURRENT', 'AWSPENDING', 'AWSPREVIOUS'] as const) {
      const value = values[stage]
      const call = secretsMock.on(GetSecretValueCommand, { SecretId: arn, VersionStage: stage })
      if (value) call.resolves({ SecretString: value })
      else call.rejects(new ResourceNotFoundException({ message: 'no such stage', $metadata: {} }))
    }
  }

  const rotatedApp = () =>
    createApp({
      config: readConfig({ LOG_LEVEL: 'silent', ORIGIN_VERIFY_SECRET_ARN: arn }),
      db: createDb({ table: 't', region: 'us-east-1', endpoint: 'http://127.0.0.1:1' }),
      mailer: { mode: 'outbox', send: async () => {} },
    })
  const ask = (app: ReturnType<typeof rotatedApp>, header?: string) =>
    app.request('/api/config', { headers: header ? { 'x-origin-verify': header } : {} })

  it('serves the current, pending and previous values while CloudFront deploys, and no other', async () => {
    stages({
      AWSCURRENT: 'value-now-0123456789',
      AWSPENDING: 'value-next-0123456789',
      AWSPREVIOUS: 'value-before-012345',
    })
    const app = rotatedApp()
    for (const accepted of [
      'value-now-0123456789',
      'value-next-0123456789',
      'value-before-012345',
    ]) {
      expect((await ask(app, accepted)).status).toBe(200)
    }
    for (const refused of [undefined, 'value-now-012345678', 'value-now-0123456789x', 'wrong']) {
      const res = await ask(app, refused)
      expect(res.status).toBe(403)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
    }
    // Read once for all of them: the bad headers within the interval read nothing more.
    expect(secretsMock.commandCalls(GetSecretValueCommand)).toHaveLength(3)
  })

  it('answers 503 problem+json, not 500, when Secrets Manager cannot be read', async () => {
    secretsMock.reset()
    secretsMock.on(GetSecretValueCommand).rejects(new Error('AccessDenied'))
    const app = rotatedApp()
    const res = await ask(app, 'value-now-0123456789')
    expect(res.status).toBe(503)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect((await ask(app, 'value-now-0123456789')).status).toBe(503)
    // The second request within the interval did not ask again.
    expect(secretsMock.commandCalls(GetSecretValueCommand)).toHaveLength(3)
  })
})

describe('RotatingSecrets (the cache behind the rotated secret)', () => {
  function clocked(values: string[][]) {
    let at = 1_000_000
    let reads = 0
    const secrets = new RotatingSecrets(async () => values[Math.min(reads++, values.length - 1)]!, {
      ttlMs: 300_000,
      minReadIntervalMs: 60_000,
      now: () => at,
    })
    return { secrets, reads: () => reads, advance: (ms: number) => (at += ms) }
  }

  it('reads again on a mismatch, at most once per interval, however many requests miss', async () => {
    const { secrets, reads, advance } = clocked([['old'], ['old', 'new']])
    expect(await secrets.values()).toEqual(['old'])
    advance(60_000)
    // CloudFront began sending the new value: the first miss reads it...
    expect(await secrets.values({ afterMismatch: true })).toEqual(['old', 'new'])
    // ...and a flood of misses right after reads nothing.
    for (let i = 0; i < 100; i++) await secrets.values({ afterMismatch: true })
    expect(reads()).toBe(2)
    advance(59_999)
    await secrets.values({ afterMismatch: true })
    expect(reads()).toBe(2)
    advance(1)
    await secrets.values({ afterMismatch: true })
    expect(reads()).toBe(3)
  })

  it('reads a mismatch again no sooner than the interval after the first read', async () => {
    const { secrets, reads, advance } = clocked([['old'], ['old', 'new']])
    await secrets.values()
    advance(10_000)
    expect(await secrets.values({ afterMismatch: true })).toEqual(['old'])
    expect(reads()).toBe(1)
  })

  it('keeps its values for the TTL, then reads again; a failed read keeps the last values', async () => {
    let at = 0
    let reads = 0
    const secrets = new RotatingSecrets(
      async () => {
        reads++
        if (reads > 1) throw new Error('Secrets Manager is down')
        return ['kept']
      },
      { ttlMs: 300_000, minReadIntervalMs: 60_000, now: () => at },
    )
    await secrets.values()
    at = 299_999
    await secrets.values()
    expect(reads).toBe(1)
    at = 300_000
    expect(await secrets.values()).toEqual(['kept'])
    expect(reads).toBe(2)
    // Failed reads are rate limited too.
    at = 300_001
    await secrets.values()
    expect(reads).toBe(2)
  })

  it('shares one read among requests that arrive together', async () => {
    let reads = 0
    const secrets = new RotatingSecrets(async () => {
      reads++
      await new Promise((resolve) => setTimeout(resolve, 5))
      return ['v']
    })
    await Promise.all(Array.from({ length: 20 }, () => secrets.values()))
    expect(reads).toBe(1)
  })
})
