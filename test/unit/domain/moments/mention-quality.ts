import { readFileSync } from 'node:fs'
import type { Recognisable } from '../../../../functions/src/domain/moments/recognisable'
import { findMentions } from '../../../../functions/src/domain/moments/staff-mentions'
import { roster } from './roster'

/**
 * How well `findMentions` tells who a comment names, scored the same way on two tables: the
 * tuning table (the cases of staff-mentions.test.ts, which the matcher was written against) and
 * the held-out set (test/fixtures/moments/mentions-held-out.jsonl, written by someone who had not
 * seen the code). Shared by held-out-quality.test.ts and the bench (test/bench/moments-candidates.ts).
 */

export interface MentionRow {
  text: string
  /** Ids of the people the text names (each once). */
  names: string[]
  /** Groups of ids a shared first name could be. */
  ambiguous: string[][]
}

export interface MentionScore {
  rows: number
  precision: number
  recall: number
  truePositives: number
  falsePositives: number
  falseNegatives: number
  ambiguityFound: number
  ambiguityExpected: number
}

export function scoreMentions(
  rows: readonly MentionRow[],
  people: readonly Recognisable[],
): MentionScore {
  let truePositives = 0
  let falsePositives = 0
  let falseNegatives = 0
  let ambiguityFound = 0
  let ambiguityExpected = 0
  for (const row of rows) {
    const found = findMentions(row.text, people)
    const named = new Set(found.mentions.map((m) => m.person.id))
    const expected = new Set(row.names)
    for (const id of named) {
      if (expected.has(id)) truePositives++
      else falsePositives++
    }
    for (const id of expected) if (!named.has(id)) falseNegatives++
    const groups = new Set(
      found.ambiguous.map((a) =>
        a.people
          .map((p) => p.id)
          .sort()
          .join(),
      ),
    )
    ambiguityExpected += row.ambiguous.length
    ambiguityFound += row.ambiguous.filter((group) => groups.has([...group].sort().join())).length
  }
  return {
    rows: rows.length,
    precision: truePositives / (truePositives + falsePositives),
    recall: truePositives / (truePositives + falseNegatives),
    truePositives,
    falsePositives,
    falseNegatives,
    ambiguityFound,
    ambiguityExpected,
  }
}

/** The tuning table: who each text names (repeats count once), on the roster of roster.ts. */
export const namedCases: readonly (readonly [string, readonly string[]])[] = [
  ['Dr. Okafor listened to every question', ['okafor']],
  ['doctor okafor was great', ['okafor']],
  ["Dr. Okafor's nurse was so kind", ['okafor']],
  ['Helen Okafor is the best', ['okafor']],
  ['Dr. O explained everything', ['okafor']],
  ['dr k made my son laugh', ['kapoor']],
  ['Dr. Kapoor and Luisito got us in', ['kapoor', 'luis']],
  ['La Dra. Márquez nos explicó todo', ['marquez']],
  ['la dra marquez fue muy amable', ['marquez']],
  ['Luis called me back the same day', ['luis']],
  ['Maria at the front desk fixed my bill', ['maria']],
  ['ANA NUÑEZ WAS WONDERFUL', ['ana-nunez']],
  ['Ana Núñez was lovely and later Ana called to check on us', ['ana-nunez', 'ana-nunez']],
  ['Ana López stayed late for us', ['ana-nunez']],
  ['Mr. Turner fixed my insurance mess', ['will']],
  ['Will Turner was patient with my mom', ['will']],
]

/** Texts of the tuning table that name no one. */
export const unnamedCases: readonly string[] = [
  'Will you please fix the parking',
  'I hope the wait is shorter next time',
  'The nurse was kind',
  'We saw the doctor quickly',
  'Great service from everyone',
]

/** The tuning table as rows: the cases above, the shared first name and the opted-out staffer. */
export const tuningRows: readonly MentionRow[] = [
  ...namedCases.map(([text, ids]) => ({ text, names: [...new Set(ids)], ambiguous: [] })),
  ...unnamedCases.map((text) => ({ text, names: [], ambiguous: [] })),
  { text: 'Ana was amazing with my daughter', names: [], ambiguous: [['ana-nunez', 'ana-ruiz']] },
  { text: 'Kim was so helpful', names: ['kim'], ambiguous: [] },
]
export { roster as tuningRoster }

const person = (kind: Recognisable['kind'], id: string, name: string, aliases: string[] = []) => ({
  kind,
  id,
  name,
  aliases,
  featureOptOut: id === 'dee',
})
/** The roster the held-out sets were written for. */
export const heldOutRoster: Recognisable[] = [
  person('user', 'lucia', 'Lucía Fernández Ríos'),
  person('user', 'lucy', 'Lucy Chen', ['Lu']),
  person('user', 'tom', 'Thomas Baker', ['Tommy', 'Tom at billing']),
  person('user', 'jose', 'José Manuel Pérez', ['Pepe']),
  person('user', 'grace', 'Grace Kim'),
  person('user', 'sam1', 'Sam Ortiz'),
  person('user', 'sam2', 'Samantha Wu', ['Sam']),
  person('user', 'dee', 'Deborah Jones', ['Miss Dee']),
  person('provider', 'patel', 'Dr. Priya Patel', ['Dr. P']),
  person('provider', 'nguyen', 'Minh Nguyen'),
  person('provider', 'garcia', 'Dra. Carmen García'),
]

/** A file of test/fixtures/moments/, as text. */
export const fixture = (name: string) =>
  readFileSync(new URL(`../../../fixtures/moments/${name}`, import.meta.url), 'utf8')

/** One JSON object a line. */
export const rows = <T>(text: string) =>
  text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T)
