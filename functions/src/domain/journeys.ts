import { z } from 'zod'
import { languages, specialties } from './practice'
import { Localized, Slug } from './surveys'

/**
 * The touch points every journey has, in journey order: finding and booking, check-in and
 * waiting, the visit with the clinician, records and results, billing, follow-up. Counters and
 * cross-practice reports key on these ids, so a journey may add its own touch points between them
 * but never drops or renames one.
 */
export const standardTouchpoints = [
  'booking',
  'check-in',
  'visit',
  'records',
  'billing',
  'follow-up',
] as const
export type StandardTouchpoint = (typeof standardTouchpoints)[number]

/**
 * A journey is read by every practice of its specialty, whatever languages it offers, so unlike a
 * survey string (which needs only the survey's languages) it carries every language.
 */
const EveryLanguage = Localized.superRefine((text, ctx) => {
  for (const language of languages) {
    if (!text[language]) {
      ctx.addIssue({ code: 'custom', path: [language], message: `Missing the ${language} text` })
    }
  }
})

export const Touchpoint = z.object({
  id: Slug,
  /** A short name for dashboards: "Check-in and waiting". */
  name: EveryLanguage,
  /** One sentence on what the touch point covers in this specialty. */
  description: EveryLanguage,
})
export type Touchpoint = z.infer<typeof Touchpoint>

/**
 * The patient journey of a specialty (or the `general` one used when a specialty has none): its
 * touch points in the order a patient meets them. Templates live in `workshops/journeys/`.
 *
 * @example
 * const journey = Journey.parse({
 *   specialty: 'dermatology',
 *   touchpoints: [
 *     { id: 'booking', name: { en: 'Finding and booking', es: 'Búsqueda y citas' }, description: … },
 *     { id: 'procedure', name: { en: 'Procedures', es: 'Procedimientos' }, description: … },
 *     …
 *   ],
 * })
 * journey.touchpoints.map((touchpoint) => localize(touchpoint.name, 'es'))
 */
export const Journey = z.object({
  specialty: z.enum([...specialties, 'general']),
  touchpoints: z
    .array(Touchpoint)
    .min(3, 'A journey has at least 3 touch points')
    .max(12, 'A journey has at most 12 touch points')
    .superRefine((touchpoints, ctx) => {
      const seen = new Set<string>()
      touchpoints.forEach((touchpoint, index) => {
        if (seen.has(touchpoint.id)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'id'],
            message: `Touch point "${touchpoint.id}" is used twice`,
          })
        }
        seen.add(touchpoint.id)
      })
    }),
})
export type Journey = z.infer<typeof Journey>

/**
 * The touch points a new journey may not drop: the standard six, and any that a survey's questions
 * measure (their answers and counters would lose their place). Answers with the first missing one.
 */
export function missingTouchpoint(journey: Journey, inUse: Iterable<string>): string | undefined {
  const present = new Set(journey.touchpoints.map((touchpoint) => touchpoint.id))
  for (const id of [...standardTouchpoints, ...inUse]) if (!present.has(id)) return id
  return undefined
}
