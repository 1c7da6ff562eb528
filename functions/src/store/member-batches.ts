import type { User } from '../domain/practice'
import { batchPut } from './batch'
import type { Db } from './db'
import { toItem } from './items'
import * as keys from './keys'

/**
 * Add staff accounts to a new practice at once, for the demo: each user item and its global
 * e-mail lookup, as accepting an invitation leaves them, 25 a request. Not for live sign-ups:
 * nothing checks that an address is free, so the caller must make addresses no one else has.
 *
 * @example
 * await writeMembers(db, practice.id, demo.team, passwordHash)
 */
export async function writeMembers(
  db: Db,
  practiceId: string,
  members: readonly User[],
  passwordHash: string,
): Promise<void> {
  await batchPut(
    db,
    members.flatMap((user) => [
      toItem(keys.user(practiceId, user.id), 'user', { ...user, passwordHash }),
      toItem(keys.emailLookup(user.email), 'email', { practiceId, userId: user.id }),
    ]),
  )
}
