import { ulid } from 'ulid'
import { HistoryEntry } from '../domain/governance/history'
import type { Db } from './db'
import { fromItem, toItem } from './items'
import * as keys from './keys'
import { queryAll } from './query'

/**
 * The Put that adds one line to a case's audit trail: every store call that changes a case, its
 * analysis, evidence, fixes or actions sends it in the same transaction as the change, so the trail
 * never misses one and never records one that did not happen.
 *
 * @example
 * TransactItems: [changeOfTheCase, historyPut(db, practiceId, caseId, { at, by, what: 'status', change: 'Status: open → investigating' })]
 */
export function historyPut(db: Db, practiceId: string, caseId: string, entry: HistoryEntry) {
  const parsed = HistoryEntry.parse(entry)
  return {
    Put: {
      TableName: db.table,
      Item: toItem(keys.caseHistoryEntry(practiceId, caseId, parsed.at, ulid()), 'case-history', {
        ...parsed,
        caseId,
      }),
    },
  }
}

/** A case's audit trail, oldest first. */
export async function list(db: Db, practiceId: string, caseId: string): Promise<HistoryEntry[]> {
  const items = await queryAll(db, keys.caseHistory(practiceId, caseId))
  return items.map((item) => fromItem(HistoryEntry, item))
}
