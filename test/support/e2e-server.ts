/**
 * The local server for the browser tests: `functions/src/local/main.ts`, as `npm start` runs it,
 * over an in-memory DynamoDB Local handed to it through DYNAMODB_ENDPOINT (a mode `npm start` has).
 * The run's data is thrown away anyway, and on disk the demo practice the tests make took 66 s
 * against 16 s in memory (measured one at a time on a busy two-core machine): with two at once,
 * more than the tests' 90 s wait for it. Keeping data on disk is `test/integration/local/start.test.ts`'s.
 */
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDynamoDbLocal } from '../../functions/src/local/dynamodb-local'
import { startE2eFakeGoogle } from './fake-review-sites/e2e-google'

const dynamo = await startDynamoDbLocal()
process.env.DYNAMODB_ENDPOINT = dynamo.endpoint
// Tests that seed what no route writes yet (reviews, before a sync exists) find the database here.
writeFileSync(join(tmpdir(), `touchpoint-e2e-${process.env.PORT}.dynamodb`), dynamo.endpoint)
// Google Business Profile is a local fake (the real hosts are never called from tests): the server
// reads its address from the environment, and review-sync.spec.ts drives it through its control
// address, found here. Nothing else connects Google, so no other test sees it.
const google = await startE2eFakeGoogle()
process.env.GOOGLE_BUSINESS_API_URL = google.site.url
process.env.GOOGLE_OAUTH_TOKEN_URL = `${google.site.url}/token`
writeFileSync(join(tmpdir(), `touchpoint-e2e-${process.env.PORT}.fake-google`), google.controlUrl)
// The JVM's watchdog stops it when this process ends, however main.ts ends it.
await import('../../functions/src/local/main')
