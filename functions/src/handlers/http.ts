import { handle } from 'hono/aws-lambda'
import { createApp } from '../api/app'
import { bucketExports } from '../api/export-port'
import { createLogger } from '../api/logger'
import { readConfig } from '../config'
import { messengerFor } from '../messaging'
import { awsBoardHub } from '../realtime/aws-hub'
import { secretsClient } from '../secrets/origin-verify-secret'
import { secretsManagerSecrets } from '../secrets/secrets-manager-secrets'
import { createDb } from '../store/db'
import { behindCloudFront, clientAddress } from './http-client-address'

// Built once per Lambda instance and reused across invocations.
const config = readConfig()
// Links in e-mails must not follow the request's Host header; in AWS only PUBLIC_URL can say.
if (!config.PUBLIC_URL) throw new Error('Invalid configuration: PUBLIC_URL is required in AWS')
const db = createDb({
  table: config.TABLE_NAME,
  region: config.AWS_REGION,
  endpoint: config.DYNAMODB_ENDPOINT,
})
const logger = createLogger(config.LOG_LEVEL)

export const handler = handle(
  createApp({
    config,
    db,
    logger,
    mailer: messengerFor(config, db),
    clientAddress: (c) => clientAddress(c, behindCloudFront(config)),
    // Entries applied over HTTP (archiving a board) reach its sockets through the WebSocket API.
    boardHub: awsBoardHub(config, db, logger),
    // Review sites' credentials: one Secrets Manager secret per practice and site.
    secrets: secretsManagerSecrets(secretsClient(config.AWS_REGION)),
    // Answers stop at 6 MB here: exports are built in S3 and handed out as a short-lived link.
    ...(config.EXPORT_BUCKET && {
      exports: bucketExports(config.EXPORT_BUCKET, config.AWS_REGION),
    }),
  }),
)
