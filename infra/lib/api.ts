import { ArnFormat, Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib'
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2'
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations'
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import * as iam from 'aws-cdk-lib/aws-iam'
import * as lambda from 'aws-cdk-lib/aws-lambda'
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs'
import * as logs from 'aws-cdk-lib/aws-logs'
import * as s3 from 'aws-cdk-lib/aws-s3'
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager'
import { Construct } from 'constructs'
import { httpBundling } from './node-bundling'
import { paths } from './paths'

export interface ApiProps {
  table: ITableV2
  /** The sender of invitation and sign-in e-mails; an SES-verified address or domain. */
  mailFrom?: string | undefined
  /**
   * The rotated secret CloudFront sends in `x-origin-verify`; requests without one of its
   * current, pending or previous values are refused. The API reads them at run time.
   */
  originVerifySecret: secretsmanager.ISecret
}

/** The HTTP API: every `/api` route goes to one Lambda running the same Hono app as `npm start`. */
export class Api extends Construct {
  readonly handler: nodejs.NodejsFunction
  readonly httpApi: apigw.HttpApi
  /** Where response exports are built (an answer stops at 6 MB); each is gone after a day. */
  readonly exportBucket: s3.Bucket
  /** The execute-api host name, for CloudFront to use as an origin. */
  readonly domainName: string

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id)

    // Exports hold patients' words: private, encrypted, TLS-only, and kept a day at most (the
    // download link works 5 minutes). Emptied and removed with the stack: nothing here is the
    // only copy.
    this.exportBucket = new s3.Bucket(this, 'ExportBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [
        { expiration: Duration.days(1), abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    })

    this.handler = new nodejs.NodejsFunction(this, 'Handler', {
      entry: paths.httpHandler,
      handler: 'handler',
      projectRoot: paths.repoRoot,
      depsLockFilePath: paths.lockFile,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      // scrypt hashes passwords with 32 MiB, and Lambda's CPU share grows with memory.
      memorySize: 1024,
      // HTTP API waits 30 s at most; an export of a large practice reads for many seconds.
      timeout: Duration.seconds(29),
      logGroup: new logs.LogGroup(this, 'Logs', {
        retention: logs.RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
      environment: {
        TABLE_NAME: props.table.tableName,
        MAIL_MODE: 'ses',
        // Demo practices are for trying Touchpoint locally, not for a practice's own account.
        ALLOW_DEMO: 'false',
        // The secret's address, never its value: the template holds no secret in plain text.
        ORIGIN_VERIFY_SECRET_ARN: props.originVerifySecret.secretArn,
        EXPORT_BUCKET: this.exportBucket.bucketName,
        ...(props.mailFrom ? { MAIL_FROM: props.mailFrom } : {}),
        // Stack traces in the logs point at the TypeScript sources, not the minified bundle.
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: httpBundling,
    })

    props.table.grantReadWriteData(this.handler)
    props.originVerifySecret.grantRead(this.handler)
    // Put the export, and sign the GET link with the handler's own role.
    this.exportBucket.grantReadWrite(this.handler, 'exports/*')
    this.handler.addToRolePolicy(sendEmailStatement(this, props.mailFrom))
    this.handler.addToRolePolicy(reviewSiteSecretsStatement(this))
    Validations.of(this.handler.role!).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::${reviewSiteSecretsNag}]`,
      reason:
        'Review-site credentials: one secret per practice and site (`touchpoint/<practice>/<site>`), ' +
        'made at run time when a manager connects a site, so no name exists at deploy time. The ' +
        'wildcard stays inside the `touchpoint/` prefix; no other secret of the account matches.',
    })

    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      description: 'Touchpoint API (reached through CloudFront at /api)',
      defaultIntegration: new HttpLambdaIntegration('Handler', this.handler),
      createDefaultStage: false,
    })
    this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      // Far above what a practice sends, low enough that a flood cannot run up the bill.
      throttle: { rateLimit: 50, burstLimit: 100 },
    })

    // apiEndpoint is https://<id>.execute-api.<region>.<suffix>; CloudFront wants only the host.
    this.domainName = Fn.select(2, Fn.split('/', this.httpApi.apiEndpoint))
  }
}

/** How cdk-nag spells the review-site secrets' resource in its finding. */
const reviewSiteSecretsNag =
  'arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:touchpoint/*'

/**
 * The practices' review-site credentials (`functions/src/secrets/secrets-manager-secrets.ts`):
 * made, replaced, read, deleted and restored under `touchpoint/` only. They are encrypted with
 * the account's AWS managed key for Secrets Manager, which needs no grant of its own.
 */
function reviewSiteSecretsStatement(scope: Construct): iam.PolicyStatement {
  return new iam.PolicyStatement({
    actions: [
      'secretsmanager:CreateSecret',
      'secretsmanager:PutSecretValue',
      'secretsmanager:GetSecretValue',
      'secretsmanager:DeleteSecret',
      'secretsmanager:DescribeSecret',
      'secretsmanager:RestoreSecret',
    ],
    resources: [
      Stack.of(scope).formatArn({
        service: 'secretsmanager',
        resource: 'secret',
        resourceName: 'touchpoint/*',
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      }),
    ],
  })
}

/**
 * Sending is limited to the configured From address. The resource stays `identity/*` because in
 * the SES sandbox the recipient's identity is authorized too, and practices start there.
 */
export function sendEmailStatement(
  scope: Construct,
  mailFrom: string | undefined,
): iam.PolicyStatement {
  const fromAddress = mailFrom ? emailAddressOf(mailFrom) : undefined
  return new iam.PolicyStatement({
    actions: ['ses:SendEmail'],
    resources: [
      Stack.of(scope).formatArn({
        service: 'ses',
        resource: 'identity',
        resourceName: '*',
      }),
    ],
    ...(fromAddress ? { conditions: { StringEquals: { 'ses:FromAddress': fromAddress } } } : {}),
  })
}

/** `Clinic <desk@clinic.example>` → `desk@clinic.example`, which is what SES compares. */
export function emailAddressOf(mailFrom: string): string {
  const bracketed = /<([^<>]+)>\s*$/.exec(mailFrom)
  return (bracketed?.[1] ?? mailFrom).trim()
}
