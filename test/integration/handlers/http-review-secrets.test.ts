import { randomBytes } from 'node:crypto'
import {
  CreateSecretCommand,
  PutSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager'
import { mockClient } from 'aws-sdk-client-mock'
import { beforeAll, describe, expect, it, inject } from 'vitest'
import { goodPassword, uniqueEmail } from '../../support/api'
import { testDb } from '../../support/db'

// The real Lambda entry point; Secrets Manager is mocked, DynamoDB is DynamoDB Local.
let handler: (
  event: unknown,
  context: unknown,
) => Promise<{
  statusCode: number
  body: string
  cookies?: string[]
  headers: Record<string, string>
}>
const secretsManager = mockClient(SecretsManagerClient)

function event(method: string, path: string, body?: unknown, cookies?: string[], csrf?: string) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    cookies,
    headers: {
      host: 'abc123.execute-api.eu-west-1.amazonaws.com',
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(csrf ? { 'x-csrf-token': csrf } : {}),
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '198.51.100.24', userAgent: 'vitest' },
      requestId: randomBytes(8).toString('hex'),
      routeKey: '$default',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
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

describe('the HTTP Lambda handler and review-site secrets', () => {
  it('keeps a connected site’s key in Secrets Manager as touchpoint/<practice>/<site>', async () => {
    const created = await handler(
      event('POST', '/api/practices', {
        practiceName: 'Cloud Clinic',
        specialty: 'cardiology',
        timeZone: 'Europe/Dublin',
        ownerName: 'Lambda Owner',
        email: uniqueEmail('lambda'),
        password: goodPassword,
      }),
      context,
    )
    expect(created.statusCode).toBe(201)
    const practiceId = JSON.parse(created.body).practice.id as string
    const cookies = [
      (created.cookies ?? []).find((c) => c.startsWith('tp_session='))!.split(';')[0]!,
    ]
    const me = JSON.parse(
      (await handler(event('GET', '/api/me', undefined, cookies), context)).body,
    )
    const location = await handler(
      event('POST', '/api/locations', { name: 'North' }, cookies, me.csrfToken),
      context,
    )
    const locationId = JSON.parse(location.body).id as string

    secretsManager
      .on(PutSecretValueCommand)
      .rejects(new ResourceNotFoundException({ message: 'not found', $metadata: {} }))
    secretsManager.on(CreateSecretCommand).resolves({})
    const res = await handler(
      event(
        'PUT',
        '/api/review-sources/yelp',
        { apiKey: 'lambda-yelp-key', locations: [{ externalId: 'biz', locationId }] },
        cookies,
        me.csrfToken,
      ),
      context,
    )
    expect(res.statusCode).toBe(200)
    expect(res.body).not.toContain('lambda-yelp-key')
    expect(secretsManager.commandCalls(CreateSecretCommand)[0]!.args[0].input).toMatchObject({
      Name: `touchpoint/${practiceId}/yelp`,
      SecretString: JSON.stringify({ source: 'yelp', apiKey: 'lambda-yelp-key' }),
    })
  })
})
