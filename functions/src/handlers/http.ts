import { handle } from 'hono/aws-lambda'
import { createApp } from '../api/app'
import { readConfig } from '../config'
import { mailerFor } from '../mail'
import { createDb } from '../store/db'
import { clientAddress } from './http-client-address'

// Built once per Lambda instance and reused across invocations.
const config = readConfig()
const db = createDb({
  table: config.TABLE_NAME,
  region: config.AWS_REGION,
  endpoint: config.DYNAMODB_ENDPOINT,
})

export const handler = handle(
  createApp({
    config,
    db,
    mailer: mailerFor(config, db),
    clientAddress: (c) => clientAddress(c, Boolean(config.ORIGIN_VERIFY_SECRET)),
  }),
)
