import { Duration, RemovalPolicy } from 'aws-cdk-lib'
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import * as events from 'aws-cdk-lib/aws-events'
import * as targets from 'aws-cdk-lib/aws-events-targets'
import * as lambda from 'aws-cdk-lib/aws-lambda'
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs'
import * as logs from 'aws-cdk-lib/aws-logs'
import { Construct } from 'constructs'
import { nodeBundling } from './node-bundling'
import { paths } from './paths'

export interface JobsScheduleProps {
  table: ITableV2
  /** How often the jobs run; the same default as `JOBS_INTERVAL_SECONDS` under `npm start`. */
  interval?: Duration
}

/**
 * The scheduled jobs (functions/src/jobs/registry.ts) on an EventBridge schedule: one Lambda runs
 * them all, as the local job timer does under `npm start`.
 */
export class JobsSchedule extends Construct {
  readonly handler: nodejs.NodejsFunction
  readonly rule: events.Rule

  constructor(scope: Construct, id: string, props: JobsScheduleProps) {
    super(scope, id)
    this.handler = new nodejs.NodejsFunction(this, 'Handler', {
      entry: paths.jobsHandler,
      handler: 'handler',
      projectRoot: paths.repoRoot,
      depsLockFilePath: paths.lockFile,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 1024,
      // A recount reads every response of each practice. Shorter than the interval, so two runs
      // never overlap (reserved concurrency would say so too, but new accounts cannot reserve any).
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
    this.rule = new events.Rule(this, 'Schedule', {
      description: 'Runs the Touchpoint scheduled jobs (counter rebuild, …)',
      schedule: events.Schedule.rate(props.interval ?? Duration.hours(1)),
      targets: [new targets.LambdaFunction(this.handler, { retryAttempts: 0 })],
    })
  }
}
