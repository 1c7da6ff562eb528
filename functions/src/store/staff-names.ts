import type { Db } from './db'
import { roster } from './roster'

/**
 * The names a practice's quotes keep: its staff's and its providers', and the aliases patients
 * know them by. Quotes lose patients' names, but "Dr. Patel listened" or "Tanya at the desk" is
 * what the team needs to hear.
 *
 * @example
 * redactQuote(text, { keep: await staffNames(db, practiceId) })
 */
export async function staffNames(db: Db, practiceId: string): Promise<string[]> {
  return (await roster(db, practiceId)).flatMap((person) => [person.name, ...person.aliases])
}
