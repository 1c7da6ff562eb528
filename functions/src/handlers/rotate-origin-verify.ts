import { randomBytes } from 'node:crypto'
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
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager'
import { z } from 'zod'
import { originVerifyHeader } from '../api/middleware/origin-verify'
import { readConfig } from '../config'

/** What Secrets Manager sends the rotation function, once per step (docs: "Rotation by Lambda"). */
export const RotationEvent = z.object({
  Step: z.enum(['createSecret', 'setSecret', 'testSecret', 'finishSecret']),
  SecretId: z.string().min(1),
  ClientRequestToken: z.string().min(1),
})
export type RotationEvent = z.infer<typeof RotationEvent>

export interface RotationDeps {
  secrets: SecretsManagerClient
  cloudfront: CloudFrontClient
  /** The distribution whose origins send `x-origin-verify`. */
  distributionId: string
  /** A new value; 40 URL-safe characters from 240 random bits by default. */
  newValue?: () => string
}

/**
 * Rotates the value CloudFront sends the API in `x-origin-verify`, in Secrets Manager's four
 * steps. The API accepts AWSCURRENT, AWSPENDING and AWSPREVIOUS, so requests keep passing while
 * the distribution deploys the new header to its edges (minutes) and after the stage moves.
 * Each step may be retried by Secrets Manager: each is safe to run again.
 *
 * @example
 * await rotateOriginVerify({ secrets, cloudfront, distributionId })({
 *   Step: 'createSecret', SecretId: arn, ClientRequestToken: token,
 * })
 */
export function rotateOriginVerify(deps: RotationDeps) {
  const { secrets, cloudfront, distributionId } = deps
  const newValue = deps.newValue ?? (() => randomBytes(30).toString('base64url'))

  async function pendingValue(secretId: string, token: string): Promise<string> {
    const { SecretString } = await secrets.send(
      new GetSecretValueCommand({
        SecretId: secretId,
        VersionId: token,
        VersionStage: 'AWSPENDING',
      }),
    )
    if (!SecretString) throw new Error('The pending version of the secret has no value')
    return SecretString
  }

  /** A new AWSPENDING value under the token, unless a retried step already put one there. */
  async function createSecret(secretId: string, token: string) {
    await secrets.send(
      new GetSecretValueCommand({ SecretId: secretId, VersionStage: 'AWSCURRENT' }),
    )
    try {
      await pendingValue(secretId, token)
      return
    } catch (err) {
      if (!(err instanceof Error && err.name === 'ResourceNotFoundException')) throw err
    }
    await secrets.send(
      new PutSecretValueCommand({
        SecretId: secretId,
        ClientRequestToken: token,
        SecretString: newValue(),
        VersionStages: ['AWSPENDING'],
      }),
    )
  }

  /** Every origin that sends the header gets the pending value; IfMatch refuses a lost update. */
  async function setSecret(secretId: string, token: string) {
    const pending = await pendingValue(secretId, token)
    const { config, etag } = await distributionConfig()
    const headers = verifyHeaders(config)
    if (headers.every((header) => header.HeaderValue === pending)) return
    for (const header of headers) header.HeaderValue = pending
    await cloudfront.send(
      new UpdateDistributionCommand({
        Id: distributionId,
        IfMatch: etag,
        DistributionConfig: config,
      }),
    )
  }

  /** The distribution's configuration now carries the pending value on every such origin. */
  async function testSecret(secretId: string, token: string) {
    const pending = await pendingValue(secretId, token)
    const { config } = await distributionConfig()
    if (!verifyHeaders(config).every((header) => header.HeaderValue === pending)) {
      // Never the values themselves: this message ends up in the function's log.
      throw new Error(
        `Distribution ${distributionId} does not send the pending ${originVerifyHeader}`,
      )
    }
  }

  /** AWSCURRENT moves to the new version (the old one becomes AWSPREVIOUS), AWSPENDING goes. */
  async function finishSecret(secretId: string, token: string, stages: Record<string, string[]>) {
    const current = Object.keys(stages).find((id) => stages[id]?.includes('AWSCURRENT'))
    if (current === token) return
    await secrets.send(
      new UpdateSecretVersionStageCommand({
        SecretId: secretId,
        VersionStage: 'AWSCURRENT',
        MoveToVersionId: token,
        RemoveFromVersionId: current,
      }),
    )
    await secrets.send(
      new UpdateSecretVersionStageCommand({
        SecretId: secretId,
        VersionStage: 'AWSPENDING',
        RemoveFromVersionId: token,
      }),
    )
  }

  async function distributionConfig(): Promise<{ config: DistributionConfig; etag: string }> {
    const out = await cloudfront.send(new GetDistributionConfigCommand({ Id: distributionId }))
    if (!out.DistributionConfig || !out.ETag) {
      throw new Error(`Distribution ${distributionId} returned no configuration`)
    }
    return { config: out.DistributionConfig, etag: out.ETag }
  }

  function verifyHeaders(config: DistributionConfig) {
    const headers = (config.Origins?.Items ?? []).flatMap((origin) =>
      (origin.CustomHeaders?.Items ?? []).filter(
        (header) => header.HeaderName?.toLowerCase() === originVerifyHeader,
      ),
    )
    if (headers.length === 0) {
      throw new Error(`Distribution ${distributionId} has no origin sending ${originVerifyHeader}`)
    }
    return headers
  }

  return async (input: unknown): Promise<void> => {
    const { Step, SecretId, ClientRequestToken: token } = RotationEvent.parse(input)
    // As AWS's rotation template checks: rotation is on, and the token names the pending version.
    const metadata = await secrets.send(new DescribeSecretCommand({ SecretId }))
    if (!metadata.RotationEnabled) throw new Error('Rotation is not enabled for this secret')
    const stages = metadata.VersionIdsToStages ?? {}
    const ofToken = stages[token]
    if (!ofToken) throw new Error('The rotation token names no version of this secret')
    if (ofToken.includes('AWSCURRENT')) return
    if (!ofToken.includes('AWSPENDING')) throw new Error('The token version is not AWSPENDING')

    switch (Step) {
      case 'createSecret':
        return createSecret(SecretId, token)
      case 'setSecret':
        return setSecret(SecretId, token)
      case 'testSecret':
        return testSecret(SecretId, token)
      case 'finishSecret':
        return finishSecret(SecretId, token, stages)
    }
  }
}

let rotation: ((input: unknown) => Promise<void>) | undefined

/** The Lambda entry point; built on first use so importing it (tests) reads no environment. */
export async function handler(event: unknown): Promise<void> {
  if (!rotation) {
    const config = readConfig()
    if (!config.DISTRIBUTION_ID)
      throw new Error('Invalid configuration: DISTRIBUTION_ID is required')
    rotation = rotateOriginVerify({
      secrets: new SecretsManagerClient({ region: config.AWS_REGION }),
      cloudfront: new CloudFrontClient({ region: config.AWS_REGION }),
      distributionId: config.DISTRIBUTION_ID,
    })
  }
  await rotation(event)
}
