import type { AppDeps } from './env'

/**
 * Every path that ends a person's sessions or changes their role calls this, so their open board
 * sockets lose the rights the old session or role gave them.
 *
 * @example
 * await revokeBoardRights(c.var.deps, practice.id, user.id)
 */
export async function revokeBoardRights(
  deps: AppDeps,
  practiceId: string,
  userId: string,
): Promise<void> {
  await deps.boardHub?.revokePerson(practiceId, userId)
}
