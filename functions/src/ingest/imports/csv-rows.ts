import { Readable } from 'node:stream'
import { DomainError, Invalid } from '../../domain/errors'

/**
 * How many data rows one import request may carry. A bigger file is sent in parts (the import
 * pages send 1,000 rows a request); the cap keeps one request inside a Lambda's time and memory.
 */
export const maxImportRows = 20_000

/** A file with more rows than one request takes: 413, naming the cap. */
export class TooManyRows extends DomainError {
  readonly code = 'too-many-rows'
  readonly status = 413
  constructor() {
    super(
      `A request imports at most ${maxImportRows.toLocaleString('en-US')} rows; send the file in parts ` +
        '(the import page does this for you).',
      'body',
    )
  }
}

/** One data row: its number in the file (the header is row 1) and its cells by column name. */
export interface CsvRow {
  row: number
  cells: Record<string, string>
}

export interface CsvTable {
  /** Column names as written in the header row, trimmed. */
  columns: string[]
  rows: CsvRow[]
}

/**
 * Read a CSV body (a header row, then data rows) as it streams in, refusing it with 413 as soon as
 * it passes `maxImportRows`, before anything is stored: a refused file imports nothing. Quoted
 * cells may hold commas and line breaks (exports from survey tools do); a byte-order mark is
 * dropped; a row with more or fewer cells than the header is kept and read by position.
 *
 * @example
 * const { columns, rows } = await readCsv(request.body)
 * rows[0] // { row: 2, cells: { source: 'healthgrades', date: '2026-03-14', … } }
 */
export async function readCsv(
  body: ReadableStream<Uint8Array> | string | null,
  maxRows = maxImportRows,
): Promise<CsvTable> {
  if (body === null) throw new Invalid('The CSV file is empty: it needs a header row.', 'body')
  const source =
    typeof body === 'string'
      ? Readable.from([body])
      : Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>)
  const { parse } = await import('csv-parse')
  const parser = source.pipe(
    parse({ bom: true, relaxColumnCount: true, skipEmptyLines: true, trim: false }),
  )
  let columns: string[] | undefined
  const rows: CsvRow[] = []
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!columns) {
        columns = record.map((name) => name.trim())
        continue
      }
      if (rows.length === maxRows) {
        source.destroy()
        throw new TooManyRows()
      }
      const cells: Record<string, string> = {}
      columns.forEach((name, i) => {
        if (name) cells[name] = record[i] ?? ''
      })
      rows.push({ row: rows.length + 2, cells })
    }
  } catch (err) {
    if (err instanceof DomainError) throw err
    // csv-parse says where the file is broken (an unclosed quote); never what it holds.
    const line = (err as { lines?: number }).lines
    throw new Invalid(`The file is not valid CSV${line ? ` (near line ${line})` : ''}.`, 'body')
  }
  if (!columns) throw new Invalid('The CSV file is empty: it needs a header row.', 'body')
  return { columns, rows }
}
