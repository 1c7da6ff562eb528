import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager'

/**
 * The stages whose value CloudFront may be sending while a rotation deploys: the new value
 * (AWSPENDING) reaches the edges over minutes after `setSecret`, and the old one (AWSPREVIOUS
 * once `finishSecret` ran) is still sent by edges that have not updated yet.
 */
export const acceptedStages = ['AWSCURRENT', 'AWSPENDING', 'AWSPREVIOUS'] as const

/**
 * Reads the values of the origin-verify secret a request may carry, one per accepted stage that
 * exists (there is no AWSPENDING between rotations, and no AWSPREVIOUS before the first).
 *
 * @example
 * const read = originVerifyValues(new SecretsManagerClient({ region }), config.ORIGIN_VERIFY_SECRET_ARN)
 * await read() // ['current value', 'previous value']
 */
export function originVerifyValues(
  client: SecretsManagerClient,
  secretId: string,
): () => Promise<string[]> {
  return async () => {
    const values = await Promise.all(
      acceptedStages.map(async (stage) => {
        try {
          const { SecretString } = await client.send(
            new GetSecretValueCommand({ SecretId: secretId, VersionStage: stage }),
          )
          return SecretString
        } catch (err) {
          // Only AWSCURRENT always exists; a missing other stage is the ordinary case.
          if (stage !== 'AWSCURRENT' && isNotFound(err)) return undefined
          throw err
        }
      }),
    )
    return [...new Set(values.filter((value): value is string => Boolean(value)))]
  }
}

/** A Secrets Manager client for the Lambda's own region. */
export function secretsClient(region: string): SecretsManagerClient {
  return new SecretsManagerClient({ region })
}

function isNotFound(err: unknown): boolean {
  return (
    err instanceof ResourceNotFoundException ||
    (err instanceof Error && err.name === 'ResourceNotFoundException')
  )
}
