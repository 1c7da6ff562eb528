import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { CaseAction, type ReminderKind } from '../domain/governance/actions'
import type { HistoryEntry } from '../domain/governance/history'
import { NotFound } from '../domain/errors'
import { historyPut } from './case-history'
import type { Db } from './db'
import { cancellationReasons, fromItem, isConditionFailure, toItem } from './items'
import * as keys from './keys'
import { queryAll, queryEvery } from './query'
import { replaceUnchanged } from './replace-unchanged'

/**
 * A case's action items. Each lives once under the practice's governance work (`GVW`, `A#<id>`)
 * with its `caseId`, so "My actions" reads one partition. An action not yet done also has an entry
 * in the global due-date index (`ACTIONDUE#<day>`), kept in step in the same transaction, so the
 * daily reminder job reads two days instead of every practice.
 */

const dueIndexPut = (db: Db, practiceId: string, action: CaseAction) => ({
  Put: {
    TableName: db.table,
    Item: toItem(keys.actionDue(action.dueOn, practiceId, action.id), 'action-due', {
      practiceId,
      actionId: action.id,
      dueOn: action.dueOn,
    }),
  },
})

const dueIndexDelete = (db: Db, practiceId: string, action: CaseAction) => ({
  Delete: { TableName: db.table, Key: keys.actionDue(action.dueOn, practiceId, action.id) },
})

/**
 * Save a new action of an existing case, its due-date entry and its line in the case's history.
 *
 * @example
 * await actions.create(db, practiceId, action, { at, by, what: 'action', change: 'Action added: …' })
 */
export async function create(
  db: Db,
  practiceId: string,
  action: CaseAction,
  history: HistoryEntry,
): Promise<void> {
  const parsed = CaseAction.parse(action)
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: db.table,
              Item: toItem(keys.caseAction(practiceId, parsed.id), 'case-action', parsed),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            ConditionCheck: {
              TableName: db.table,
              Key: keys.governanceCase(practiceId, parsed.caseId),
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
          historyPut(db, practiceId, parsed.caseId, history),
          ...(parsed.status === 'done' ? [] : [dueIndexPut(db, practiceId, parsed)]),
        ],
      }),
    )
  } catch (err) {
    if (cancellationReasons(err)?.[1] === 'ConditionalCheckFailed') throw new NotFound('case')
    throw err
  }
}

export async function get(db: Db, practiceId: string, id: string): Promise<CaseAction | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.caseAction(practiceId, id) }),
  )
  return Item ? fromItem(CaseAction, Item) : undefined
}

/**
 * Replace an action with `next` (its status, note, owner, date…), unless it changed since
 * `existing` was read; moves its due-date entry when the date changes and drops it once done.
 *
 * @example
 * const before = await actions.get(db, practiceId, id)
 * await actions.replace(db, practiceId, before, { ...before, status: 'done', doneAt: now, updatedAt: now }, history)
 */
export async function replace(
  db: Db,
  practiceId: string,
  existing: CaseAction,
  next: CaseAction,
  history: HistoryEntry,
): Promise<CaseAction> {
  const parsed = CaseAction.parse(next)
  const wasIndexed = existing.status !== 'done'
  const indexed = parsed.status !== 'done'
  const indexMoves = wasIndexed !== indexed || existing.dueOn !== parsed.dueOn
  await replaceUnchanged(db, {
    key: keys.caseAction(practiceId, parsed.id),
    kind: 'case-action',
    item: parsed,
    seen: existing.updatedAt,
    what: 'action',
    with: [
      historyPut(db, practiceId, parsed.caseId, history),
      ...(indexMoves && wasIndexed ? [dueIndexDelete(db, practiceId, existing)] : []),
      ...(indexMoves && indexed ? [dueIndexPut(db, practiceId, parsed)] : []),
    ],
  })
  return parsed
}

/** Every case action of the practice, the soonest due first. */
export async function listAll(db: Db, practiceId: string): Promise<CaseAction[]> {
  const items = await queryAll(db, keys.caseActions(practiceId))
  return items
    .map((item) => fromItem(CaseAction, item))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.createdAt.localeCompare(b.createdAt))
}

/** The actions of one case, the soonest due first. */
export async function listOfCase(
  db: Db,
  practiceId: string,
  caseId: string,
): Promise<CaseAction[]> {
  return (await listAll(db, practiceId)).filter((action) => action.caseId === caseId)
}

/**
 * The not-done actions of every practice due on `day` (YYYY-MM-DD), as the reminder job needs
 * them: the practice and the action's id (read the action itself to check it is still owed).
 *
 * @example
 * for (const { practiceId, actionId } of await actions.dueOn(db, '2026-12-02')) …
 */
export async function dueOn(
  db: Db,
  day: string,
): Promise<{ practiceId: string; actionId: string }[]> {
  // The whole partition: DynamoDB refuses `begins_with(sk, '')` (an empty key value).
  const items = await queryEvery(db, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.actionsDueOn(day).pk },
  })
  return items.flatMap((item) =>
    typeof item.practiceId === 'string' &&
    typeof item.actionId === 'string' &&
    // A global partition: trust only an entry whose key agrees with the ids it carries.
    item.sk === `${item.practiceId}#${item.actionId}`
      ? [{ practiceId: item.practiceId, actionId: item.actionId }]
      : [],
  )
}

/**
 * Record that the `kind` reminder of an action for its `dueOn` is being sent; false when it was
 * already claimed (the job ran twice, or two runs overlap), so each reminder goes out once.
 *
 * @example
 * if (await actions.claimReminder(db, practiceId, action.id, 'overdue', action.dueOn)) await send()
 */
export async function claimReminder(
  db: Db,
  practiceId: string,
  actionId: string,
  kind: ReminderKind,
  dueOn: string,
  at: string,
): Promise<boolean> {
  try {
    await db.client.send(
      new PutCommand({
        TableName: db.table,
        Item: toItem(keys.reminderSent(practiceId, actionId, kind, dueOn), 'reminder-sent', { at }),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    )
    return true
  } catch (err) {
    if (isConditionFailure(err)) return false
    throw err
  }
}

/**
 * Undo `claimReminder` when the reminder could not be sent (the mail service failed), so the next
 * run sends it rather than believing it sent.
 */
export async function releaseReminder(
  db: Db,
  practiceId: string,
  actionId: string,
  kind: ReminderKind,
  dueOn: string,
): Promise<void> {
  await db.client.send(
    new DeleteCommand({
      TableName: db.table,
      Key: keys.reminderSent(practiceId, actionId, kind, dueOn),
    }),
  )
}
