import type { Recognisable } from '../domain/moments/recognisable'
import type { Db } from './db'
import * as providers from './providers'
import * as users from './users'

/**
 * Everyone a patient's story can name: the practice's staff accounts and its providers, with
 * their aliases and their choice not to be featured.
 *
 * @example
 * const people = await roster(db, practiceId)
 * findMentions('Dr. K got us in', people)
 */
export async function roster(db: Db, practiceId: string): Promise<Recognisable[]> {
  const [team, clinicians] = await Promise.all([
    users.list(db, practiceId),
    providers.list(db, practiceId),
  ])
  return [
    ...team.map((user) => ({
      kind: 'user' as const,
      id: user.id,
      name: user.name,
      aliases: user.aliases,
      featureOptOut: user.featureOptOut,
    })),
    ...clinicians.map((provider) => ({
      kind: 'provider' as const,
      id: provider.id,
      name: provider.name,
      aliases: provider.aliases,
      featureOptOut: provider.featureOptOut,
    })),
  ]
}
