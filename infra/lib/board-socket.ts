import { Duration, RemovalPolicy } from 'aws-cdk-lib'
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2'
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations'
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import type { IGrantable } from 'aws-cdk-lib/aws-iam'
import * as lambda from 'aws-cdk-lib/aws-lambda'
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs'
import * as logs from 'aws-cdk-lib/aws-logs'
import { Construct } from 'constructs'
import { nodeBundling } from './node-bundling'
import { paths } from './paths'

export interface BoardSocketProps {
  table: ITableV2
}

/**
 * The boards' WebSocket API: `$connect`, `$disconnect` and `$default` all go to one Lambda running
 * the same board hub as the local `/ws`. Connections are kept in the table; the Lambda answers
 * through the stage's `@connections` API. Browsers connect straight to the stage (CloudFront does
 * not carry WebSockets here), with a single-use ticket from `POST /api/boards/{id}/ticket`.
 */
export class BoardSocket extends Construct {
  readonly handler: nodejs.NodejsFunction
  readonly webSocketApi: apigw.WebSocketApi
  readonly stage: apigw.WebSocketStage
  /** `wss://<api id>.execute-api.<region>.<suffix>/live`, what clients open. */
  readonly url: string

  constructor(scope: Construct, id: string, props: BoardSocketProps) {
    super(scope, id)

    this.webSocketApi = new apigw.WebSocketApi(this, 'Api', {
      description: 'Touchpoint live boards (a ticket from the HTTP API opens a socket)',
    })
    this.stage = new apigw.WebSocketStage(this, 'Stage', {
      webSocketApi: this.webSocketApi,
      stageName: 'live',
      autoDeploy: true,
      // A workshop of twenty people typing stays far below this; a flood cannot run up the bill.
      throttle: { rateLimit: 100, burstLimit: 200 },
    })
    this.url = this.stage.url

    this.handler = new nodejs.NodejsFunction(this, 'Handler', {
      entry: paths.boardSocketHandler,
      handler: 'handler',
      projectRoot: paths.repoRoot,
      depsLockFilePath: paths.lockFile,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      // CPU share grows with memory, and every note waits on this function.
      memorySize: 1024,
      // A catch-up of up to 2,000 entries is 40 batches; API Gateway waits 29 s at most.
      timeout: Duration.seconds(20),
      logGroup: new logs.LogGroup(this, 'Logs', {
        retention: logs.RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
      environment: {
        TABLE_NAME: props.table.tableName,
        // The callback endpoint (`https://…/live`) is derived from it: same host, same stage.
        BOARD_SOCKET_URL: this.url,
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: nodeBundling,
    })
    props.table.grantReadWriteData(this.handler)
    this.grantManageConnections(this.handler)

    const integration = new WebSocketLambdaIntegration('Handler', this.handler)
    for (const routeKey of ['$connect', '$disconnect', '$default']) {
      this.webSocketApi.addRoute(routeKey, { integration })
    }
  }

  /** Post to and close this stage's connections (`execute-api:ManageConnections`). */
  grantManageConnections(grantee: IGrantable) {
    return this.stage.grantManagementApiAccess(grantee)
  }
}
