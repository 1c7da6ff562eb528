/**
 * Files made in the browser from what the page already shows: a table as CSV, a chart as PNG.
 * Nothing is sent anywhere; the browser saves the file.
 */
import { neutraliseCell, startsFormula } from '$domain/spreadsheet-cell'

type Cell = string | number | null | undefined

/**
 * RFC 4180 quoting (a field with a comma, quote or line break is quoted, quotes doubled), with
 * text a spreadsheet would run as a formula neutralised and quoted, as the server's export does.
 * Numbers are written as numbers.
 */
function csvField(value: Cell): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const risky = startsFormula(value)
  const text = neutraliseCell(value)
  return risky || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * Rows as CSV text, with a byte-order mark so spreadsheet programs read UTF-8 (Spanish accents).
 *
 * @example
 * toCsv([['Week', 'NPS'], ['2026-11-16', 41.2]]) // '\uFEFFWeek,NPS\r\n2026-11-16,41.2\r\n'
 * toCsv([['Quote'], ['=1+1']]) // `\uFEFFQuote\r\n"'=1+1"\r\n`
 */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`
}

function save(href: string, fileName: string) {
  const link = document.createElement('a')
  link.href = href
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
}

export function downloadCsv(fileName: string, rows: readonly (readonly Cell[])[]) {
  const url = URL.createObjectURL(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }))
  save(url, fileName)
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export function downloadDataUrl(fileName: string, dataUrl: string) {
  save(dataUrl, fileName)
}
