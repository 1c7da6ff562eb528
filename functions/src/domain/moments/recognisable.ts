import { z } from 'zod'
import { plainString } from '../plain-text'
import { Id } from '../practice'

/**
 * Who a patient's story can recognise: a staff account or a provider (clinician). Both carry the
 * names patients actually use ("Dr. K", "Luisito", "Maria at the front desk") and their own
 * choice not to be featured, which every part of the customer-experience moment respects.
 */
export const recognisableKinds = ['user', 'provider'] as const
export const RecognisableKind = z.enum(recognisableKinds)
export type RecognisableKind = z.infer<typeof RecognisableKind>

export const Alias = plainString()
  .trim()
  .min(1, 'Required')
  .max(60, 'Use at most 60 characters')
  .refine((alias) => /\p{L}/u.test(alias), 'An alias needs a letter')

/** Stored on users and providers; written before issue 14, items read as "none" and "featured". */
export const Aliases = z
  .array(Alias)
  .max(10, 'At most 10 aliases')
  .refine(
    (aliases) => new Set(aliases.map((a) => a.toLocaleLowerCase())).size === aliases.length,
    'Each alias once',
  )

export const RecognitionSettings = z.object({
  aliases: Aliases.default([]),
  /** "Don't feature me": never a candidate, never on a moment, a wall or a team view. */
  featureOptOut: z.boolean().default(false),
})

/** One person as the name matcher and the moments see them. */
export interface Recognisable {
  kind: RecognisableKind
  id: string
  /** As entered: "Dr. Helen Okafor", "Ana Núñez López". */
  name: string
  aliases: readonly string[]
  featureOptOut: boolean
}

/** A reference to a person in requests and stored moments. */
export const PersonRef = z.object({ kind: RecognisableKind, id: Id })
export type PersonRef = z.infer<typeof PersonRef>

export const sameRef = (a: PersonRef, b: PersonRef) => a.kind === b.kind && a.id === b.id
