/**
 * Spreadsheet formula injection (CSV injection): a cell whose text starts with `=`, `+`, `-`, `@`,
 * a tab or a carriage return is run as a formula by Excel, LibreOffice and Google Sheets, so a
 * patient's comment "=HYPERLINK(…)" in an export would run on a manager's computer. OWASP's
 * remedy: prefix such a cell with a single quote (the spreadsheet then shows it as text) and quote
 * the cell. The full-width forms of those signs are included: some spreadsheets read them too.
 * Real numbers are never text here, so a score of -3 stays a number; the text "-3" typed by a
 * patient is neutralised.
 */
const formulaStart = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/

/**
 * Whether a spreadsheet would read this text as the start of a formula.
 *
 * @example
 * startsFormula('=1+1') // true
 * startsFormula('Great visit') // false
 */
export function startsFormula(text: string): boolean {
  return formulaStart.test(text)
}

/**
 * A text cell made safe to open in a spreadsheet, still readable: risky text gets a leading `'`.
 * Numbers are left to the caller (they are written as numbers, never through here).
 *
 * @example
 * neutraliseCell('=HYPERLINK("http://x")') // `'=HYPERLINK("http://x")`
 * neutraliseCell('-3') // "'-3"
 * neutraliseCell('Kind nurse') // 'Kind nurse'
 */
export function neutraliseCell(text: string): string {
  return startsFormula(text) ? `'${text}` : text
}
