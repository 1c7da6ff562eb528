import { randomBytes } from 'node:crypto'
import { ulid } from 'ulid'
import { hashPassword } from '../domain/passwords'
import type { Db } from '../store/db'
import { writeCommittee } from './committee'
import { generateDemo, type Demo } from './generate'
import { writeGovernanceCases } from './governance'
import { writeDemo } from './write-demo'

/** The seed of the demo everyone sees: the same story each time, with fresh ids. */
export const demoSeed = 20240601

export interface CreatedDemo {
  demo: Demo
  /**
   * The owner's password, for `npm run seed:demo` to print and for the browser that made the demo
   * to sign back in with (the API answers it once, to that browser).
   */
  password: string
  milliseconds: number
}

/**
 * Generate and store a new demo practice with its own ids and owner, whose password is random.
 *
 * @example
 * const { demo } = await createDemo(db)
 * // sign in as demo.owner, or print demo.owner.email and the password
 */
export async function createDemo(
  db: Db,
  { seed = demoSeed, now = new Date() }: { seed?: number; now?: Date } = {},
): Promise<CreatedDemo> {
  const started = performance.now()
  const password = randomBytes(12).toString('base64url')
  // scrypt runs off the main thread: start it, then generate while it works.
  const hashing = hashPassword(password)
  const demo = await generateDemo({ seed, now, newId: (time) => ulid(time) })
  await writeDemo(db, demo, { passwordHash: await hashing })
  // After the responses and reviews: the cases quote them, read back as the API reads them.
  await writeCommittee(db, demo, now, await writeGovernanceCases(db, demo, now))
  return { demo, password, milliseconds: Math.round(performance.now() - started) }
}
