import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { Fix } from '../domain/governance/fixes'
import type { HistoryEntry } from '../domain/governance/history'
import { NotFound } from '../domain/errors'
import { historyPut } from './case-history'
import type { Db } from './db'
import { cancellationReasons, fromItem, toItem } from './items'
import * as keys from './keys'
import { queryAll } from './query'
import { replaceUnchanged } from './replace-unchanged'

/**
 * Systemic fixes. Each lives once, under the practice's governance work (`GVW`, `F#<id>`) with its
 * `caseId`, so the outcome route finds it by id alone and a case lists its own with one Query.
 */

/**
 * Save a new fix of an existing case, with its line in the case's history.
 *
 * @example
 * await fixes.create(db, practiceId, fix, { at, by, what: 'fix', change: 'Fix added: …' })
 */
export async function create(
  db: Db,
  practiceId: string,
  fix: Fix,
  history: HistoryEntry,
): Promise<void> {
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: db.table,
              Item: toItem(keys.fix(practiceId, fix.id), 'fix', Fix.parse(fix)),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            // The case must still exist: a fix of a deleted case would be an orphan.
            ConditionCheck: {
              TableName: db.table,
              Key: keys.governanceCase(practiceId, fix.caseId),
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
          historyPut(db, practiceId, fix.caseId, history),
        ],
      }),
    )
  } catch (err) {
    if (cancellationReasons(err)?.[1] === 'ConditionalCheckFailed') throw new NotFound('case')
    throw err
  }
}

/**
 * Replace a fix with `next`, with its line in the case's history, unless someone changed it since
 * `existing` was read (409 `changed`: the second of two edits is refused, not silently lost).
 *
 * @example
 * const before = await fixes.getFix(db, practiceId, id)
 * await fixes.replace(db, practiceId, before, { ...before, effectiveOn: '2026-12-07', updatedAt: now }, history)
 */
export async function replace(
  db: Db,
  practiceId: string,
  existing: Fix,
  next: Fix,
  history: HistoryEntry,
): Promise<Fix> {
  const parsed = Fix.parse(next)
  await replaceUnchanged(db, {
    key: keys.fix(practiceId, parsed.id),
    kind: 'fix',
    item: parsed,
    seen: existing.updatedAt,
    what: 'fix',
    with: [historyPut(db, practiceId, parsed.caseId, history)],
  })
  return parsed
}

/** The fix with this id in this practice, if there is one. */
export async function getFix(db: Db, practiceId: string, id: string): Promise<Fix | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.fix(practiceId, id) }),
  )
  return Item ? fromItem(Fix, Item) : undefined
}

/** Every fix of the practice, oldest first. */
export async function listAll(db: Db, practiceId: string): Promise<Fix[]> {
  return (await queryAll(db, keys.fixes(practiceId))).map((item) => fromItem(Fix, item))
}

/** The fixes of one case, oldest first. */
export async function listOfCase(db: Db, practiceId: string, caseId: string): Promise<Fix[]> {
  return (await listAll(db, practiceId)).filter((fix) => fix.caseId === caseId)
}
