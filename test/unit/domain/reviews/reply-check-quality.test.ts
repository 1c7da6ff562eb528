import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkReply } from '../../../../functions/src/domain/reviews/reply-check'

/**
 * The reply check measured on labelled replies. The rules were tuned on `tuning.jsonl` only;
 * `held-out.jsonl` was written by someone else from the HHS cases, copied unread, and opened
 * only after the rules were frozen. Its floors were set from its first run (recall 0.90, false
 * flags 0.00 on 2026-12-01) and are not moved; the four replies it misses are printed.
 */
interface Line {
  text: string
  risky: boolean
  codes: string[]
}

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../fixtures/reply-check/${name}`, import.meta.url))
const read = (name: string): Line[] =>
  readFileSync(fixture(name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Line)

/** Recall: risky replies with at least one warning; false flags: safe replies with any. */
function measure(lines: Line[]) {
  const risky = lines.filter((l) => l.risky)
  const safe = lines.filter((l) => !l.risky)
  const flagged = (l: Line) =>
    checkReply(l.text, { staffNames: ['Dr. Patel', 'Dr. Lee'] }).length > 0
  return {
    lines: lines.length,
    recall: risky.filter(flagged).length / risky.length,
    falseFlagRate: safe.filter(flagged).length / safe.length,
    missed: risky.filter((l) => !flagged(l)).map((l) => l.text),
    falselyFlagged: safe.filter(flagged).map((l) => l.text),
  }
}

describe('the reply check on labelled replies', () => {
  it('flags the risky replies of its tuning set and leaves the safe ones alone', () => {
    const lines = read('tuning.jsonl')
    expect(lines.length).toBeGreaterThanOrEqual(60)
    const figures = measure(lines)
    console.info('reply check, tuning set:', JSON.stringify(figures))
    expect(figures.recall).toBeGreaterThanOrEqual(0.95)
    expect(figures.falseFlagRate).toBeLessThanOrEqual(0.05)
  })

  it('holds up on a held-out set it was not tuned on', () => {
    const file = readFileSync(fixture('held-out.jsonl'))
    // The set is pinned: a changed file would make the figures below mean something else.
    expect(createHash('sha256').update(file).digest('hex')).toBe(
      'd8395bd4e402eb7d1cc761ca5b582e9bb3155e215970cb578fb242a7b9e27a9e',
    )
    const lines = read('held-out.jsonl')
    expect(lines).toHaveLength(80)
    const figures = measure(lines)
    console.info('reply check, held-out set:', JSON.stringify(figures))
    expect(figures.recall).toBeGreaterThanOrEqual(0.9)
    expect(figures.falseFlagRate).toBeLessThanOrEqual(0)
  })
})
