import { describe, expect, it } from 'vitest'
import { inBatchesOf } from '../../../functions/src/realtime/hub'
import type { Entry } from '../../../functions/src/realtime/protocol'

/** An entry of about `size` bytes of JSON: only its length matters to batching. */
function entryOf(seq: number, size: number): Entry {
  return { seq, padding: 'x'.repeat(size) } as unknown as Entry
}

describe('catch-up batches', () => {
  it('keep every message under the size, in order, losing nothing', () => {
    const entries = Array.from({ length: 30 }, (_, i) => entryOf(i + 1, 10_000 + (i % 7) * 3_000))
    const batches = inBatchesOf(96 * 1024, entries)
    expect(batches.length).toBeGreaterThan(1)
    expect(batches.flat().map((e) => e.seq)).toEqual(entries.map((e) => e.seq))
    for (const batch of batches) {
      expect(Buffer.byteLength(JSON.stringify(batch))).toBeLessThan(96 * 1024 + 1024)
    }
  })

  it('send one oversized entry on its own, and an empty catch-up as one empty batch', () => {
    expect(inBatchesOf(1000, [entryOf(1, 5000), entryOf(2, 10)]).map((b) => b.length)).toEqual([
      1, 1,
    ])
    expect(inBatchesOf(1000, [])).toEqual([[]])
  })
})
