import type { InvitableRole, Language, Role } from './api'

const specialtyLabels: Record<string, string> = {
  'primary-care': 'Primary care',
  pediatrics: 'Pediatrics',
  dermatology: 'Dermatology',
  dental: 'Dental',
  'obstetrics-gynecology': 'Obstetrics and gynecology',
  orthopedics: 'Orthopedics',
  cardiology: 'Cardiology',
  ophthalmology: 'Ophthalmology',
  'mental-health': 'Mental health',
  'physical-therapy': 'Physical therapy',
  'urgent-care': 'Urgent care',
  other: 'Other',
}

/** A human label for a specialty value; unknown ones (added on the server later) read sensibly. */
export function specialtyLabel(value: string): string {
  const known = specialtyLabels[value]
  if (known) return known
  const words = value.replaceAll('-', ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export const roleLabels: Record<Role, string> = {
  owner: 'Owner',
  manager: 'Manager',
  staff: 'Staff',
  committee: 'Committee',
}

export const invitableRoles: readonly InvitableRole[] = ['manager', 'staff', 'committee']

export const roleDescriptions: Record<Role, string> = {
  owner: 'Created the practice; manages settings and the team.',
  manager: 'Changes practice settings, locations and providers.',
  staff: 'Works with surveys and responses; sees settings read-only.',
  committee: 'Joins governance and workshops; sees settings read-only.',
}

/** Each language named in itself, as people look for their own language. */
export const languageLabels: Record<Language, string> = {
  en: 'English',
  es: 'Español',
}

/** Dates are written by `$lib/dates` (one locale, zone and clock); re-exported for old imports. */
export { formatDate, formatDateTime } from './dates'

const englishPlurals = new Intl.PluralRules('en')

/**
 * A count with its noun in the right number, "1 week" and "13 weeks", with the number written as
 * people read it ("1,204 responses"). Give `many` for nouns that do not just add an s.
 *
 * @example
 * plural(1, 'week') // '1 week'
 * plural(2, 'reply', 'replies') // '2 replies'
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  const noun = englishPlurals.select(n) === 'one' ? one : many
  return `${new Intl.NumberFormat('en').format(n)} ${noun}`
}
