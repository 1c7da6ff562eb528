import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  InvalidRequestException,
  PutSecretValueCommand,
  ResourceExistsException,
  ResourceNotFoundException,
  RestoreSecretCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager'
import { mockClient } from 'aws-sdk-client-mock'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  secretName,
  secretsManagerSecrets,
} from '../../../functions/src/secrets/secrets-manager-secrets'

const sm = mockClient(SecretsManagerClient)
const practiceId = '01JDZ0000000000000000000AB'
const name = `touchpoint/${practiceId}/yelp`
const yelp = { source: 'yelp' as const, apiKey: 'key-0123' }
const meta = { $metadata: {} }
const notFound = () =>
  new ResourceNotFoundException({
    message: "Secrets Manager can't find the specified secret.",
    ...meta,
  })
const invalid = () => new InvalidRequestException({ message: 'marked for deletion', ...meta })

const store = () => secretsManagerSecrets(new SecretsManagerClient({ region: 'us-east-1' }))

beforeEach(() => sm.reset())

describe('Secrets Manager secret store', () => {
  it('names one secret per practice and site under touchpoint/, refusing anything else', () => {
    expect(secretName(practiceId, 'google')).toBe(`touchpoint/${practiceId}/google`)
    expect(() => secretName('../other', 'yelp')).toThrow()
    expect(() => secretName(practiceId, 'yelp/../x' as 'yelp')).toThrow()
  })

  it('creates the secret on the first save, with no key given (the account key for Secrets Manager)', async () => {
    sm.on(PutSecretValueCommand).rejects(notFound())
    sm.on(CreateSecretCommand).resolves({})
    await store().put(practiceId, 'yelp', yelp)
    const created = sm.commandCalls(CreateSecretCommand)
    expect(created).toHaveLength(1)
    expect(created[0]!.args[0].input).toMatchObject({
      Name: name,
      SecretString: JSON.stringify(yelp),
    })
    expect(created[0]!.args[0].input.KmsKeyId).toBeUndefined()
  })

  it('writes a new version of an existing secret with PutSecretValue', async () => {
    sm.on(PutSecretValueCommand).resolves({})
    await store().put(practiceId, 'yelp', yelp)
    expect(sm.commandCalls(PutSecretValueCommand)[0]!.args[0].input).toEqual({
      SecretId: name,
      SecretString: JSON.stringify(yelp),
    })
    expect(sm.commandCalls(CreateSecretCommand)).toHaveLength(0)
  })

  it('writes a version when another save created the secret first', async () => {
    sm.on(PutSecretValueCommand).rejectsOnce(notFound()).resolves({})
    sm.on(CreateSecretCommand).rejects(new ResourceExistsException({ message: 'exists', ...meta }))
    await store().put(practiceId, 'yelp', yelp)
    expect(sm.commandCalls(PutSecretValueCommand)).toHaveLength(2)
  })

  it('restores a secret deleted within its recovery window when the site is connected again', async () => {
    sm.on(PutSecretValueCommand).rejectsOnce(invalid()).resolves({})
    sm.on(DescribeSecretCommand).resolves({ Name: name, DeletedDate: new Date() })
    sm.on(RestoreSecretCommand).resolves({})
    await store().put(practiceId, 'yelp', yelp)
    expect(sm.commandCalls(RestoreSecretCommand)[0]!.args[0].input).toEqual({ SecretId: name })
    expect(sm.commandCalls(PutSecretValueCommand)).toHaveLength(2)
  })

  it('reads the secret back, and a missing or deleted one as undefined', async () => {
    sm.on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: JSON.stringify(yelp) })
      .rejectsOnce(notFound())
      .rejectsOnce(invalid())
    expect(await store().get(practiceId, 'yelp')).toEqual(yelp)
    expect(await store().get(practiceId, 'yelp')).toBeUndefined()
    expect(await store().get(practiceId, 'yelp')).toBeUndefined()
  })

  it('passes any other error on', async () => {
    sm.on(GetSecretValueCommand).rejects(new Error('AccessDeniedException'))
    await expect(store().get(practiceId, 'yelp')).rejects.toThrow('AccessDenied')
  })

  it('deletes with a 7-day recovery window, never forcing, and a second delete is fine', async () => {
    sm.on(DeleteSecretCommand).resolvesOnce({}).rejectsOnce(invalid()).rejectsOnce(notFound())
    await store().delete(practiceId, 'yelp')
    await store().delete(practiceId, 'yelp')
    await store().delete(practiceId, 'yelp')
    expect(sm.commandCalls(DeleteSecretCommand)[0]!.args[0].input).toEqual({
      SecretId: name,
      RecoveryWindowInDays: 7,
      ForceDeleteWithoutRecovery: false,
    })
  })
})
