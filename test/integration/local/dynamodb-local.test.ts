import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ListTablesCommand } from '@aws-sdk/client-dynamodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  accessKeyFile,
  startDynamoDbLocal,
  type RunningDynamoDb,
} from '../../../functions/src/local/dynamodb-local'
import { createDb } from '../../../functions/src/store/db'
import { ensureTable } from '../../../functions/src/store/ensure-table'

// The embedded database listens on every interface (DynamoDB Local has no bind option): what
// keeps someone on the clinic's Wi-Fi out is that its data answers only to a random key.
let dataDir: string
let dynamo: RunningDynamoDb
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'touchpoint-db-'))
  // A database from before keys, as `-sharedDb` wrote it: it must be kept, not orphaned.
  writeFileSync(join(dataDir, 'shared-local-instance.db'), '')
  dynamo = await startDynamoDbLocal({ dataDir })
}, 120_000)
afterAll(() => dynamo?.stop())

const tablesSeenWith = async (accessKeyId: string, region = 'us-east-1') => {
  const db = createDb({
    table: 'unused',
    region,
    endpoint: dynamo.endpoint,
    credentials: { accessKeyId, secretAccessKey: 'anything' },
  })
  return (await db.client.send(new ListTablesCommand({}))).TableNames ?? []
}

describe('the embedded DynamoDB Local', () => {
  it('shows its tables only to a client with its random key', async () => {
    expect(dynamo.credentials.accessKeyId).toMatch(/^[0-9a-f]{48}$/)
    const db = createDb({
      table: 'touchpoint',
      region: dynamo.region,
      endpoint: dynamo.endpoint,
      credentials: dynamo.credentials,
    })
    await ensureTable(db)
    expect(await tablesSeenWith(dynamo.credentials.accessKeyId, dynamo.region)).toContain(
      'touchpoint',
    )
    for (const guess of ['local', 'dummy', 'fakeMyKeyId']) {
      expect(await tablesSeenWith(guess)).toEqual([])
    }
  })

  it('keeps its folder 0700 and its files 0600, the old shared database moved to its key', () => {
    expect(statSync(dataDir).mode & 0o777).toBe(0o700)
    const files = readdirSync(dataDir)
    expect(files).toContain(accessKeyFile)
    expect(files).toContain(`${dynamo.credentials.accessKeyId}_${dynamo.region}.db`)
    expect(files).not.toContain('shared-local-instance.db')
    for (const name of files) expect(statSync(join(dataDir, name)).mode & 0o777).toBe(0o600)
  })

  it('runs with telemetry off and without -sharedDb', () => {
    const ps = spawnSync('ps', ['-eo', 'args='], { encoding: 'utf8' }).stdout
    const jvm = ps
      .split('\n')
      .find((line) => line.includes('DynamoDBLocal.jar') && line.includes(dataDir))
    expect(jvm).toContain('-disableTelemetry')
    expect(jvm).not.toContain('-sharedDb')
  })

  it('answers to the same key after a restart', async () => {
    const key = dynamo.credentials.accessKeyId
    await dynamo.stop()
    dynamo = await startDynamoDbLocal({ dataDir })
    expect(dynamo.credentials.accessKeyId).toBe(key)
    expect(await tablesSeenWith(key, dynamo.region)).toContain('touchpoint')
  }, 120_000)
})
