import { parse } from 'csv-parse/sync'

/** The rows of a CSV export (RFC 4180, with or without its byte-order mark), every cell as text. */
export function parseCsv(text: string): string[][] {
  return parse(text, { bom: true, relaxColumnCount: true }) as string[][]
}
