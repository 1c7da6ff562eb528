import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { Case } from '../domain/governance/case'
import type { Evidence } from '../domain/governance/evidence'
import type { HistoryEntry } from '../domain/governance/history'
import { Conflict, NotFound } from '../domain/errors'
import { historyPut } from './case-history'
import { evidencePut } from './case-parts'
import type { Db } from './db'
import { cancellationReasons, cancelledBecause, fromItem, toItem } from './items'
import * as keys from './keys'
import { queryAll } from './query'
import { replaceUnchanged } from './replace-unchanged'

/**
 * Governance cases: the register (`GV`, `C#<id>`), and which case each origin became
 * (`O#<kind>#<origin id>`), claimed in the same transaction as the case, so a response, review or
 * board action asked twice (two people, a double click, a retry) opens one case.
 */

/**
 * Save a new case, claim its origin, and write the first line of its history, in one transaction,
 * with the origin's words as its first evidence when it has some.
 *
 * @example
 * await cases.create(db, practiceId, kase, { at, by, what: 'case', change: 'Case opened' })
 * // Conflict 'case-exists' (409) when its origin already has a case; the message names it.
 */
export async function create(
  db: Db,
  practiceId: string,
  kase: Case,
  history: HistoryEntry,
  firstEvidence?: Evidence,
): Promise<void> {
  const parsed = Case.parse(kase)
  const put = {
    Put: {
      TableName: db.table,
      Item: toItem(keys.governanceCase(practiceId, parsed.id), 'case', parsed),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  }
  const claim = parsed.origin && {
    Put: {
      TableName: db.table,
      Item: toItem(
        keys.caseOrigin(practiceId, parsed.origin.kind, parsed.origin.id),
        'case-origin',
        { caseId: parsed.id },
      ),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  }
  const trail = historyPut(db, practiceId, parsed.id, history)
  const evidence = firstEvidence ? [evidencePut(db, practiceId, parsed.id, firstEvidence)] : []
  const send = () =>
    db.client.send(
      new TransactWriteCommand({
        TransactItems: claim ? [put, trail, claim, ...evidence] : [put, trail, ...evidence],
      }),
    )
  try {
    await send().catch(async (err: unknown) => {
      // Two people opening a case from one origin at once: DynamoDB cancels one transaction as a
      // conflict; sent again (nothing of it was written), it meets the winner's claim below.
      if (!cancelledBecause(err, 'TransactionConflict')) throw err
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80))
      return send()
    })
  } catch (err) {
    if (claim && cancellationReasons(err)?.[2] === 'ConditionalCheckFailed') {
      const existing = await caseOfOrigin(db, practiceId, parsed.origin!.kind, parsed.origin!.id)
      throw new Conflict(
        existing ? `This already has a case (${existing}).` : 'This already has a case.',
        'case-exists',
        'origin',
      )
    }
    throw err
  }
}

/** The id of the case an origin became, if it became one. */
export async function caseOfOrigin(
  db: Db,
  practiceId: string,
  kind: string,
  originId: string,
): Promise<string | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.caseOrigin(practiceId, kind, originId) }),
  )
  return typeof Item?.caseId === 'string' ? Item.caseId : undefined
}

/**
 * Which case each origin of a kind became (origin id → case id), in one Query: what "My actions"
 * needs to say which board actions already have a case.
 *
 * @example
 * (await cases.originsOf(db, practiceId, 'board-action')).get(actionId) // '01JE…' or undefined
 */
export async function originsOf(
  db: Db,
  practiceId: string,
  kind: string,
): Promise<Map<string, string>> {
  const prefix = keys.caseOrigin(practiceId, kind, '').sk
  const items = await queryAll(db, { pk: keys.governanceOf(practiceId), skPrefix: prefix })
  return new Map(
    items.flatMap((item) =>
      typeof item.caseId === 'string' ? [[String(item.sk).slice(prefix.length), item.caseId]] : [],
    ),
  )
}

export async function get(db: Db, practiceId: string, id: string): Promise<Case | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.governanceCase(practiceId, id) }),
  )
  return Item ? fromItem(Case, Item) : undefined
}

/** Every case of the practice, newest first (a practice has tens: one small Query). */
export async function list(db: Db, practiceId: string): Promise<Case[]> {
  const items = await queryAll(db, keys.governanceCases(practiceId))
  return items.map((item) => fromItem(Case, item)).sort((a, b) => b.id.localeCompare(a.id))
}

/**
 * Replace a case with `next`, unless it changed since `existing` was read, with its history line.
 *
 * @example
 * await cases.replace(db, practiceId, existing, { ...existing, status: 'investigating', updatedAt: now }, history)
 */
export async function replace(
  db: Db,
  practiceId: string,
  existing: Case,
  next: Case,
  history: HistoryEntry,
): Promise<Case> {
  const parsed = Case.parse(next)
  await replaceUnchanged(db, {
    key: keys.governanceCase(practiceId, existing.id),
    kind: 'case',
    item: parsed,
    seen: existing.updatedAt,
    what: 'case',
    with: [historyPut(db, practiceId, existing.id, history)],
  })
  return parsed
}

/** `get`, or NotFound (404) for an id this practice does not have. */
export async function getOrThrow(db: Db, practiceId: string, id: string): Promise<Case> {
  const found = await get(db, practiceId, id)
  if (!found) throw new NotFound('case', id)
  return found
}
