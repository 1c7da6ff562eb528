import { z } from 'zod'
import { Id } from '../practice'
export { Alias, Aliases } from '../practice'

/**
 * Who a patient's story can recognise: a staff account or a provider (clinician). Both carry the
 * names patients actually use ("Dr. K", "Luisito", "Maria at the front desk") and their own
 * choice not to be featured, which every part of the customer-experience moment respects.
 */
export const recognisableKinds = ['user', 'provider'] as const
export const RecognisableKind = z.enum(recognisableKinds)
export type RecognisableKind = z.infer<typeof RecognisableKind>

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
