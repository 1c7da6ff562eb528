import { Arn, ArnFormat, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib'
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import * as events from 'aws-cdk-lib/aws-events'
import * as targets from 'aws-cdk-lib/aws-events-targets'
import * as iam from 'aws-cdk-lib/aws-iam'
import * as lambda from 'aws-cdk-lib/aws-lambda'
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs'
import * as logs from 'aws-cdk-lib/aws-logs'
import { Construct } from 'constructs'
import { nodeBundling } from './node-bundling'
import { paths } from './paths'

export interface ReviewsSyncScheduleProps {
  table: ITableV2
  /** How often review sites are read; the same default as `REVIEWS_SYNC_MINUTES` under `npm start`. */
  interval?: Duration
}

/** The practices' review-site credentials in Secrets Manager are named `touchpoint/…`. */
export const reviewSecretsPrefix = 'touchpoint/'

/**
 * The review-site sync (functions/src/handlers/reviews-sync.ts) on an EventBridge schedule, every
 * 30 minutes by default. Its Lambda reads and writes the table and may only read the practices'
 * `touchpoint/*` secrets.
 */
export class ReviewsSyncSchedule extends Construct {
  readonly handler: nodejs.NodejsFunction
  readonly rule: events.Rule

  constructor(scope: Construct, id: string, props: ReviewsSyncScheduleProps) {
    super(scope, id)
    this.handler = new nodejs.NodejsFunction(this, 'Handler', {
      entry: paths.reviewsSyncHandler,
      handler: 'handler',
      projectRoot: paths.repoRoot,
      depsLockFilePath: paths.lockFile,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 1024,
      // Shorter than the interval, so two runs rarely overlap (and when they do, each review is
      // still stored once: upserts are conditional on the version read).
      timeout: Duration.minutes(10),
      logGroup: new logs.LogGroup(this, 'Logs', {
        retention: logs.RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
      environment: {
        TABLE_NAME: props.table.tableName,
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: nodeBundling,
    })
    props.table.grantReadWriteData(this.handler)
    this.handler.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        resources: [
          Arn.format(
            {
              service: 'secretsmanager',
              resource: 'secret',
              resourceName: `${reviewSecretsPrefix}*`,
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            },
            Stack.of(this),
          ),
        ],
      }),
    )
    Validations.of(this.handler.role!).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:touchpoint/*]',
      reason:
        'The sync reads the review-site credentials of every practice: one secret per practice and ' +
        'site (`touchpoint/<practice>/<site>`), made at run time, so no name exists at deploy time. ' +
        'Read only, and only inside the `touchpoint/` prefix.',
    })
    this.rule = new events.Rule(this, 'Schedule', {
      description: 'Syncs the practices’ connected review sites (Google, Yelp, Facebook)',
      schedule: events.Schedule.rate(props.interval ?? Duration.minutes(30)),
      targets: [new targets.LambdaFunction(this.handler, { retryAttempts: 0 })],
    })
  }
}
