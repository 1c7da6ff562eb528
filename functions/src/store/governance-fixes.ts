import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { Fix } from '../domain/governance/fixes'
import type { Db } from './db'
import { fromItem } from './items'
import * as keys from './keys'

/**
 * One systemic fix of the practice, by id alone (fixes live in the practice's governance-work
 * partition, `F#<fixId>`); undefined when the practice has no such fix.
 *
 * @example
 * const fix = await getFix(db, practiceId, fixId) // { id, caseId, touchpointId, effectiveOn, … }
 */
export async function getFix(db: Db, practiceId: string, fixId: string): Promise<Fix | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.fix(practiceId, fixId) }),
  )
  return Item ? fromItem(Fix, Item) : undefined
}
