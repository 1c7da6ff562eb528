import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib'
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import * as events from 'aws-cdk-lib/aws-events'
import * as targets from 'aws-cdk-lib/aws-events-targets'
import * as lambda from 'aws-cdk-lib/aws-lambda'
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs'
import * as logs from 'aws-cdk-lib/aws-logs'
import { Construct } from 'constructs'
import { sendEmailStatement } from './api'
import { nodeBundling } from './node-bundling'
import { paths } from './paths'

export interface GovernanceRemindersScheduleProps {
  table: ITableV2
  /** The site's address (CloudFront): the reminders link to `<site>/cases/<id>`. */
  publicUrl: string
  /** The SES-verified From address; without it SES refuses to send. */
  mailFrom?: string | undefined
}

/**
 * The governance committee's reminders (functions/src/handlers/governance-reminders.ts) once a
 * day: action owners are told the day before an action is due and the day after it fell overdue.
 * The Lambda reads and writes the table (the reminder claims) and may send e-mail from the
 * configured address only; nothing else.
 */
export class GovernanceRemindersSchedule extends Construct {
  readonly handler: nodejs.NodejsFunction
  readonly rule: events.Rule

  constructor(scope: Construct, id: string, props: GovernanceRemindersScheduleProps) {
    super(scope, id)
    this.handler = new nodejs.NodejsFunction(this, 'Handler', {
      entry: paths.governanceRemindersHandler,
      handler: 'handler',
      projectRoot: paths.repoRoot,
      depsLockFilePath: paths.lockFile,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 512,
      // A few days of the due-date index and one e-mail per reminder: minutes at the very most.
      timeout: Duration.minutes(5),
      logGroup: new logs.LogGroup(this, 'Logs', {
        retention: logs.RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
      environment: {
        TABLE_NAME: props.table.tableName,
        MAIL_MODE: 'ses',
        PUBLIC_URL: props.publicUrl,
        ...(props.mailFrom ? { MAIL_FROM: props.mailFrom } : {}),
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: nodeBundling,
    })
    props.table.grantReadWriteData(this.handler)
    this.handler.addToRolePolicy(sendEmailStatement(this, props.mailFrom))
    acknowledgeNagFindings(this.handler)
    this.rule = new events.Rule(this, 'Schedule', {
      description: 'Reminds governance action owners: due tomorrow, and overdue',
      // Each practice's "today" is checked in its own time zone, so any hour works; 13:00 UTC is
      // morning across the Americas, where the practices are.
      schedule: events.Schedule.cron({ minute: '0', hour: '13' }),
      targets: [new targets.LambdaFunction(this.handler, { retryAttempts: 0 })],
    })
  }
}

/** cdk-nag (AwsSolutions) finds four things in this Lambda; each stays, for the reason given. */
function acknowledgeNagFindings(handler: nodejs.NodejsFunction) {
  const role = Validations.of(handler.role!)
  role.acknowledge({
    id: 'AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/*]',
    reason:
      'SES checks the recipient identity too while the account is in the SES sandbox, where ' +
      'practices start; sending is limited to the configured From address by the ' +
      '`ses:FromAddress` condition.',
  })
  role.acknowledge({
    id: 'AwsSolutions::AwsSolutions-IAM5[Resource::<TableCD117FA1.Arn>/index/*]',
    reason: "The table's own indexes, added by `grantReadWriteData`; no other table matches.",
  })
  role.acknowledge({
    id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason: 'The managed policy lets the function write its own logs, and nothing else.',
  })
  Validations.of(handler).acknowledge({
    id: 'AwsSolutions::AwsSolutions-L1',
    reason: 'Node.js 22 is the line the functions are built and tested on (STACK.md).',
  })
}
