import { DomainError } from '../errors'

/**
 * How big one visits file may be: 10,000 visits or 5 MB, a busy practice's month. The response and
 * review imports' limits (`api/routes/import-limits.ts`, `ingest/imports/csv-rows.ts`: 10 MB and
 * 20,000 rows) are for years of history; a visits file is recent by nature (older visits are past
 * their invitation window), and a smaller cap keeps one file inside one Lambda's time with room for
 * queueing its invitations. Both limits live in domain, so the browser's preview can say the same.
 */
export const maxVisitRows = 10_000
export const maxVisitFileBytes = 5 * 1024 * 1024

/** A visits file over a limit: 413, naming the limit, and nothing of it is imported. */
export class VisitsFileTooLarge extends DomainError {
  readonly code = 'visits-file-too-large'
  readonly status = 413
  constructor(what: 'rows' | 'bytes') {
    super(
      what === 'rows'
        ? `A visits file holds at most ${maxVisitRows.toLocaleString('en-US')} visits; split it into parts.`
        : `A visits file is at most ${maxVisitFileBytes / 1024 / 1024} MB; split it into parts.`,
      'body',
    )
  }
}

/**
 * The size of a text in UTF-8 bytes, without building the bytes (the file may be megabytes).
 *
 * @example
 * utf8Bytes('sí') // 3
 */
export function utf8Bytes(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4 // a surrogate pair: one four-byte character
      i++
    } else bytes += 3
  }
  return bytes
}
