import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { redactQuote } from '../../../functions/src/domain/redact'

/**
 * How well quotes lose patients' identifiers, on labelled quotes: a tuning set the patterns were
 * adjusted against, and a held-out set written at the same time and never tuned on (its SHA-256 is
 * pinned, so it cannot be edited to fit). Counted by word: a word of a labelled identifier that is
 * gone is a hit, one still there a miss; any other word that is gone is a false alarm.
 */
interface LabelledSet {
  staff: string[]
  quotes: { text: string; remove: string[] }[]
}

const load = (name: string) => {
  const text = readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')
  return { text, set: JSON.parse(text) as LabelledSet }
}
const words = (text: string) => text.split(/[^\p{L}\p{N}@'’_-]+/u).filter(Boolean)

/** Words of `from` not in `to`, counted with multiplicity. */
function gone(from: string[], to: string[]): string[] {
  const left = new Map<string, number>()
  for (const word of to) left.set(word, (left.get(word) ?? 0) + 1)
  return from.filter((word) => {
    const n = left.get(word) ?? 0
    if (n > 0) left.set(word, n - 1)
    return n === 0
  })
}

export function score(set: LabelledSet) {
  let hits = 0
  let misses = 0
  let falseAlarms = 0
  const missed: string[] = []
  const overRemoved: string[] = []
  for (const quote of set.quotes) {
    const redacted = redactQuote(quote.text, { keep: set.staff })
    const identifying = quote.remove.flatMap(words)
    const removed = gone(words(quote.text), words(redacted))
    const stillThere = gone(identifying, removed)
    misses += stillThere.length
    hits += identifying.length - stillThere.length
    const extra = gone(removed, identifying)
    falseAlarms += extra.length
    if (stillThere.length) missed.push(`${quote.text} → ${redacted}`)
    if (extra.length) overRemoved.push(`${quote.text} → ${redacted}`)
  }
  return {
    recall: hits / (hits + misses),
    precision: hits / (hits + falseAlarms),
    missed,
    overRemoved,
  }
}

describe('quote redaction quality', () => {
  it('keeps the held-out set frozen', () => {
    const { text } = load('redaction-heldout.json')
    expect(createHash('sha256').update(text).digest('hex')).toBe(
      '14509c84e7b2efb65612ba91d5f4694bd68251d1015acc16ca180382cdcdd9b6',
    )
  })

  it.each([
    ['tuning', 'redaction-tuning.json', 0.95, 0.95],
    ['held-out', 'redaction-heldout.json', 0.85, 0.85],
  ])('removes identifiers on the %s set with high recall and precision', (label, file, r, p) => {
    const result = score(load(file).set)
    console.log(
      `${label}: recall ${result.recall.toFixed(3)}, precision ${result.precision.toFixed(3)}`,
      { missed: result.missed, overRemoved: result.overRemoved },
    )
    expect(result.recall).toBeGreaterThanOrEqual(r)
    expect(result.precision).toBeGreaterThanOrEqual(p)
  })
})
