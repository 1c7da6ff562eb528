import { randomBytes } from 'node:crypto'
import { inject } from 'vitest'
import { readConfig, type Config } from '../../functions/src/config'
import { createDb, type Db } from '../../functions/src/store/db'
import { ensureTable } from '../../functions/src/store/ensure-table'

/** A fresh table on the run's DynamoDB Local, so test files never see each other's items. */
export async function testDb(): Promise<Db> {
  const table = `test-${randomBytes(6).toString('hex')}`
  const db = createDb({ table, region: 'us-east-1', endpoint: inject('dynamoEndpoint') })
  await ensureTable(db)
  return db
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return readConfig({
    LOG_LEVEL: 'silent',
    COOKIE_SECURE: 'false',
    // Apps built without a client address count every caller as one network; the open-door
    // limit has its own tests (api/open-doors.test.ts), which turn it on.
    OPEN_DOOR_RATE_LIMIT: '0',
    ...overrides,
  })
}
