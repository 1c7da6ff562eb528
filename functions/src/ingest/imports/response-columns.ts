import { z } from 'zod'
import { Invalid } from '../../domain/errors'
import type { SurveyDefinition } from '../../domain/surveys'

/** Columns a response file may have besides one per question. */
export const responseFields = ['date', 'location', 'provider', 'language', 'external_id'] as const
export type ResponseField = (typeof responseFields)[number]

/** What a column is read as: a question (by id), one of the fields, or nothing. */
export type ColumnTarget = { question: string } | { field: ResponseField } | { ignore: true }

/** The `mapping` query parameter: `{"column as written": "questionId" | "date" | … | "ignore"}`. */
export const ColumnMapping = z.record(z.string().max(500), z.string().max(100))

/**
 * What each column of a response file answers. A column named after a question's id answers it,
 * one named `date`, `location`, `provider`, `language` or `external_id` is that field; `mapping`
 * names the rest (or says `ignore`). Anything else refuses the whole file with 400 naming every
 * such column, as does a file without a date column or two columns read as one thing: every row
 * would be misread otherwise.
 *
 * @example
 * columnTargets(['When', 'recommend'], definition, { When: 'date' })
 * // Map { 'When' => { field: 'date' }, 'recommend' => { question: 'recommend' } }
 */
export function columnTargets(
  columns: readonly string[],
  definition: Pick<SurveyDefinition, 'questions'>,
  mapping: Record<string, string> = {},
): Map<string, ColumnTarget> {
  const questionIds = new Set(definition.questions.map((question) => question.id))
  const targetOf = (name: string): ColumnTarget | undefined => {
    if (name === 'ignore') return { ignore: true }
    if (questionIds.has(name)) return { question: name }
    if ((responseFields as readonly string[]).includes(name))
      return { field: name as ResponseField }
    return undefined
  }
  const errors: { field: string; message: string }[] = []
  const targets = new Map<string, ColumnTarget>()
  const claimed = new Map<string, string>()
  for (const name of Object.keys(mapping)) {
    if (!columns.includes(name))
      errors.push({ field: `mapping.${name.slice(0, 60)}`, message: 'The file has no such column' })
  }
  for (const column of columns) {
    if (!column) continue
    const wanted = mapping[column] ?? column
    const target = targetOf(wanted)
    if (!target) {
      errors.push(
        column in mapping
          ? {
              field: `mapping.${column.slice(0, 60)}`,
              message: 'Not a question of this survey, a recognised column or "ignore"',
            }
          : {
              field: `columns.${column.slice(0, 60)}`,
              message:
                'Neither a question id of this survey nor a recognised column: map it or ignore it',
            },
      )
      continue
    }
    if (!('ignore' in target)) {
      const key = 'question' in target ? target.question : target.field
      const other = claimed.get(key)
      if (other !== undefined) {
        errors.push({
          field: `columns.${column.slice(0, 60)}`,
          message: `Read as ${key}, like the column ${other.slice(0, 60)}`,
        })
        continue
      }
      claimed.set(key, column)
    }
    targets.set(column, target)
  }
  if (!claimed.has('date'))
    errors.push({ field: 'columns.date', message: 'A date column is required (map one to date)' })
  if (errors.length > 0) {
    throw new Invalid(`${errors[0]!.field}: ${errors[0]!.message}`, errors[0]!.field, errors)
  }
  return targets
}
