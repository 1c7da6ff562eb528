import { stringify } from 'csv-stringify/browser/esm/sync'
import { ApiError } from '$lib/api'
import type { RejectedRow } from '$contract'

/** Rows a request: well under the API's 20,000 and Lambda's 6 MB, and a progress step a person sees. */
export const rowsPerRequest = 1000

export interface ChunkAnswer {
  imported: number
  updated?: number
  unchanged: number
  rejected: RejectedRow[]
}

/** A rejected row as the summary lists it: its number in the whole file and its cells. */
export interface RejectedInFile extends RejectedRow {
  cells: string[]
}

/**
 * An import of a file in parts: each request carries the header and up to 1,000 rows, one after
 * another, and the counts add up as they come back. Every part is idempotent (a row's identity is
 * its external id or a hash of it), so a part that failed on the network is simply sent again.
 */
export class ChunkedImport {
  done = $state(0)
  total = $state(0)
  running = $state(false)
  imported = $state(0)
  updated = $state(0)
  unchanged = $state(0)
  rejected = $state<RejectedInFile[]>([])
  error = $state<string | null>(null)
  finished = $state(false)

  /**
   * Send `rows` under `columns` to `send`, a part at a time. `firstRow` is the file row of
   * `rows[0]`, so rejected rows are numbered as in the person's file, not in the part.
   */
  async run(
    columns: string[],
    rows: string[][],
    firstRow: number,
    send: (csv: string) => Promise<ChunkAnswer>,
  ): Promise<void> {
    Object.assign(this, {
      done: 0,
      total: rows.length,
      running: true,
      imported: 0,
      updated: 0,
      unchanged: 0,
      rejected: [],
      error: null,
      finished: false,
    })
    try {
      for (let start = 0; start < rows.length; start += rowsPerRequest) {
        const part = rows.slice(start, start + rowsPerRequest)
        const answer = await withRetry(() => send(stringify([columns, ...part])))
        this.imported += answer.imported
        this.updated += answer.updated ?? 0
        this.unchanged += answer.unchanged
        // The API numbers a part's rows from 2 (its header is row 1).
        const found = answer.rejected.map((rejected) => ({
          row: rejected.row - 2 + firstRow + start,
          reason: rejected.reason,
          cells: part[rejected.row - 2] ?? [],
        }))
        this.rejected = [...this.rejected, ...found]
        this.done = start + part.length
      }
      this.finished = true
    } catch (failure) {
      this.error =
        failure instanceof ApiError
          ? failure.detail || failure.title
          : 'Something went wrong. Please try again.'
    } finally {
      this.running = false
    }
  }
}

/** Once more after a lost connection, a busy server or a 5xx: the part is idempotent. */
async function withRetry<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call()
    } catch (failure) {
      const retriable =
        failure instanceof ApiError &&
        (failure.status === 0 || failure.status === 429 || failure.status >= 500)
      if (!retriable || attempt >= 2) throw failure
      const wait = (failure.retryAfterSeconds ?? 2 ** attempt) * 1000
      await new Promise((done) => setTimeout(done, wait))
    }
  }
}
