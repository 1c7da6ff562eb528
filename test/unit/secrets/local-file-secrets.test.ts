import { mkdtemp, readdir, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ulid } from 'ulid'
import { describe, expect, it } from 'vitest'
import { localFileSecrets } from '../../../functions/src/secrets/local-file-secrets'

describe('localFileSecrets', () => {
  it('keeps a secret in a file only its owner can read, in a folder only its owner can open', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'secrets-'))
    const secrets = localFileSecrets(dataDir)
    const practiceId = ulid()
    await secrets.put(practiceId, 'yelp', { source: 'yelp', apiKey: 'yelp-key-1' })

    expect(await secrets.get(practiceId, 'yelp')).toEqual({ source: 'yelp', apiKey: 'yelp-key-1' })
    expect((await stat(join(dataDir, 'secrets'))).mode & 0o777).toBe(0o700)
    const [file] = await readdir(join(dataDir, 'secrets'))
    expect((await stat(join(dataDir, 'secrets', file!))).mode & 0o777).toBe(0o600)
  })

  it('answers nothing for a secret never kept or deleted, and replaces one kept again', async () => {
    const secrets = localFileSecrets(await mkdtemp(join(tmpdir(), 'secrets-')))
    const practiceId = ulid()
    expect(await secrets.get(practiceId, 'google')).toBeUndefined()
    await secrets.put(practiceId, 'facebook', { source: 'facebook', pageAccessToken: 'a' })
    await secrets.put(practiceId, 'facebook', { source: 'facebook', pageAccessToken: 'b' })
    expect(await secrets.get(practiceId, 'facebook')).toEqual({
      source: 'facebook',
      pageAccessToken: 'b',
    })
    await secrets.delete(practiceId, 'facebook')
    expect(await secrets.get(practiceId, 'facebook')).toBeUndefined()
  })

  it('refuses a practice id that could name a file outside its folder', async () => {
    const secrets = localFileSecrets(await mkdtemp(join(tmpdir(), 'secrets-')))
    await expect(secrets.get('../../etc/passwd', 'yelp')).rejects.toThrow('invalid secret name')
  })
})
