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

function rotation(newValue = () => 'new-value-made-by-the-test-0123456789ab') {
  return rotateOriginVerify({
    secrets: new SecretsManagerClient({ region: 'us-east-1' }),
    cloudfront: new CloudFrontClient({ region: 'us-east-1' }),
    distributionId: 'E2DIST',
    newValue,
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

beforeEach(() => {
  secretsMock.reset()
  cloudfrontMock.reset()
  // Secrets Manager has made the version with AWSPENDING before it calls createSecret.
  secretsMock.on(DescribeSecretCommand).resolves({
    RotationEnabled: true,
    VersionIdsToStages: { [currentVersion]: ['AWSCURRENT'], [token]: ['AWSPENDING'] },
  })
  secretsMock
    .on(GetSecretValueCommand, { SecretId: arn, VersionStage: 'AWSCURRENT' })
    .resolves({ SecretString: 'old-value' })
})

describe('rotating the origin-verify secret', () => {
  it('createSecret puts a new random AWSPENDING value under the token', async () => {
    secretsMock
      .on(GetSecretValueCommand, { VersionId: token, VersionStage: 'AWSPENDING' })
      .rejects(notFound())
    await rotateOriginVerify({
      secrets: new SecretsManagerClient({ region: 'us-east-1' }),
      cloudfront: new CloudFrontClient({ region: 'us-east-1' }),
      distributionId: 'E2DIST',
    })(event('createSecret'))
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
    secretsMock
      .on(GetSecretValueCommand, { VersionId: token, VersionStage: 'AWSPENDING' })
      .resolves({ SecretString: 'already-put-for-this-token' })
    await rotation()(event('createSecret'))
    expect(secretsMock.commandCalls(PutSecretValueCommand)).toHaveLength(0)
  })

  it('setSecret writes the pending value into the origin header, passing the ETag', async () => {
    secretsMock
      .on(GetSecretValueCommand, { VersionId: token, VersionStage: 'AWSPENDING' })
      .resolves({ SecretString: 'pending-value' })
    cloudfrontMock
      .on(GetDistributionConfigCommand, { Id: 'E2DIST' })
      .resolves({ ETag: 'E3ETAG', DistributionConfig: distribution('old-value') })
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
    secretsMock
      .on(GetSecretValueCommand, { VersionId: token, VersionStage: 'AWSPENDING' })
      .resolves({ SecretString: 'pending-value' })
    cloudfrontMock
      .on(GetDistributionConfigCommand)
      .resolves({ ETag: 'E4ETAG', DistributionConfig: distribution('pending-value') })
    await rotation()(event('setSecret'))
    expect(cloudfrontMock.commandCalls(UpdateDistributionCommand)).toHaveLength(0)
  })

  it('testSecret fails while the distribution does not send the pending value', async () => {
    secretsMock
      .on(GetSecretValueCommand, { VersionId: token, VersionStage: 'AWSPENDING' })
      .resolves({ SecretString: 'pending-value' })
    cloudfrontMock
      .on(GetDistributionConfigCommand)
      .resolves({ ETag: 'E3ETAG', DistributionConfig: distribution('old-value') })
    const failure = rotation()(event('testSecret'))
    await expect(failure).rejects.toThrow(/does not send the pending x-origin-verify/)
    // The message that reaches the log names neither value.
    await expect(failure).rejects.not.toThrow(/pending-value|old-value/)
  })

  it('testSecret fails when no origin sends the header at all', async () => {
    secretsMock
      .on(GetSecretValueCommand, { VersionId: token, VersionStage: 'AWSPENDING' })
      .resolves({ SecretString: 'pending-value' })
    const config = distribution('pending-value')
    config.Origins!.Items![1]!.CustomHeaders = { Quantity: 0, Items: [] }
    cloudfrontMock
      .on(GetDistributionConfigCommand)
      .resolves({ ETag: 'E', DistributionConfig: config })
    await expect(rotation()(event('testSecret'))).rejects.toThrow(/no origin sending/)
  })

  it('testSecret passes once the distribution sends the pending value', async () => {
    secretsMock
      .on(GetSecretValueCommand, { VersionId: token, VersionStage: 'AWSPENDING' })
      .resolves({ SecretString: 'pending-value' })
    cloudfrontMock
      .on(GetDistributionConfigCommand)
      .resolves({ ETag: 'E4ETAG', DistributionConfig: distribution('pending-value') })
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
    secretsMock.on(DescribeSecretCommand).resolves({
      RotationEnabled: true,
      VersionIdsToStages: {
        [currentVersion]: ['AWSPREVIOUS'],
        [token]: ['AWSCURRENT', 'AWSPENDING'],
      },
    })
    await rotation()(event('finishSecret'))
    expect(secretsMock.commandCalls(UpdateSecretVersionStageCommand)).toHaveLength(0)

    secretsMock.on(DescribeSecretCommand).resolves({
      RotationEnabled: true,
      VersionIdsToStages: { [currentVersion]: ['AWSCURRENT'] },
    })
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
