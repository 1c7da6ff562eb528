import type { Db } from './db'
import * as providers from './providers'
import * as users from './users'

/**
 * The names a practice's quotes keep: its staff's and its providers'. Quotes lose patients' names,
 * but "Dr. Patel listened" or "Tanya at the desk" is what the team needs to hear.
 *
 * @example
 * redactQuote(text, { keep: await staffNames(db, practiceId) })
 */
export async function staffNames(db: Db, practiceId: string): Promise<string[]> {
  const [team, clinicians] = await Promise.all([
    users.list(db, practiceId),
    providers.list(db, practiceId),
  ])
  return [...team.map((user) => user.name), ...clinicians.map((provider) => provider.name)]
}
