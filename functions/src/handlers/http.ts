import { handle } from 'hono/aws-lambda'
import { createApp } from '../api/app'
import { readConfig } from '../config'
import { mailerFor } from '../mail'
import { createDb } from '../store/db'

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
    clientAddress: (c) => sourceIp(c.env),
  }),
)

interface LambdaBindings {
  event?: { requestContext?: { http?: { sourceIp?: string }; identity?: { sourceIp?: string } } }
}

/** API Gateway's own view of the caller (HTTP API v2, or REST API v1); headers can be forged. */
function sourceIp(env: unknown): string | undefined {
  const context = (env as LambdaBindings | undefined)?.event?.requestContext
  return context?.http?.sourceIp ?? context?.identity?.sourceIp
}
