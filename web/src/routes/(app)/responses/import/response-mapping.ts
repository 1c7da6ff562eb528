/**
 * How a past-results file's columns become what `POST /api/responses/import` reads: a question's id,
 * or one of the recognised fields. The page sends the file with those names as its header, so a
 * long SurveyMonkey question text never travels in the address.
 */
import type { SurveyVersion } from '$lib/api-surveys'
import { isoDateCell, type DateOrder } from '$lib/csv-import/dates'

export const responseFields = ['date', 'location', 'provider', 'language', 'external_id'] as const

export const fieldLabels: Record<(typeof responseFields)[number], string> = {
  date: 'Date answered',
  location: 'Location (name or id)',
  provider: 'Provider (name or id)',
  language: 'Language (en or es)',
  external_id: 'Response id in the other tool',
}

type Question = SurveyVersion['definition']['questions'][number]

const promptOf = (question: Question) =>
  question.prompt.en ?? Object.values(question.prompt)[0] ?? question.id

/** The choices of a column's select: ignore, the fields, then each question of the survey. */
export function columnChoices(questions: readonly Question[]) {
  return [
    { value: 'ignore', label: 'Ignore this column' },
    // A question whose id is a field's name is read as the question (so does the API).
    ...responseFields
      .filter((field) => !questions.some((question) => question.id === field))
      .map((field) => ({ value: field, label: fieldLabels[field] })),
    ...questions.map((question) => ({
      value: question.id,
      label: `Question: ${promptOf(question).slice(0, 60)}`,
    })),
  ]
}

const dateNames = ['date', 'timestamp', 'end date', 'submitted', 'completed', 'submitted at']
const idNames = ['external_id', 'respondent id', 'response id', 'id']

/** What a column probably is: a question by id or prompt, a field by a usual name, else ignore. */
export function guessTarget(column: string, questions: readonly Question[]): string {
  const name = column.trim().toLowerCase()
  const byId = questions.find((question) => question.id === column.trim())
  if (byId) return byId.id
  if ((responseFields as readonly string[]).includes(name)) return name
  if (dateNames.includes(name)) return 'date'
  if (idNames.includes(name)) return 'external_id'
  if (['clinic', 'office', 'site'].includes(name)) return 'location'
  if (['doctor', 'clinician'].includes(name)) return 'provider'
  const byPrompt = questions.find((question) =>
    Object.values(question.prompt).some((prompt) => prompt?.trim().toLowerCase() === name),
  )
  return byPrompt?.id ?? 'ignore'
}

/** The header and rows as sent: the mapped columns under their targets, dates in ISO form. */
export function responseRows(
  targets: readonly string[],
  rows: readonly string[][],
  dateOrder: DateOrder,
): { columns: string[]; rows: string[][] } {
  const kept = targets.flatMap((target, index) => (target === 'ignore' ? [] : [{ target, index }]))
  return {
    columns: kept.map(({ target }) => target),
    rows: rows.map((cells) =>
      kept.map(({ target, index }) => {
        const cell = cells[index] ?? ''
        return target === 'date' ? isoDateCell(cell, dateOrder) : cell
      }),
    ),
  }
}
