/**
 * The review template's columns (the contract of `POST /api/reviews/import`), how a file's own
 * column names are guessed onto them, and the rows as they will be sent.
 */
import { isoDateCell, type DateOrder } from '$lib/csv-import/dates'

export const reviewFields = [
  'source',
  'date',
  'stars',
  'text',
  'author',
  'url',
  'reply',
  'reply_date',
  'location',
  'external_id',
] as const
export type ReviewField = (typeof reviewFields)[number]

export const fieldLabels: Record<ReviewField, string> = {
  source: 'Site (source)',
  date: 'Date of the review',
  stars: 'Stars (1-5)',
  text: 'Review text',
  author: 'Author’s display name',
  url: 'Link to the review',
  reply: 'Your reply',
  reply_date: 'Date of the reply',
  location: 'Location (name or id)',
  external_id: 'The site’s review id',
}

const synonyms: Record<string, ReviewField> = {
  site: 'source',
  created_at: 'date',
  created: 'date',
  'review date': 'date',
  rating: 'stars',
  score: 'stars',
  review: 'text',
  comment: 'text',
  comments: 'text',
  author_display: 'author',
  name: 'author',
  reviewer: 'author',
  link: 'url',
  reply_text: 'reply',
  response: 'reply',
  reply_at: 'reply_date',
  review_id: 'external_id',
  id: 'external_id',
  clinic: 'location',
  office: 'location',
}

/** The template field a column of the file probably is, or 'ignore'. */
export function guessField(column: string): ReviewField | 'ignore' {
  const name = column.trim().toLowerCase()
  if ((reviewFields as readonly string[]).includes(name)) return name as ReviewField
  return synonyms[name] ?? 'ignore'
}

/** Sites without an export or API, offered when the file has no site column. */
export const copySites = [
  { value: 'healthgrades', label: 'Healthgrades' },
  { value: 'vitals', label: 'Vitals' },
  { value: 'zocdoc', label: 'Zocdoc' },
  { value: 'google', label: 'Google' },
  { value: 'yelp', label: 'Yelp' },
  { value: 'facebook', label: 'Facebook' },
  { value: 'other', label: 'Another site' },
]

/**
 * The columns sent and each row's cells under them: the mapped columns in template order, the
 * site filled in when the file has none, dates rewritten to ISO.
 */
export function reviewRows(
  targets: readonly string[],
  rows: readonly string[][],
  { site, dateOrder }: { site: string; dateOrder: DateOrder },
): { columns: ReviewField[]; rows: string[][] } {
  const from = new Map<ReviewField, number>()
  targets.forEach((target, index) => {
    if (target !== 'ignore' && !from.has(target as ReviewField))
      from.set(target as ReviewField, index)
  })
  const columns = reviewFields.filter((field) => from.has(field) || (field === 'source' && site))
  return {
    columns,
    rows: rows.map((cells) =>
      columns.map((field) => {
        const index = from.get(field)
        const cell = index === undefined ? (field === 'source' ? site : '') : (cells[index] ?? '')
        return field === 'date' || field === 'reply_date' ? isoDateCell(cell, dateOrder) : cell
      }),
    ),
  }
}

/** The downloadable template: the header and two example rows. */
export const templateRows = [
  [...reviewFields],
  [
    'healthgrades',
    '2026-03-14',
    '5',
    'Dr. Lee listened and explained everything.',
    'J. D.',
    'https://www.healthgrades.com/…',
    'Thank you for your kind words!',
    '2026-03-16',
    'North Clinic',
    '',
  ],
  ['zocdoc', '2026-02-02', '3', 'Long wait at check-in.', '', '', '', '', '', ''],
]
