import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { SourceSecrets } from '../domain/reviews/sources'
import type { SecretStore } from './secret-store'

/**
 * Secrets as one JSON file per practice and service under `<dataDir>/secrets/`, the folder 0700
 * and each file 0600 (like the embedded database beside it), written atomically so a crash never
 * leaves half a file.
 *
 * @example
 * const secrets = localFileSecrets('.data')
 */
export function localFileSecrets(dataDir: string): SecretStore {
  const folder = join(dataDir, 'secrets')
  const fileOf = (practiceId: string, name: string) => {
    // Both come from our own ids and enums; refuse anything that could leave the folder.
    if (!/^[0-9A-Z]{26}$/.test(practiceId) || !/^[a-z]+$/.test(name)) {
      throw new Error('invalid secret name')
    }
    return join(folder, `${practiceId}-${name}.json`)
  }
  return {
    async get(practiceId, name) {
      try {
        return JSON.parse(await readFile(fileOf(practiceId, name), 'utf8')) as SourceSecrets
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
        throw err
      }
    },
    async put(practiceId, name, secrets) {
      await mkdir(folder, { recursive: true, mode: 0o700 })
      await chmod(folder, 0o700)
      const file = fileOf(practiceId, name)
      const temporary = `${file}.${process.pid}.tmp`
      await writeFile(temporary, JSON.stringify(secrets), { mode: 0o600 })
      await rename(temporary, file)
    },
    async delete(practiceId, name) {
      await rm(fileOf(practiceId, name), { force: true })
    },
  }
}
