import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { mockClient } from 'aws-sdk-client-mock'
import { afterEach, describe, expect, it } from 'vitest'
import { createDb } from '../../../functions/src/store/db'
import { replaceUnchanged } from '../../../functions/src/store/replace-unchanged'

// The happy path and a real lost edit run against DynamoDB Local (governance-actions.test.ts);
// here, what each cancellation becomes.
const documents = mockClient(DynamoDBDocumentClient)
afterEach(() => documents.reset())
const db = () => createDb({ table: 't', region: 'us-east-1', endpoint: 'http://127.0.0.1:1' })
const replace = {
  key: { pk: 'P#1#GV', sk: 'C#1' },
  kind: 'case',
  item: { id: '1', updatedAt: '2026-12-02T10:00:00.000Z' },
  seen: '2026-12-02T09:00:00.000Z',
  what: 'case',
  with: [{ Put: { TableName: 't', Item: { pk: 'P#1#GV', sk: 'H#1' } } }],
}
const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  })

describe('replacing an item only while it is unchanged', () => {
  it('sends the guarded put first, then what goes with it, in one transaction', async () => {
    documents.on(TransactWriteCommand).resolves({})
    await replaceUnchanged(db(), replace)
    const [call] = documents.commandCalls(TransactWriteCommand)
    const items = call!.args[0].input.TransactItems!
    expect(items[0]!.Put).toMatchObject({
      ConditionExpression: 'updatedAt = :seen',
      ExpressionAttributeValues: { ':seen': replace.seen },
      Item: { pk: 'P#1#GV', sk: 'C#1', kind: 'case', id: '1' },
    })
    expect(items.slice(1)).toEqual(replace.with)
  })

  it('answers 409 changed, naming what, when someone else saved it first', async () => {
    documents.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None'))
    await expect(replaceUnchanged(db(), replace)).rejects.toMatchObject({
      status: 409,
      code: 'changed',
      message: 'Someone else changed this case; reload it.',
    })
  })

  it('lets any other failure through as it is', async () => {
    documents.on(TransactWriteCommand).rejects(cancelled('None', 'ConditionalCheckFailed'))
    await expect(replaceUnchanged(db(), replace)).rejects.toBeInstanceOf(
      TransactionCanceledException,
    )
  })
})
