import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { mockClient } from 'aws-sdk-client-mock'
import { afterEach, describe, expect, it } from 'vitest'
import type { Case } from '../../../functions/src/domain/governance/case'
import { createDb } from '../../../functions/src/store/db'
import * as cases from '../../../functions/src/store/governance-cases'

// DynamoDB Local does not cancel transactions for conflicts on demand, so the retry of a case
// whose transaction met another one on the same origin is checked here; the race itself (two
// POSTs at once, one 201 and one 409) runs against DynamoDB Local in governance-cases.test.ts.
const documents = mockClient(DynamoDBDocumentClient)
afterEach(() => documents.reset())
const db = () => createDb({ table: 't', region: 'us-east-1', endpoint: 'http://127.0.0.1:1' })

const at = '2026-11-30T15:00:00.000Z'
const kase: Case = {
  id: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3C',
  version: 1,
  title: 'Check-in queue',
  description: 'Twenty minutes at the desk',
  touchpointId: 'check-in',
  severity: 'high',
  origin: { kind: 'response', id: '2026-11.01JDQ6R8Z5TQ3V2W9X0Y1Z2A3D' },
  status: 'open',
  openedAt: at,
  openedBy: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3E',
  updatedAt: at,
}
const line = { at, by: kase.openedBy, what: 'case' as const, change: 'Case opened' }

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  })

describe('opening a case when another transaction meets it', () => {
  it('sends the transaction again after a conflict, and it succeeds', async () => {
    documents
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled('None', 'None', 'TransactionConflict'))
      .resolves({})
    await expect(cases.create(db(), 'p1', kase, line)).resolves.toBeUndefined()
    expect(documents.commandCalls(TransactWriteCommand)).toHaveLength(2)
  })

  it('answers 409 case-exists, naming the winner, when the retry meets the claim', async () => {
    documents
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled('None', 'None', 'TransactionConflict'))
      .rejects(cancelled('None', 'None', 'ConditionalCheckFailed'))
      .on(GetCommand)
      .resolves({ Item: { caseId: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3F' } })
    const error = await cases.create(db(), 'p1', kase, line).catch((err: unknown) => err)
    expect(error).toMatchObject({ status: 409, code: 'case-exists' })
    expect(String((error as Error).message)).toContain('01JDQ6R8Z5TQ3V2W9X0Y1Z2A3F')
    expect(documents.commandCalls(TransactWriteCommand)).toHaveLength(2)
  })

  it('does not retry a cancellation that is not a conflict', async () => {
    documents.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None', 'None'))
    await expect(cases.create(db(), 'p1', kase, line)).rejects.toThrow()
    expect(documents.commandCalls(TransactWriteCommand)).toHaveLength(1)
  })
})
