import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { momentQuote } from '../../../../functions/src/domain/moments/moment-quote'
import {
  fixture,
  heldOutRoster as roster,
  rows,
  scoreMentions,
  type MentionRow,
} from './mention-quality'

/**
 * The name matcher and the quote de-identifier scored on sets written by someone who had not seen
 * the code (test/fixtures/moments/README.md), frozen by their hashes: a change to a set is a new
 * set, and its figures start again. The floors catch a regression; the figures are in the README.
 */
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

interface DeidentifyRow {
  text: string
  mustRemove: string[]
  mustKeep: string[]
}

describe('held-out sets (frozen)', () => {
  it('scores the name matcher: precision and recall of who a comment names', () => {
    const text = fixture('mentions-held-out.jsonl')
    expect(sha256(text)).toBe('8caef9ecd1872f3ef04cd8b42a48697123e68329d47e47081bdc717cd41fd6e2')
    const score = scoreMentions(rows<MentionRow>(text), roster)
    console.info(
      `mentions held-out: precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)} ` +
        `(${score.truePositives} found, ${score.falsePositives} wrong, ${score.falseNegatives} missed); ` +
        `ambiguous first names flagged ${score.ambiguityFound}/${score.ambiguityExpected}`,
    )
    expect(score.precision).toBeGreaterThanOrEqual(0.85)
    expect(score.recall).toBeGreaterThanOrEqual(0.8)
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
