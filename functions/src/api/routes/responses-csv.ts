import { TZDate } from '@date-fns/tz'
import { stringify, type Options } from 'csv-stringify/sync'
import { format } from 'date-fns'
import { themes } from '../../../../workshops'
import { neutraliseCell, startsFormula } from '../../domain/spreadsheet-cell'
import type { Language } from '../../domain/practice'
import type { SurveyVersion } from '../../domain/survey-records'
import { localize } from '../../domain/surveys'
import * as responses from '../../store/responses'
import type { Db } from '../../store/db'
import type { ResponseReader } from './responses-reader'

/** Rows read from the table per page; one page of rows is the most the export holds at once. */
const pageSize = 500

/**
 * Text a spreadsheet would run as a formula is neutralised and quoted (OWASP); numbers go through
 * csv-stringify's number cast untouched, so they stay numbers.
 */
const csvOptions: Options = {
  cast: {
    string: (value) =>
      startsFormula(value) ? { value: neutraliseCell(value), quoted: true } : value,
  },
}

type Cell = string | number

export interface CsvSource {
  db: Db
  practiceId: string
  timeZone: string
  language: Language
  reader: ResponseReader
  /** Every version of the surveys in scope: their questions are the columns, known up front. */
  versions: SurveyVersion[]
  places: { id: string; name: string }[]
  clinicians: { id: string; name: string }[]
}

/**
 * The export as CSV text in pieces: the header, then one piece per page of responses read. Nothing
 * but the current page is held, so 100,000 responses take the memory of 500.
 */
export async function* responseCsv(source: CsvSource): AsyncGenerator<string> {
  const { language, timeZone, reader } = source
  // One column per question id, headed by its prompt in the practice's first language, in the
  // order the versions ask them.
  const columns = new Map<string, string>()
  for (const version of source.versions) {
    for (const q of version.definition.questions) {
      if (!columns.has(q.id)) columns.set(q.id, localize(q.prompt, language))
    }
  }
  const nameOf = (list: { id: string; name: string }[], id?: string) =>
    list.find((x) => x.id === id)?.name ?? ''
  const themeName = (id: string) =>
    localize(themes.find((theme) => theme.id === id)?.label, language) || id
  // The comment's reading goes last, so the question columns keep the places they always had.
  yield `\uFEFF${stringify(
    [
      [
        `Submitted (${timeZone})`,
        'Survey',
        'Version',
        'Language',
        'Location',
        'Provider',
        ...columns.values(),
        'Sentiment',
        'Themes',
      ],
    ],
    csvOptions,
  )}`

  let next: responses.Cursor | undefined
  do {
    const batch = await responses.list(source.db, source.practiceId, reader.storeFilter, {
      limit: pageSize,
      cursor: next,
    })
    const rows: Cell[][] = []
    for (const response of batch.items) {
      const row = await reader.withScore(response)
      if (reader.needsQuestions && !(await reader.matches(row))) continue
      rows.push([
        localTime(row.submittedAt, timeZone),
        localize(row.definition?.title, language),
        row.version,
        row.language,
        nameOf(source.places, row.location),
        nameOf(source.clinicians, row.provider),
        ...[...columns.keys()].map((id) => answerCell(row.answers[id])),
        row.sentiment?.label ?? '',
        (row.themes ?? []).map(themeName).join('; '),
      ])
    }
    if (rows.length > 0) yield stringify(rows, csvOptions)
    next = batch.next
  } while (next)
}

/** `2026-11-03T08:05:00-06:00`: the practice's wall-clock time, with its offset from UTC. */
export function localTime(iso: string, timeZone: string): string {
  return format(new TZDate(iso, timeZone), "yyyy-MM-dd'T'HH:mm:ssXXX")
}

/** Numbers stay numbers (a score of 9 is the number 9); everything else is text. */
function answerCell(answer: unknown): Cell {
  if (answer === undefined) return ''
  if (typeof answer === 'number') return answer
  if (typeof answer === 'boolean') return answer ? 'yes' : 'no'
  if (Array.isArray(answer)) return answer.join('; ')
  return String(answer)
}
