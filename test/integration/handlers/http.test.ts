import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, it, inject } from 'vitest'
import { goodPassword, uniqueEmail } from '../../support/api'
import { testDb } from '../../support/db'

// The real Lambda entry point, invoked with API Gateway HTTP API (payload v2) events.
let handler: (event: unknown, context: unknown) => Promise<LambdaResult>

interface LambdaResult {
  statusCode: number
  headers: Record<string, string>
  cookies?: string[]
  body: string
}

function httpApiEvent(
  method: string,
  path: string,
  options: { body?: unknown; cookies?: string[]; headers?: Record<string, string> } = {},
) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    cookies: options.cookies,
    headers: {
      host: 'abc123.execute-api.eu-west-1.amazonaws.com',
      ...(options.body ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '198.51.100.23', userAgent: 'vitest' },
      requestId: randomBytes(8).toString('hex'),
      routeKey: '$default',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    isBase64Encoded: false,
  }
}

const context = { functionName: 'touchpoint-http', awsRequestId: 'test' }

beforeAll(async () => {
  const db = await testDb()
  process.env.TABLE_NAME = db.table
  process.env.DYNAMODB_ENDPOINT = inject('dynamoEndpoint')
  process.env.LOG_LEVEL = 'silent'
  process.env.PUBLIC_URL = 'https://touchpoint.example.org'
  ;({ handler } = (await import('../../../functions/src/handlers/http')) as unknown as {
    handler: typeof handler
  })
})

describe('the HTTP Lambda handler', () => {
  it('answers health checks', async () => {
    const res = await handler(httpApiEvent('GET', '/api/health'), context)
    expect(res.statusCode).toBe(200)
    expect(JSON.parse(res.body)).toEqual({ status: 'ok' })
  })

  it('creates a practice, returns the session cookie, and recognises it on the next call', async () => {
    const email = uniqueEmail('lambda')
    const created = await handler(
      httpApiEvent('POST', '/api/practices', {
        body: {
          practiceName: 'Cloud Clinic',
          specialty: 'cardiology',
          timeZone: 'Europe/Dublin',
          ownerName: 'Lambda Owner',
          email,
          password: goodPassword,
        },
      }),
      context,
    )
    expect(created.statusCode).toBe(201)
    const cookie = (created.cookies ?? [created.headers['set-cookie']]).find((c) =>
      c?.startsWith('tp_session='),
    )
    expect(cookie).toBeDefined()

    const me = await handler(
      httpApiEvent('GET', '/api/me', { cookies: [cookie!.split(';')[0]!] }),
      context,
    )
    expect(me.statusCode).toBe(200)
    expect(JSON.parse(me.body)).toMatchObject({ role: 'owner', practice: { name: 'Cloud Clinic' } })
  })

  it('answers an unknown path with 404 and a wrong method with 405 and Allow, as problem+json', async () => {
    const unknown = await handler(httpApiEvent('PATCH', '/api/practice/anything'), context)
    expect(unknown.statusCode).toBe(404)
    expect(unknown.headers['content-type']).toBe('application/problem+json')
    const wrongMethod = await handler(httpApiEvent('PUT', '/api/session'), context)
    expect(wrongMethod.statusCode).toBe(405)
    expect(wrongMethod.headers['content-type']).toBe('application/problem+json')
    expect(wrongMethod.headers.allow).toBe('DELETE, POST')
  })

  it('answers bad input with problem+json naming the field', async () => {
    const res = await handler(
      httpApiEvent('POST', '/api/session', { body: { email: 'nobody' } }),
      context,
    )
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toBe('application/problem+json')
    expect(JSON.parse(res.body).field).toBe('email')
  })
})
