/**
 * Files made in the browser from what the page already shows: a table as CSV, a chart as PNG.
 * Nothing is sent anywhere; the browser saves the file.
 */

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * Rows as CSV text, with a byte-order mark so spreadsheet programs read UTF-8 (Spanish accents).
 *
 * @example
 * toCsv([['Week', 'NPS'], ['2026-11-16', 41.2]]) // '\uFEFFWeek,NPS\r\n2026-11-16,41.2\r\n'
 */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
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

export function downloadCsv(
  fileName: string,
  rows: readonly (readonly (string | number | null | undefined)[])[],
) {
  const url = URL.createObjectURL(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }))
  save(url, fileName)
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export function downloadDataUrl(fileName: string, dataUrl: string) {
  save(dataUrl, fileName)
}
