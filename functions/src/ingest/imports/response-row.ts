import { createHash } from 'node:crypto'
import type { Answer } from '../../domain/answers'
import { languages, type Language } from '../../domain/practice'
import { plainText } from '../../domain/plain-text'
import type { Submission } from '../../domain/submission'
import type { Question, SurveyDefinition } from '../../domain/surveys'
import { canonicalJson as canonical } from '../survey-submission'
import type { CsvRow } from './csv-rows'
import { dateReason, importInstant } from './import-date'
import type { ColumnTarget, ResponseField } from './response-columns'
import type { NamedPlace, ReadRow } from './review-row'

export interface ImportedRow {
  submission: Submission
  submittedAt: string
  requestHash: string
  /** Whether the key comes from the row's external_id (else from a hash of what it says). */
  keyedByExternalId: boolean
}

export interface RowContext {
  definition: SurveyDefinition
  targets: Map<string, ColumnTarget>
  timeZone: string
  locationOf: (cell: string) => NamedPlace | undefined
  providerOf: (cell: string) => NamedPlace | undefined
}

/**
 * A row of a past-results file as the submission it stands for: each question's cell read as its
 * type expects (numbers, yes/no in English or Spanish, an option by its value or label, several
 * options split on `;` or `,`, a provider by name or id), the date as an instant, and an
 * idempotency key from `external_id` or else from a hash of what the row says, so the same row
 * imported again is the same response. The answers themselves are checked afterwards, by the
 * submission path (`acceptAnswers`), exactly as a patient's would be.
 *
 * @example
 * responseOfRow({ row: 2, cells: { date: '2025-03-14', recommend: '9' } }, context)
 * // { ok: true, value: { submission: { answers: { recommend: 9 }, … }, submittedAt: '2025-03-14T17:00:00.000Z', … } }
 */
export function responseOfRow(row: CsvRow, context: RowContext): ReadRow<ImportedRow> {
  const fields: Partial<Record<ResponseField, string>> = {}
  const answers: Record<string, Answer> = {}
  const questions = new Map(context.definition.questions.map((q) => [q.id, q]))
  const reasons: string[] = []
  for (const [column, target] of context.targets) {
    const cell = plainText(row.cells[column] ?? '').trim()
    if ('ignore' in target || cell === '') continue
    if ('field' in target) fields[target.field] = cell
    else {
      const question = questions.get(target.question)!
      if (question.type === 'provider') {
        const provider = context.providerOf(cell)
        if (provider) answers[question.id] = provider.id
        else reasons.push(`${question.id}: no provider of the practice has that name or id`)
      } else answers[question.id] = answerOf(question, cell)
    }
  }

  const submittedAt = fields.date ? importInstant(fields.date, context.timeZone) : undefined
  if (!fields.date) reasons.push('date: required')
  else if (!submittedAt) reasons.push(dateReason)
  const location = fields.location ? context.locationOf(fields.location) : undefined
  if (fields.location && !location)
    reasons.push('location: no location of the practice has that name or id')
  const provider = fields.provider ? context.providerOf(fields.provider) : undefined
  if (fields.provider && !provider)
    reasons.push('provider: no provider of the practice has that name or id')
  const language = fields.language ? languageOf(fields.language) : context.definition.languages[0]
  if (!language) reasons.push(`language: expected one of ${languages.join(', ')}`)
  if (fields.external_id && fields.external_id.length > 500)
    reasons.push('external_id: keep it under 500 characters')
  if (reasons.length > 0 || !submittedAt || !language)
    return { ok: false, reason: reasons.join('; ') }

  const said = canonical({
    submittedAt,
    answers,
    location: location?.id,
    provider: provider?.id,
    language,
  })
  const idempotencyKey = fields.external_id
    ? `import-x-${sha256(fields.external_id)}`
    : `import-${sha256(said)}`
  return {
    ok: true,
    value: {
      submission: {
        idempotencyKey,
        language,
        answers,
        ...(location && { location: location.id }),
        ...(provider && { provider: provider.id }),
      },
      submittedAt,
      requestHash: sha256(said),
      keyedByExternalId: fields.external_id !== undefined,
    },
  }
}

const yes = new Set(['yes', 'y', 'true', '1', 'sí', 'si', 'x'])
const no = new Set(['no', 'n', 'false', '0'])

/**
 * The cell as the question's type expects it; a cell that does not fit is passed on as text, so
 * the submission check names the problem in the words a patient's wrong answer would get.
 */
function answerOf(question: Question, cell: string): Answer {
  switch (question.type) {
    case 'nps':
    case 'rating':
      return /^-?\d+(?:\.0+)?$/.test(cell) ? Number(cell) : cell
    case 'yesno': {
      const word = cell.toLocaleLowerCase('es')
      return yes.has(word) ? true : no.has(word) ? false : cell
    }
    case 'single':
      return optionOf(question.options, cell) ?? cell
    case 'multi': {
      const parts = (cell.includes(';') ? cell.split(';') : cell.split(','))
        .map((part) => part.trim())
        .filter(Boolean)
      return parts.map((part) => optionOf(question.options, part) ?? part)
    }
    default:
      return cell
  }
}

function optionOf(
  options: readonly { value: string; label: Partial<Record<Language, string>> }[],
  cell: string,
): string | undefined {
  const wanted = cell.toLocaleLowerCase('en-US')
  return options.find(
    (option) =>
      option.value === cell ||
      Object.values(option.label).some((label) => label?.toLocaleLowerCase('en-US') === wanted),
  )?.value
}

const languageNames: Record<string, Language> = {
  en: 'en',
  english: 'en',
  inglés: 'en',
  es: 'es',
  spanish: 'es',
  español: 'es',
  espanol: 'es',
}
const languageOf = (cell: string): Language | undefined =>
  languageNames[cell.toLocaleLowerCase('es').split(/[-_]/)[0]!] ??
  languageNames[cell.toLocaleLowerCase('es')]

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url')
