import {
  CreateTableCommand,
  DescribeTableCommand,
  ProvisionedThroughputExceededException,
  RequestLimitExceeded,
  ResourceInUseException,
  ResourceNotFoundException,
  TransactionCanceledException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb'
import { mockClient } from 'aws-sdk-client-mock'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../../../functions/src/api/app'
import { readConfig } from '../../../functions/src/config'
import { createDb } from '../../../functions/src/store/db'
import { ensureTable } from '../../../functions/src/store/ensure-table'
import { translateSdkError } from '../../../functions/src/store/sdk-errors'

// Error paths DynamoDB Local will not produce on demand; the happy paths run against the real thing.
// The store sends every command through the document client, so that is where to answer them.
const documents = mockClient(DynamoDBDocumentClient)
afterEach(() => documents.reset())
const db = () => createDb({ table: 't', region: 'us-east-1', endpoint: 'http://127.0.0.1:1' })

describe('AWS error paths', () => {
  it('treats a table created concurrently by someone else as existing', async () => {
    documents
      .on(DescribeTableCommand)
      .rejects(new ResourceNotFoundException({ message: 'no table', $metadata: {} }))
      .on(CreateTableCommand)
      .rejects(new ResourceInUseException({ message: 'being created', $metadata: {} }))
    expect(await ensureTable(db())).toBe('existed')
    expect(documents.commandCalls(CreateTableCommand)).toHaveLength(1)
    expect(documents.commandCalls(UpdateTimeToLiveCommand)).toHaveLength(0)
  })

  it('answers health checks with 503 problem+json when the table does not answer', async () => {
    documents.on(GetCommand).rejects(new Error('connect ECONNREFUSED'))
    const app = createApp({
      config: readConfig({ LOG_LEVEL: 'silent' }),
      db: db(),
      mailer: { mode: 'outbox', send: async () => {} },
    })
    const res = await app.request('/api/health')
    expect(res.status).toBe(503)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
  })

  it.each([
    [
      'ProvisionedThroughputExceededException',
      () => new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }),
    ],
    [
      'ThrottlingException',
      () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }),
    ],
    [
      'RequestLimitExceeded',
      () => new RequestLimitExceeded({ message: 'account limit', $metadata: {} }),
    ],
    [
      'a transaction cancelled for throttling',
      () =>
        new TransactionCanceledException({
          message: 'cancelled',
          $metadata: {},
          CancellationReasons: [{ Code: 'None' }, { Code: 'ThrottlingError' }],
        }),
    ],
  ])('answers DynamoDB throttling (%s) with 503 problem+json and Retry-After', async (_, error) => {
    documents.on(GetCommand).rejects(error())
    const app = createApp({
      config: readConfig({ LOG_LEVEL: 'silent' }),
      db: db(),
      mailer: { mode: 'outbox', send: async () => {} },
    })
    const res = await app.request('/api/me', { headers: { cookie: 'tp_session=abc' } })
    expect(res.status).toBe(503)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await res.json()).toMatchObject({
      status: 503,
      type: expect.stringContaining('throttled'),
    })
  })

  it('leaves a cancelled transaction whose condition failed to its caller, even if throttled too', () => {
    const cancelled = new TransactionCanceledException({
      message: 'cancelled',
      $metadata: {},
      CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'ThrottlingError' }],
    })
    expect(translateSdkError(cancelled)).toBe(cancelled)
  })

  it('answers an unexpected store failure with a 500 problem that leaks nothing', async () => {
    documents.on(GetCommand).rejects(new Error('secret internals: dana@example.com'))
    const app = createApp({
      config: readConfig({ LOG_LEVEL: 'silent' }),
      db: db(),
      mailer: { mode: 'outbox', send: async () => {} },
    })
    const res = await app.request('/api/me', { headers: { cookie: 'tp_session=abc' } })
    expect(res.status).toBe(500)
    const body = await res.text()
    expect(body).not.toContain('dana@example.com')
    expect(JSON.parse(body)).toMatchObject({
      status: 500,
      detail: 'Something went wrong on our side.',
    })
  })
})
