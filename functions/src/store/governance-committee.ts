import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { ulid } from 'ulid'
import { Conflict, Invalid } from '../domain/errors'
import { Charter, CommitteeHistoryEntry, Meeting } from '../domain/governance/committee'
import type { HistoryEntry } from '../domain/governance/history'
import { historyPut as caseHistoryPut } from './case-history'
import type { Db } from './db'
import { cancellationReasons, fromItem, toItem } from './items'
import * as keys from './keys'
import { queryAll } from './query'
import { replaceUnchanged } from './replace-unchanged'

/**
 * The governance committee's charter (one item, `CHARTER`) and meetings (`G#<id>` in the
 * practice's governance partition). Every change writes a line of the committee's audit trail
 * (`GH#<at>#<id>`) in the same transaction, so the trail never misses a change nor records one
 * that did not happen (the case's trail, store/case-history.ts, works the same way).
 */

function historyPut(db: Db, practiceId: string, entry: CommitteeHistoryEntry) {
  const parsed = CommitteeHistoryEntry.parse(entry)
  return {
    Put: {
      TableName: db.table,
      Item: toItem(
        keys.committeeHistoryEntry(practiceId, parsed.at, ulid()),
        'committee-history',
        parsed,
      ),
    },
  }
}

/** The charter the committee wrote, or undefined while it has none (the API answers a default). */
export async function getCharter(db: Db, practiceId: string): Promise<Charter | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.charter(practiceId) }),
  )
  return Item ? fromItem(Charter, Item) : undefined
}

/**
 * Write the charter, unless it changed since `seenUpdatedAt` was read (undefined: there was none).
 *
 * @example
 * await committee.putCharter(db, practiceId, charter, before?.updatedAt, { at, by, what: 'charter', change: 'Charter: criteria changed' })
 */
export async function putCharter(
  db: Db,
  practiceId: string,
  charter: Charter,
  seenUpdatedAt: string | undefined,
  history: CommitteeHistoryEntry,
): Promise<Charter> {
  const parsed = Charter.parse(charter)
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: db.table,
              Item: toItem(keys.charter(practiceId), 'charter', parsed),
              // Two editors at once: the second is refused rather than silently overwriting.
              ...(seenUpdatedAt === undefined
                ? { ConditionExpression: 'attribute_not_exists(pk)' }
                : {
                    ConditionExpression: 'updatedAt = :seen',
                    ExpressionAttributeValues: { ':seen': seenUpdatedAt },
                  }),
            },
          },
          historyPut(db, practiceId, history),
        ],
      }),
    )
  } catch (err) {
    if (cancellationReasons(err)?.[0] === 'ConditionalCheckFailed') {
      throw new Conflict('Someone else changed the charter; reload it.', 'changed')
    }
    throw err
  }
  return parsed
}

/** A line for a case's own history: a decision about it, taken at a meeting. */
export interface CaseLine {
  caseId: string
  entry: HistoryEntry
}

/** DynamoDB takes 100 items in a transaction; the meeting and its trail line take two. */
const maxCaseLines = 98

function caseLinePuts(db: Db, practiceId: string, lines: readonly CaseLine[]) {
  if (lines.length > maxCaseLines)
    throw new Invalid(
      `At most ${maxCaseLines} new links from decisions to cases at once`,
      'decisions',
    )
  return lines.map((line) => caseHistoryPut(db, practiceId, line.caseId, line.entry))
}

/**
 * Save a new meeting, its line in the committee's trail, and a line in the history of each case
 * its decisions name.
 *
 * @example
 * await committee.createMeeting(db, practiceId, meeting, { at, by, what: 'meeting', change: 'Meeting of 2026-12-01 recorded' })
 */
export async function createMeeting(
  db: Db,
  practiceId: string,
  meeting: Meeting,
  history: CommitteeHistoryEntry,
  caseLines: readonly CaseLine[] = [],
): Promise<Meeting> {
  const parsed = Meeting.parse(meeting)
  await db.client.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: db.table,
            Item: toItem(keys.governanceMeeting(practiceId, parsed.id), 'meeting', parsed),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        historyPut(db, practiceId, history),
        ...caseLinePuts(db, practiceId, caseLines),
      ],
    }),
  )
  return parsed
}

export async function getMeeting(
  db: Db,
  practiceId: string,
  id: string,
): Promise<Meeting | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.governanceMeeting(practiceId, id) }),
  )
  return Item ? fromItem(Meeting, Item) : undefined
}

/** Every meeting, the latest date first (a committee meets monthly: a small Query). */
export async function listMeetings(db: Db, practiceId: string): Promise<Meeting[]> {
  const items = await queryAll(db, keys.governanceMeetings(practiceId))
  return items
    .map((item) => fromItem(Meeting, item))
    .sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id))
}

/**
 * Replace a meeting with `next`, unless it changed since `existing` was read, with its trail line.
 *
 * @example
 * await committee.replaceMeeting(db, practiceId, before, { ...before, minutes, updatedAt: now }, history)
 */
export async function replaceMeeting(
  db: Db,
  practiceId: string,
  existing: Meeting,
  next: Meeting,
  history: CommitteeHistoryEntry,
  caseLines: readonly CaseLine[] = [],
): Promise<Meeting> {
  const parsed = Meeting.parse(next)
  await replaceUnchanged(db, {
    key: keys.governanceMeeting(practiceId, existing.id),
    kind: 'meeting',
    item: parsed,
    seen: existing.updatedAt,
    what: 'meeting',
    with: [historyPut(db, practiceId, history), ...caseLinePuts(db, practiceId, caseLines)],
  })
  return parsed
}

/** The committee's audit trail, oldest first. */
export async function history(db: Db, practiceId: string): Promise<CommitteeHistoryEntry[]> {
  const items = await queryAll(db, keys.committeeHistory(practiceId))
  return items.map((item) => fromItem(CommitteeHistoryEntry, item))
}
