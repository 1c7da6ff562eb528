import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib'
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront'
import * as iam from 'aws-cdk-lib/aws-iam'
import * as lambda from 'aws-cdk-lib/aws-lambda'
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs'
import * as logs from 'aws-cdk-lib/aws-logs'
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager'
import { Construct } from 'constructs'
import { nodeBundling } from './node-bundling'
import { paths } from './paths'

export interface OriginVerifyRotationProps {
  /** The secret CloudFront sends in `x-origin-verify` and the API checks. */
  secret: secretsmanager.ISecret
  /** The distribution whose API origin sends it. */
  distribution: cloudfront.IDistribution
  /** Days between rotations. */
  every?: Duration
}

/**
 * Rotates the origin-verify secret every 30 days, as AWS describes for CloudFront origin headers:
 * a Lambda puts a new AWSPENDING value, writes it into the distribution's origin header, checks
 * the distribution carries it, and moves AWSCURRENT. The API accepts the current, pending and
 * previous values meanwhile, so no request fails while CloudFront's edges update.
 */
export class OriginVerifyRotation extends Construct {
  readonly handler: nodejs.NodejsFunction

  constructor(scope: Construct, id: string, props: OriginVerifyRotationProps) {
    super(scope, id)

    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    })
    // Its own role with no managed policy: it may write its log group and nothing else besides
    // what is granted below.
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Rotates the Touchpoint origin-verify secret',
    })
    logGroup.grantWrite(role)

    this.handler = new nodejs.NodejsFunction(this, 'Handler', {
      entry: paths.rotateOriginVerifyHandler,
      handler: 'handler',
      projectRoot: paths.repoRoot,
      depsLockFilePath: paths.lockFile,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 256,
      timeout: Duration.seconds(30),
      role,
      logGroup,
      environment: {
        DISTRIBUTION_ID: props.distribution.distributionId,
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: nodeBundling,
    })
    // Read and update this distribution only (setSecret and testSecret).
    props.distribution.grant(
      this.handler,
      'cloudfront:GetDistributionConfig',
      'cloudfront:UpdateDistribution',
    )

    // Grants the secret's own rotation actions (describe, get, put, stage) on this secret, and
    // lets Secrets Manager invoke the function.
    props.secret.addRotationSchedule('Rotation', {
      rotationLambda: this.handler,
      automaticallyAfter: props.every ?? Duration.days(30),
    })

    // cdk-nag (AwsSolutions) finds one wildcard; it stays, for this reason.
    Validations.of(role).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason:
        "`secretsmanager:GetRandomPassword` on `*`: CDK's rotation schedule grants it, and the " +
        'action has no resource to scope it to. It reads no secret; the function makes its ' +
        'values with node:crypto and never calls it.',
    })
    Validations.of(this.handler).acknowledge({
      id: 'AwsSolutions::AwsSolutions-L1',
      reason:
        'nodejs22.x, as every Touchpoint Lambda: their bundles target Node 22 and the repository ' +
        'runs on it; they move to a newer runtime together.',
    })
  }
}
