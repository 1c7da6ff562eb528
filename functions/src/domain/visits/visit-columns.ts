import { z } from 'zod'
import { Invalid } from '../errors'

/** The columns a visits file is read by, named as the public contract names them. */
export const visitFields = [
  'date',
  'time',
  'provider',
  'location',
  'first_name',
  'email',
  'mobile',
  'language',
  'email_consent',
  'sms_consent',
] as const
export type VisitField = (typeof visitFields)[number]

/** What a `mapping` may map a column to: one of the fields, or `ignore`. */
export const VisitColumnTarget = z.enum([...visitFields, 'ignore'])

/** The `mapping` parameter: `{"Patient Email": "email", "MRN": "ignore"}`. */
export const VisitColumnMapping = z.record(z.string().max(500), z.string().max(100))
export type VisitColumnMapping = z.infer<typeof VisitColumnMapping>

export interface VisitColumns {
  /** Which field each read column holds, by its position in the header row. */
  fieldAt: Map<number, VisitField>
  /** The header as written, for naming a column in a reason. */
  header: string[]
  /** Columns neither recognised nor mapped: never read (they may hold what we must not keep). */
  ignored: string[]
}

/**
 * A header cell as it is matched: trimmed (which drops a byte-order mark too: `trim` counts U+FEFF
 * as white space), lower-cased, spaces and hyphens as underscores (`First Name` → `first_name`,
 * `SMS-Consent` → `sms_consent`).
 */
const headerKey = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')

const shown = (name: string) => name.trim().slice(0, 60)

/**
 * The `mapping` query parameter read from its JSON text, or a 400 naming what is wrong.
 *
 * @example
 * parseVisitMapping('{"Patient Email":"email"}') // { 'Patient Email': 'email' }
 * parseVisitMapping('[1]') // throws Invalid (field 'mapping')
 */
export function parseVisitMapping(text: string): VisitColumnMapping {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  const parsed = VisitColumnMapping.safeParse(json)
  if (!parsed.success)
    throw new Invalid('mapping: expected JSON such as {"Patient Email": "email"}', 'mapping')
  return parsed.data
}

/**
 * What each column of a visits file holds. A column named after a field (`date`, `email`,
 * `sms_consent`…, matched ignoring case, spaces and a byte-order mark) is that field; `mapping`
 * names the others (its keys matched the same way) or says `ignore`. Other columns are ignored and
 * listed, since practice-management exports carry many (record numbers, dates of birth) that we
 * neither need nor want. The whole file is refused with 400 naming every problem when a mapping
 * names a column the file lacks or a target that is not a field, two columns would be read as one
 * field, or the file has no date column, or neither an e-mail nor a mobile column.
 *
 * @example
 * visitColumns(['Visit Date', 'Time', 'Patient Email'], { 'Visit Date': 'date', 'Patient Email': 'email' })
 * // { fieldAt: Map { 0 => 'date', 1 => 'time', 2 => 'email' }, ignored: [], header: […] }
 */
export function visitColumns(
  header: readonly string[],
  mapping: VisitColumnMapping = {},
): VisitColumns {
  const errors: { field: string; message: string }[] = []
  const mapped = new Map<string, string>()
  const keys = header.map(headerKey)
  for (const [column, target] of Object.entries(mapping)) {
    const key = headerKey(column)
    if (!keys.includes(key))
      errors.push({ field: `mapping.${shown(column)}`, message: 'The file has no such column' })
    if (!VisitColumnTarget.safeParse(target).success)
      errors.push({
        field: `mapping.${shown(column)}`,
        message: `Unknown target ${JSON.stringify(target.slice(0, 40))}: expected one of ${visitFields.join(', ')} or ignore`,
      })
    else mapped.set(key, target)
  }
  const fieldAt = new Map<number, VisitField>()
  const claimedBy = new Map<VisitField, string>()
  const ignored: string[] = []
  header.forEach((name, at) => {
    const key = keys[at]!
    if (key === '') return
    const target = mapped.get(key) ?? key
    if (target === 'ignore') return
    if (!(visitFields as readonly string[]).includes(target)) {
      ignored.push(shown(name))
      return
    }
    const field = target as VisitField
    const other = claimedBy.get(field)
    if (other !== undefined) {
      errors.push({
        field: `columns.${shown(name)}`,
        message: `Read as ${field}, like the column ${other}: map one of them to ignore`,
      })
      return
    }
    claimedBy.set(field, shown(name))
    fieldAt.set(at, field)
  })
  if (!claimedBy.has('date'))
    errors.push({ field: 'columns.date', message: 'A date column is required (map one to date)' })
  if (!claimedBy.has('email') && !claimedBy.has('mobile'))
    errors.push({
      field: 'columns.email',
      message:
        'An email or a mobile column is required: invitations need one (map one to email or mobile)',
    })
  if (errors.length > 0)
    throw new Invalid(`${errors[0]!.field}: ${errors[0]!.message}`, errors[0]!.field, errors)
  return { fieldAt, header: [...header], ignored }
}
