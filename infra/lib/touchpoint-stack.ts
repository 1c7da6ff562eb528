import { Annotations, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib'
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager'
import type { Construct } from 'constructs'
import { Api } from './api'
import { BoardSocket } from './board-socket'
import { GovernanceRemindersSchedule } from './governance-reminders-schedule'
import { JobsSchedule } from './jobs-schedule'
import { ReviewsSyncSchedule } from './reviews-sync-schedule'
import { OriginVerifyRotation } from './origin-verify-rotation'
import { paths } from './paths'
import { createTable } from './table'
import { WebHosting } from './web-hosting'

export interface TouchpointStackProps extends StackProps {
  /** The From address of e-mails sent with SES (`-c mailFrom=...` or cdk.json context). */
  mailFrom?: string | undefined
  /** Defaults to web/build; tests point it at a fixture. */
  webBuildDir?: string | undefined
}

/**
 * Everything a practice runs in its own AWS account: table, API, the boards' WebSocket API, and
 * the web app in front.
 */
export class TouchpointStack extends Stack {
  constructor(scope: Construct, id: string, props: TouchpointStackProps = {}) {
    super(scope, id, props)

    const table = createTable(this, 'Table')
    // CloudFront proves each API request came through it with this header; the API refuses any
    // request without it, so the public execute-api address cannot bypass CloudFront's headers or
    // forge the viewer address that sign-in throttling counts. Generated at deploy, never in the repo,
    // and rotated every 30 days (OriginVerifyRotation).
    const originSecret = new secretsmanager.Secret(this, 'OriginVerifySecret', {
      description:
        'Shared by CloudFront and the Touchpoint API to prove a request came via CloudFront',
      generateSecretString: { excludePunctuation: true, passwordLength: 40 },
    })
    // A dynamic reference CloudFormation resolves at deploy; the template holds no value.
    const originVerify = originSecret.secretValue.unsafeUnwrap()
    const api = new Api(this, 'Api', {
      table,
      mailFrom: props.mailFrom,
      originVerifySecret: originSecret,
    })
    const boardSocket = new BoardSocket(this, 'BoardSocket', { table })
    const web = new WebHosting(this, 'Web', {
      apiDomainName: api.domainName,
      originVerify,
      webBuildDir: props.webBuildDir ?? paths.webBuild,
      // Pages may open the board's socket, API Gateway's own origin, and no other (CSP connect-src).
      socketOrigin: `wss://${boardSocket.webSocketApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`,
    })
    new OriginVerifyRotation(this, 'OriginVerifyRotation', {
      secret: originSecret,
      distribution: web.distribution,
    })
    // Links in e-mails must use the CloudFront address: behind CloudFront the API sees its own host.
    api.handler.addEnvironment('PUBLIC_URL', web.url)

    // Live boards: `POST /api/boards/{id}/ticket` hands out this address, and the HTTP API
    // publishes entries it applies itself (archiving a board) to the sockets on that board.
    api.handler.addEnvironment('BOARD_SOCKET_URL', boardSocket.url)
    boardSocket.grantManageConnections(api.handler)
    // `$connect` refuses a handshake whose Origin is not the site's.
    boardSocket.handler.addEnvironment('PUBLIC_URL', web.url)

    // Scheduled work (the counter rebuild first), as `npm start` runs it on its job timer.
    new JobsSchedule(this, 'Jobs', { table })
    // Review sites every 30 minutes, as `npm start` does every REVIEWS_SYNC_MINUTES.
    new ReviewsSyncSchedule(this, 'ReviewsSync', { table })
    // Governance action owners once a day, as `npm start` does every JOBS_INTERVAL_SECONDS.
    new GovernanceRemindersSchedule(this, 'GovernanceReminders', {
      table,
      publicUrl: web.url,
      mailFrom: props.mailFrom,
    })

    if (!props.mailFrom) {
      Annotations.of(this).addWarningV2(
        '@touchpoint/infra:mailFromMissing',
        'No mailFrom context value, so the API cannot send e-mail: deploy with ' +
          '`-c mailFrom=you@your-practice.example` (an address or domain verified in SES).',
      )
    }

    new CfnOutput(this, 'SiteUrl', { value: web.url, description: 'Open this in a browser' })
    new CfnOutput(this, 'ApiUrl', {
      value: api.httpApi.apiEndpoint,
      description: 'The HTTP API itself; browsers reach it through SiteUrl/api',
    })
    new CfnOutput(this, 'BoardSocketUrl', {
      value: boardSocket.url,
      description: 'The live boards WebSocket API; the app asks the HTTP API for it with a ticket',
    })
    new CfnOutput(this, 'TableName', { value: table.tableName })
  }
}
