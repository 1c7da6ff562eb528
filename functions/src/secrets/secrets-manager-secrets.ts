import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  RestoreSecretCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager'
import type { SourceSecrets } from '../domain/reviews/sources'
import type { SecretStore } from './secret-store'

/** Every secret of this store is named under this prefix; the API Lambda may touch no other. */
export const secretNamePrefix = 'touchpoint/'

/** Days a deleted secret can still be restored (Secrets Manager allows 7 to 30). */
export const recoveryWindowDays = 7

/**
 * The name of a practice's secret for one site: `touchpoint/<practiceId>/<source>`.
 *
 * @example
 * secretName('01J…', 'yelp') // 'touchpoint/01J…/yelp'
 */
export function secretName(practiceId: string, name: SourceSecrets['source']): string {
  // Both come from our own ids and enums; refuse anything that could name another secret.
  if (!/^[0-9A-Z]{26}$/.test(practiceId) || !/^[a-z]+$/.test(name)) {
    throw new Error('invalid secret name')
  }
  return `${secretNamePrefix}${practiceId}/${name}`
}

/**
 * Review-site credentials in AWS Secrets Manager, one secret per practice and site, made on the
 * first connection. No `KmsKeyId` is given, so each is encrypted with the account's AWS managed
 * key for Secrets Manager (`aws/secretsmanager`); the values never reach the table or a log.
 * Disconnecting schedules deletion with a 7-day recovery window, and reconnecting within it
 * restores the secret (its name stays taken until the window ends).
 *
 * @example
 * const secrets = secretsManagerSecrets(secretsClient(config.AWS_REGION))
 * await secrets.put(practiceId, 'yelp', { source: 'yelp', apiKey })
 */
export function secretsManagerSecrets(client: SecretsManagerClient): SecretStore {
  const putValue = (SecretId: string, SecretString: string) =>
    client.send(new PutSecretValueCommand({ SecretId, SecretString }))

  return {
    async get(practiceId, name) {
      try {
        const { SecretString } = await client.send(
          new GetSecretValueCommand({ SecretId: secretName(practiceId, name) }),
        )
        if (!SecretString) return undefined
        const secrets = JSON.parse(SecretString) as SourceSecrets
        return secrets.source === name ? secrets : undefined
      } catch (err) {
        // Never made, or deleted and waiting out its recovery window: either way, not connected.
        if (isNamed(err, 'ResourceNotFoundException') || isNamed(err, 'InvalidRequestException')) {
          return undefined
        }
        throw err
      }
    },

    async put(practiceId, name, secrets) {
      const SecretId = secretName(practiceId, name)
      const SecretString = JSON.stringify(secrets)
      try {
        await putValue(SecretId, SecretString)
      } catch (err) {
        if (isNamed(err, 'ResourceNotFoundException')) {
          await create(client, SecretId, SecretString, () => putValue(SecretId, SecretString))
          return
        }
        if (isNamed(err, 'InvalidRequestException') && (await deletionPending(client, SecretId))) {
          await client.send(new RestoreSecretCommand({ SecretId }))
          await putValue(SecretId, SecretString)
          return
        }
        throw err
      }
    },

    async delete(practiceId, name) {
      try {
        await client.send(
          new DeleteSecretCommand({
            SecretId: secretName(practiceId, name),
            RecoveryWindowInDays: recoveryWindowDays,
            ForceDeleteWithoutRecovery: false,
          }),
        )
      } catch (err) {
        // Already gone or already scheduled: the outcome the caller asked for.
        if (isNamed(err, 'ResourceNotFoundException') || isNamed(err, 'InvalidRequestException')) {
          return
        }
        throw err
      }
    },
  }
}

async function create(
  client: SecretsManagerClient,
  Name: string,
  SecretString: string,
  whenRaced: () => Promise<unknown>,
) {
  try {
    await client.send(
      new CreateSecretCommand({
        Name,
        SecretString,
        Description: 'Credentials of a review site a Touchpoint practice connected',
      }),
    )
  } catch (err) {
    // Two saves at once: the other made it first, so this one writes a new version.
    if (isNamed(err, 'ResourceExistsException')) await whenRaced()
    else throw err
  }
}

async function deletionPending(client: SecretsManagerClient, SecretId: string): Promise<boolean> {
  const { DeletedDate } = await client.send(new DescribeSecretCommand({ SecretId }))
  return DeletedDate !== undefined
}

function isNamed(err: unknown, name: string): boolean {
  return err instanceof Error && err.name === name
}
