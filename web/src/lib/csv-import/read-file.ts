/**
 * A CSV file read in the browser, before anything is sent: its column names and data rows, with
 * each row's number in the file, so an import can name rows as the person's spreadsheet does.
 */
import { parse } from 'csv-parse/browser/esm/sync'

export interface FileTable {
  columns: string[]
  rows: string[][]
  /** The file row of `rows[0]` (2 after one header row; 3 after SurveyMonkey's two). */
  firstRow: number
  /** True when the file had SurveyMonkey's second header row, now folded into the names. */
  twoHeaderRows: boolean
}

/**
 * SurveyMonkey's "All responses" export has two header rows: question texts (a question that
 * spans columns names only its first), then a sub-header (`Response`, `Open-Ended Response`, an
 * option's label). Such a file is read as one header: the question, plus the sub-header where it
 * says which part.
 */
const plainSubHeaders = new Set(['', 'response', 'open-ended response'])

function looksLikeSecondHeader(first: string[], second: string[] | undefined): boolean {
  if (!second) return false
  const said = second.map((cell) => cell.trim().toLowerCase())
  return (
    first.some((cell) => cell.trim() === 'Respondent ID') &&
    said.some((cell) => cell === 'response' || cell === 'open-ended response')
  )
}

/**
 * The file's header and rows. Names are trimmed; an empty or repeated name gets its column number,
 * so every column can be told apart and mapped.
 *
 * @example
 * readCsvText('date,stars\n2026-03-14,5\n') // { columns: ['date', 'stars'], rows: [['2026-03-14', '5']], firstRow: 2, … }
 */
export function readCsvText(text: string): FileTable {
  const records = parse(text, {
    bom: true,
    relaxColumnCount: true,
    skipEmptyLines: true,
  }) as string[][]
  const [first = [], second] = records
  const twoHeaderRows = looksLikeSecondHeader(first, second)
  let names = first.map((name) => name.trim())
  if (twoHeaderRows && second) {
    let question = ''
    names = names.map((name, i) => {
      if (name) question = name
      const part = (second[i] ?? '').trim()
      return plainSubHeaders.has(part.toLowerCase()) ? question : `${question} — ${part}`
    })
  }
  const seen = new Set<string>()
  const columns = names.map((name, i) => {
    let unique = name || `Column ${i + 1}`
    if (seen.has(unique)) unique = `${unique} (column ${i + 1})`
    seen.add(unique)
    return unique
  })
  return {
    columns,
    rows: records.slice(twoHeaderRows ? 2 : 1),
    firstRow: twoHeaderRows ? 3 : 2,
    twoHeaderRows,
  }
}
