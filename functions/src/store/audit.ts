import { PutCommand } from '@aws-sdk/lib-dynamodb'
import { ulid } from 'ulid'
import { z } from 'zod'
import { Id } from '../domain/practice'
import type { Db } from './db'
import { fromItem, nowIso, toItem } from './items'
import * as keys from './keys'
import { queryEvery } from './query'

/**
 * One line of the practice's audit log: who did what to patients' words, and when. It names ids
 * and filters only, never a patient's answers, name or contact details.
 */
export const AuditEntry = z.object({
  id: Id,
  at: z.iso.datetime(),
  actorId: Id,
  action: z.enum(['responses.export', 'reviews.reply', 'moments.candidates']),
  /** What was asked for: the request's filters (ids, days, scores), as given. */
  details: z.record(z.string(), z.union([z.string(), z.number()])),
})
export type AuditEntry = z.infer<typeof AuditEntry>

/**
 * Write an audit entry. Kept without expiry: HIPAA asks covered entities to keep such records for
 * six years, and they are small.
 *
 * @example
 * await audit.record(db, practiceId, { actorId: user.id, action: 'responses.export', details: { from: '2026-09-01' } })
 */
export async function record(
  db: Db,
  practiceId: string,
  entry: Omit<AuditEntry, 'id' | 'at'>,
): Promise<AuditEntry> {
  const written: AuditEntry = { id: ulid(), at: nowIso(), ...entry }
  await db.client.send(
    new PutCommand({
      TableName: db.table,
      Item: toItem(keys.auditEntry(practiceId, written.at, written.id), 'audit', written),
    }),
  )
  return written
}

/** The practice's audit log, oldest first. */
export async function list(db: Db, practiceId: string): Promise<AuditEntry[]> {
  const items = await queryEvery(db, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.auditOf(practiceId) },
  })
  return items.map((item) => fromItem(AuditEntry, item))
}
