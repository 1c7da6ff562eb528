import type { Entry } from './protocol'

/**
 * Entries split so each message stays under `maxBytes` of JSON (settings changes carry the whole
 * board, so 50 entries can pass API Gateway's 128 KB). One entry alone always goes out.
 */
export function inBatchesOf(maxBytes: number, entries: readonly Entry[]): Entry[][] {
  const batches: Entry[][] = []
  let current: Entry[] = []
  let bytes = 0
  for (const entry of entries) {
    const size = Buffer.byteLength(JSON.stringify(entry))
    if (current.length > 0 && bytes + size > maxBytes) {
      batches.push(current)
      current = []
      bytes = 0
    }
    current.push(entry)
    bytes += size
  }
  if (current.length > 0 || batches.length === 0) batches.push(current)
  return batches
}
