import {
  CloudFrontClient,
  GetDistributionConfigCommand,
  UpdateDistributionCommand,
  type DistributionConfig,
} from '@aws-sdk/client-cloudfront'
import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager'
import { mockClient } from 'aws-sdk-client-mock'
import { beforeEach, describe, expect, it } from 'vitest'
import { rotateOriginVerify } from '../../../functions/src/handlers/rotate-origin-verify'

const secretsMock = mockClient(SecretsManagerClient)
const cloudfrontMock = mockClient(CloudFrontClient)

const arn = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:OriginVerify-abc'
const token = 'token-of-this-rotation'
const currentVersion = 'version-now'
const event = (Step: string) => ({ Step, SecretId: arn, ClientRequestToken: token })

/** The handler as the stack wires it, with its own random new values. */
function rotation() {
  return rotateOriginVerify({
    secrets: new SecretsManagerClient({ region: 'us-east-1' }),
    cloudfront: new CloudFrontClient({ region: 'us-east-1' }),
    distributionId: 'E2DIST',
  })
}

/** A distribution like the stack's: S3 for the app, the API origin sending the header. */
function distribution(headerValue: string): DistributionConfig {
  return {
    CallerReference: 'ref',
    Comment: 'Touchpoint',
    Enabled: true,
    DefaultCacheBehavior: { TargetOriginId: 's3', ViewerProtocolPolicy: 'redirect-to-https' },
    Origins: {
      Quantity: 2,
      Items: [
        { Id: 's3', DomainName: 'bucket.s3.amazonaws.com' },
        {
          Id: 'api',
          DomainName: 'abc.execute-api.us-east-1.amazonaws.com',
          CustomHeaders: {
            Quantity: 1,
            Items: [{ HeaderName: 'x-origin-verify', HeaderValue: headerValue }],
          },
        },
      ],
    },
  }
}

const notFound = () =>
  new ResourceNotFoundException({
    message: "Secrets Manager can't find the specified secret value",
    $metadata: {},
  })

/** The token's AWSPENDING version holds `value`; `undefined`: createSecret has not put one yet. */
function pendingValueIs(value: string | undefined) {
  const pending = secretsMock.on(GetSecretValueCommand, {
    VersionId: token,
    VersionStage: 'AWSPENDING',
  })
  if (value === undefined) pending.rejects(notFound())
  else pending.resolves({ SecretString: value })
}

/** CloudFront reads the distribution's configuration back as `config`, under `ETag`. */
function distributionIs(config: DistributionConfig, ETag = 'E3ETAG') {
  cloudfrontMock
    .on(GetDistributionConfigCommand, { Id: 'E2DIST' })
    .resolves({ ETag, DistributionConfig: config })
}

/** The secret's versions and their stages, as DescribeSecret answers. */
function versionStagesAre(VersionIdsToStages: Record<string, string[]>) {
  secretsMock.on(DescribeSecretCommand).resolves({ RotationEnabled: true, VersionIdsToStages })
}

beforeEach(() => {
  secretsMock.reset()
  cloudfrontMock.reset()
  // Secrets Manager has made the version with AWSPENDING before it calls createSecret.
  versionStagesAre({ [currentVersion]: ['AWSCURRENT'], [token]: ['AWSPENDING'] })
  secretsMock
    .on(GetSecretValueCommand, { SecretId: arn, VersionStage: 'AWSCURRENT' })
    .resolves({ SecretString: 'old-value' })
})

describe('rotating the origin-verify secret', () => {
  it('createSecret puts a new random AWSPENDING value under the token', async () => {
    pendingValueIs(undefined)
    await rotation()(event('createSecret'))
    const puts = secretsMock.commandCalls(PutSecretValueCommand)
    expect(puts).toHaveLength(1)
    const input = puts[0]!.args[0].input
    expect(input).toMatchObject({
      SecretId: arn,
      ClientRequestToken: token,
      VersionStages: ['AWSPENDING'],
    })
    // The default value: 40 URL-safe characters, not the current one.
    expect(input.SecretString).toMatch(/^[A-Za-z0-9_-]{40}$/)
    expect(input.SecretString).not.toBe('old-value')
  })

  it('createSecret run again for the same token changes nothing', async () => {
    pendingValueIs('already-put-for-this-token')
    await rotation()(event('createSecret'))
    expect(secretsMock.commandCalls(PutSecretValueCommand)).toHaveLength(0)
  })

  it('setSecret writes the pending value into the origin header, passing the ETag', async () => {
    pendingValueIs('pending-value')
    distributionIs(distribution('old-value'))
    await rotation()(event('setSecret'))
    const updates = cloudfrontMock.commandCalls(UpdateDistributionCommand)
    expect(updates).toHaveLength(1)
    const input = updates[0]!.args[0].input
    expect(input.Id).toBe('E2DIST')
    expect(input.IfMatch).toBe('E3ETAG')
    // Only the header changed: everything else is the configuration as read.
    expect(input.DistributionConfig).toEqual(distribution('pending-value'))
  })

  it('setSecret run again once the distribution has the value does not update it again', async () => {
    pendingValueIs('pending-value')
    distributionIs(distribution('pending-value'), 'E4ETAG')
    await rotation()(event('setSecret'))
    expect(cloudfrontMock.commandCalls(UpdateDistributionCommand)).toHaveLength(0)
  })

  it('testSecret fails while the distribution does not send the pending value', async () => {
    pendingValueIs('pending-value')
    distributionIs(distribution('old-value'))
    const failure = rotation()(event('testSecret'))
    await expect(failure).rejects.toThrow(/does not send the pending x-origin-verify/)
    // The message that reaches the log names neither value.
    await expect(failure).rejects.not.toThrow(/pending-value|old-value/)
  })

  it('testSecret fails when no origin sends the header at all', async () => {
    pendingValueIs('pending-value')
    const config = distribution('pending-value')
    config.Origins!.Items![1]!.CustomHeaders = { Quantity: 0, Items: [] }
    distributionIs(config, 'E')
    await expect(rotation()(event('testSecret'))).rejects.toThrow(/no origin sending/)
  })

  it('testSecret passes once the distribution sends the pending value', async () => {
    pendingValueIs('pending-value')
    distributionIs(distribution('pending-value'), 'E4ETAG')
    await expect(rotation()(event('testSecret'))).resolves.toBeUndefined()
  })

  it('finishSecret moves AWSCURRENT to the new version and drops AWSPENDING', async () => {
    await rotation()(event('finishSecret'))
    const moves = secretsMock
      .commandCalls(UpdateSecretVersionStageCommand)
      .map((c) => c.args[0].input)
    expect(moves).toEqual([
      {
        SecretId: arn,
        VersionStage: 'AWSCURRENT',
        MoveToVersionId: token,
        RemoveFromVersionId: currentVersion,
      },
      { SecretId: arn, VersionStage: 'AWSPENDING', RemoveFromVersionId: token },
    ])
  })

  it('does nothing once the token is AWSCURRENT (a retried finish), and refuses a stray token', async () => {
    versionStagesAre({ [currentVersion]: ['AWSPREVIOUS'], [token]: ['AWSCURRENT', 'AWSPENDING'] })
    await rotation()(event('finishSecret'))
    expect(secretsMock.commandCalls(UpdateSecretVersionStageCommand)).toHaveLength(0)

    versionStagesAre({ [currentVersion]: ['AWSCURRENT'] })
    await expect(rotation()(event('createSecret'))).rejects.toThrow(/names no version/)
    expect(secretsMock.commandCalls(PutSecretValueCommand)).toHaveLength(0)
  })

  it('refuses an event that is not a rotation step', async () => {
    await expect(
      rotation()({ Step: 'dropTable', SecretId: arn, ClientRequestToken: token }),
    ).rejects.toThrow()
    expect(secretsMock.calls()).toHaveLength(0)
  })
})
