import { z } from 'zod'
import { languages, specialties, type Language } from './practice'
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
 * A practice's own journey needs its texts in English (ids and reports are made from it) and in
 * the languages the practice offers (`practiceTextsMissing`), not in every language there is: an
 * English-only practice adding "Lab draws" writes no Spanish.
 */
const EnglishAndMore = Localized.superRefine((text, ctx) => {
  if (!text.en) ctx.addIssue({ code: 'custom', path: ['en'], message: 'Missing the en text' })
})
const PracticeTouchpoint = Touchpoint.extend({ name: EnglishAndMore, description: EnglishAndMore })

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
export const Journey = journeyOf(Touchpoint)
export type Journey = z.infer<typeof Journey>

/** A journey as a practice keeps it (see `PracticeTouchpoint`); templates are `Journey`s. */
export const PracticeJourney = journeyOf(PracticeTouchpoint)

function journeyOf<T extends z.ZodType<{ id: string }>>(touchpoint: T) {
  return z.object({
    specialty: z.enum([...specialties, 'general']),
    touchpoints: z
      .array(touchpoint)
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
}

/**
 * Every name and description the practice's languages still lack, as request fields
 * (`touchpoints.3.description.es`), so one answer can name them all.
 *
 * @example
 * practiceTextsMissing(journey, ['en', 'es']) // [{ field: 'touchpoints.6.description.es', … }]
 */
export function practiceTextsMissing(
  journey: { touchpoints: readonly { name: Localized; description: Localized }[] },
  practiceLanguages: readonly Language[],
): { field: string; message: string }[] {
  return journey.touchpoints.flatMap((touchpoint, index) =>
    (['name', 'description'] as const).flatMap((part) =>
      practiceLanguages
        .filter((language) => !touchpoint[part][language])
        .map((language) => ({
          field: `touchpoints.${index}.${part}.${language}`,
          message: `Missing the ${language} text`,
        })),
    ),
  )
}

/**
 * The touch points a new journey may not drop: the standard six, and any that a survey's questions
 * measure (their answers and counters would lose their place). Answers with the first missing one.
 */
export function missingTouchpoint(journey: Journey, inUse: Iterable<string>): string | undefined {
  const present = new Set(journey.touchpoints.map((touchpoint) => touchpoint.id))
  for (const id of [...standardTouchpoints, ...inUse]) if (!present.has(id)) return id
  return undefined
}
