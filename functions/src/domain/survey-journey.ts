import type { Localized, Question } from './surveys'
import type { Language } from './practice'

/** What a touch point is called, in the languages the journey has it in. */
export interface JourneyStep {
  id: string
  name: Localized
}

const prompt: Record<Language, (name: string) => string> = {
  en: (name) => `How would you rate this part of your visit: ${name}?`,
  es: (name) => `¿Cómo calificaría esta parte de su visita: ${name}?`,
}
const lowLabel: Record<Language, string> = { en: 'Very poor', es: 'Muy malo' }
const highLabel: Record<Language, string> = { en: 'Excellent', es: 'Excelente' }

/** Text in each language, falling back to English where the journey has no translation. */
function inEach(languages: readonly Language[], text: (language: Language) => string): Localized {
  return Object.fromEntries(languages.map((language) => [language, text(language)]))
}

/**
 * The questions of a template that promises "one rating for each touch point", completed with the
 * practice's own journey: a 1-5 rating for every touch point no question measures yet (a
 * dermatology practice's "Procedures"), each placed after the question of the touch point before
 * it in the journey, so the survey follows the patient's path. Ids are the touch point ids, made
 * unique against the template's. Pure: the caller passes the journey.
 *
 * @example
 * withJourneyTouchpoints(pulse.questions, ['en', 'es'], dermatologyJourney.touchpoints)
 * // …, { id: 'visit', … }, { id: 'procedure', type: 'rating', touchpoint: 'procedure', … }, …
 */
export function withJourneyTouchpoints(
  questions: readonly Question[],
  languages: readonly Language[],
  journey: readonly JourneyStep[],
): Question[] {
  const result = [...questions]
  const ids = new Set(result.map((question) => question.id))
  const measured = () => new Set(result.map((question) => question.touchpoint).filter(Boolean))
  journey.forEach((step, position) => {
    if (measured().has(step.id)) return
    const earlier = new Set(journey.slice(0, position).map((s) => s.id))
    const lastEarlier = result.findLastIndex((q) => q.touchpoint && earlier.has(q.touchpoint))
    const firstNps = result.findIndex((q) => q.type === 'nps')
    const at = lastEarlier >= 0 ? lastEarlier + 1 : firstNps + 1
    let id = step.id
    for (let n = 2; ids.has(id); n += 1) id = `${step.id}-${n}`
    ids.add(id)
    const name = (language: Language) => step.name[language] ?? step.name.en ?? step.id
    result.splice(at, 0, {
      id,
      type: 'rating',
      touchpoint: step.id,
      required: false,
      min: 1,
      max: 5,
      prompt: inEach(languages, (language) => prompt[language](name(language))),
      lowLabel: inEach(languages, (language) => lowLabel[language]),
      highLabel: inEach(languages, (language) => highLabel[language]),
    } as Question)
  })
  return result
}
