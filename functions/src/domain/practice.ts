import { z } from 'zod'
import { plainString } from './plain-text'

/** Ids are ULIDs: sortable by creation time, unguessable enough for URLs, never reused. */
export const Id = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Expected an id (26 characters, ULID)')
  .meta({ example: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B' })
export type Id = z.infer<typeof Id>

export const Role = z.enum(['owner', 'manager', 'staff', 'committee'])
export type Role = z.infer<typeof Role>

/** Roles an owner can give to someone they invite (there is one owner, who created the practice). */
export const InvitableRole = z.enum(['manager', 'staff', 'committee'])
export type InvitableRole = z.infer<typeof InvitableRole>

export const specialties = [
  'primary-care',
  'pediatrics',
  'dermatology',
  'dental',
  'obstetrics-gynecology',
  'orthopedics',
  'cardiology',
  'ophthalmology',
  'mental-health',
  'physical-therapy',
  'urgent-care',
  'other',
] as const
export const Specialty = z.enum(specialties)
export type Specialty = z.infer<typeof Specialty>

/** Languages a practice's surveys can be offered in (every template ships each of them). */
export const languages = ['en', 'es'] as const
export const Language = z.enum(languages)
export type Language = z.infer<typeof Language>

const knownTimeZones = new Set(Intl.supportedValuesOf('timeZone'))
// Intl lists canonical zones only; UTC is valid everywhere and worth accepting by name.
knownTimeZones.add('UTC')
export const TimeZone = z
  .string()
  .refine((zone) => knownTimeZones.has(zone), 'Expected an IANA time zone such as America/Chicago')
export type TimeZone = z.infer<typeof TimeZone>

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email('Expected an e-mail address'))
export type Email = z.infer<typeof Email>

export const minPasswordLength = 12
export const Password = z
  .string()
  .min(minPasswordLength, `Use at least ${minPasswordLength} characters`)
  .max(200, 'Use at most 200 characters')

export const PersonName = plainString().trim().min(1, 'Required').max(100)
export const PracticeName = plainString().trim().min(1, 'Required').max(120)

export const reviewSites = [
  'google',
  'yelp',
  'facebook',
  'healthgrades',
  'zocdoc',
  'vitals',
  'other',
] as const
/** Where the thank-you page invites every respondent (whatever they answered) to leave a review. */
export const ReviewLink = z.object({
  site: z.enum(reviewSites),
  url: z.url({ protocol: /^https$/, error: 'Expected an https:// address' }).max(500),
})
export type ReviewLink = z.infer<typeof ReviewLink>

export const MinimumResponses = z
  .number()
  .int('Expected a whole number')
  .min(5, 'At least 5')
  .max(400, 'At most 400')

export const Practice = z.object({
  id: Id,
  name: PracticeName,
  specialty: Specialty,
  timeZone: TimeZone,
  languages: z.array(Language).min(1),
  // Added after the first release: items written before it read as "none yet".
  reviewLinks: z.array(ReviewLink).max(7).default([]),
  /**
   * Below this many answers a figure is shown as "not enough responses yet" rather than as a
   * number that looks certain. Added with analytics: older practices read the default.
   */
  minimumResponses: MinimumResponses.default(30),
  createdAt: z.iso.datetime(),
})
export type Practice = z.infer<typeof Practice>

/** A name patients use for a staffer or provider: "Dr. K", "Luisito", "Maria at the front desk". */
export const Alias = plainString()
  .trim()
  .min(1, 'Required')
  .max(60, 'Use at most 60 characters')
  .refine((alias) => /\p{L}/u.test(alias), 'An alias needs a letter')

/** Items written before the customer-experience moment read as "no aliases". */
export const Aliases = z
  .array(Alias)
  .max(10, 'At most 10 aliases')
  .refine(
    (aliases) => new Set(aliases.map((a) => a.toLocaleLowerCase())).size === aliases.length,
    'Each alias once',
  )
  .default([])

/** "Don't feature me": never a candidate, on a moment, a recognition wall or the team view. */
export const FeatureOptOut = z.boolean().default(false)

export const User = z.object({
  id: Id,
  practiceId: Id,
  name: PersonName,
  email: Email,
  role: Role,
  createdAt: z.iso.datetime(),
  aliases: Aliases,
  featureOptOut: FeatureOptOut,
})
export type User = z.infer<typeof User>

export const Location = z.object({
  id: Id,
  name: plainString().trim().min(1, 'Required').max(120),
  address: plainString().trim().max(300),
})
export type Location = z.infer<typeof Location>
/** What adding a location takes; fields left out get their defaults. */
export const NewLocation = Location.omit({ id: true }).extend({
  address: Location.shape.address.default(''),
})

export const Provider = z.object({
  id: Id,
  name: plainString().trim().min(1, 'Required').max(120),
  /** Credentials or role as patients know it: "MD", "Nurse practitioner". */
  title: plainString().trim().max(60),
  locationIds: z
    .array(Id)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'Each location once'),
  aliases: Aliases,
  featureOptOut: FeatureOptOut,
})
export type Provider = z.infer<typeof Provider>
export const NewProvider = Provider.omit({ id: true }).extend({
  title: Provider.shape.title.default(''),
  locationIds: Provider.shape.locationIds.default([]),
})

/** `expired` is never stored: a pending invitation past its time is reported so. */
export const InvitationStatus = z.enum(['pending', 'accepted', 'revoked', 'expired'])
export const Invitation = z.object({
  id: Id,
  email: Email,
  role: InvitableRole,
  status: InvitationStatus,
  invitedBy: Id,
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
})
export type Invitation = z.infer<typeof Invitation>

/**
 * The form of a place or person name used to tell two apart: "North  Clinic" and "north clinic"
 * are one location to the people choosing from a list, so the practice may not have both.
 *
 * @example
 * sameNameKey('  North   Clinic ') === sameNameKey('north clinic') // true
 */
export function sameNameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase()
}

/** The first item other than `exceptId` whose name reads the same as `name`, if any. */
export function namedAlike<T extends { id: string; name: string }>(
  items: readonly T[],
  name: string,
  exceptId?: string,
): T | undefined {
  const key = sameNameKey(name)
  return items.find((item) => item.id !== exceptId && sameNameKey(item.name) === key)
}
