import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { momentQuote } from '../../../../functions/src/domain/moments/moment-quote'
import type { Recognisable } from '../../../../functions/src/domain/moments/recognisable'
import { findMentions } from '../../../../functions/src/domain/moments/staff-mentions'

/**
 * The name matcher and the quote de-identifier scored on sets written by someone who had not seen
 * the code (test/fixtures/moments/README.md), frozen by their hashes: a change to a set is a new
 * set, and its figures start again. The floors catch a regression; the figures are in the README.
 */
const fixture = (name: string) =>
  readFileSync(new URL(`../../../fixtures/moments/${name}`, import.meta.url), 'utf8')
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const rows = <T>(text: string) =>
  text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T)

const person = (kind: Recognisable['kind'], id: string, name: string, aliases: string[] = []) => ({
  kind,
  id,
  name,
  aliases,
  featureOptOut: id === 'dee',
})
/** The roster the sets were written for. */
const roster: Recognisable[] = [
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

interface MentionRow {
  text: string
  names: string[]
  ambiguous: string[][]
}
interface DeidentifyRow {
  text: string
  mustRemove: string[]
  mustKeep: string[]
}

describe('held-out sets (frozen)', () => {
  it('scores the name matcher: precision and recall of who a comment names', () => {
    const text = fixture('mentions-held-out.jsonl')
    expect(sha256(text)).toBe('8caef9ecd1872f3ef04cd8b42a48697123e68329d47e47081bdc717cd41fd6e2')
    let truePositives = 0
    let falsePositives = 0
    let falseNegatives = 0
    let ambiguityFound = 0
    let ambiguityExpected = 0
    for (const row of rows<MentionRow>(text)) {
      const found = findMentions(row.text, roster)
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
    const precision = truePositives / (truePositives + falsePositives)
    const recall = truePositives / (truePositives + falseNegatives)
    console.info(
      `mentions held-out: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} ` +
        `(${truePositives} found, ${falsePositives} wrong, ${falseNegatives} missed); ` +
        `ambiguous first names flagged ${ambiguityFound}/${ambiguityExpected}`,
    )
    expect(precision).toBeGreaterThanOrEqual(0.85)
    expect(recall).toBeGreaterThanOrEqual(0.8)
  })

  it('scores the quote de-identifier: what must go, goes; staff names and ratings stay', () => {
    const text = fixture('deidentify-held-out.jsonl')
    expect(sha256(text)).toBe('55bbddd7998de53c7d0bb0f4820be342f30cccbd7a15bfd4687e2e6deae8ae00')
    const keep = roster.flatMap((p) => [p.name, ...p.aliases])
    let removed = 0
    let toRemove = 0
    let kept = 0
    let toKeep = 0
    let clean = 0
    const all = rows<DeidentifyRow>(text)
    for (const row of all) {
      const quote = momentQuote(row.text, keep)
      const gone = row.mustRemove.filter((s) => !quote.includes(s)).length
      const stayed = row.mustKeep.filter((s) => quote.includes(s)).length
      removed += gone
      toRemove += row.mustRemove.length
      kept += stayed
      toKeep += row.mustKeep.length
      if (gone === row.mustRemove.length && stayed === row.mustKeep.length) clean++
    }
    console.info(
      `de-identification held-out: removed ${removed}/${toRemove} (${(removed / toRemove).toFixed(3)}), ` +
        `kept ${kept}/${toKeep} (${(kept / toKeep).toFixed(3)}), rows fully right ${clean}/${all.length}`,
    )
    expect(removed / toRemove).toBeGreaterThanOrEqual(0.85)
    expect(kept / toKeep).toBeGreaterThanOrEqual(0.85)
  })
})
