import { z } from 'zod'
import { Agenda } from '../functions/src/domain/agendas'
import { Canvas } from '../functions/src/domain/boards/canvas'
import { Journey } from '../functions/src/domain/journeys'
import type { Language, Specialty } from '../functions/src/domain/practice'
import { SurveyTemplate } from '../functions/src/domain/surveys'
import { PraiseLexicon } from '../functions/src/domain/moments/praise'
import { PolarityLexicon, ThemeLexicon, type Theme } from '../functions/src/domain/themes'
import sentimentEn from './sentiment-en.json' with { type: 'json' }
import sentimentEs from './sentiment-es.json' with { type: 'json' }
import themeLexicon from './themes.json' with { type: 'json' }
import praiseLexicon from './praise.json' with { type: 'json' }
import empathyMapCanvas from './canvases/empathy-map.json' with { type: 'json' }
import empathyMapClassicCanvas from './canvases/empathy-map-classic.json' with { type: 'json' }
import journeyMapCanvas from './canvases/journey-map.json' with { type: 'json' }
import weeklyStaffMeetingAgenda from './agendas/weekly-staff-meeting.json' with { type: 'json' }
import dailyHuddleAgenda from './agendas/daily-huddle.json' with { type: 'json' }
import cardiologyJourney from './journeys/cardiology.json' with { type: 'json' }
import dentalJourney from './journeys/dental.json' with { type: 'json' }
import dermatologyJourney from './journeys/dermatology.json' with { type: 'json' }
import generalJourney from './journeys/general.json' with { type: 'json' }
import mentalHealthJourney from './journeys/mental-health.json' with { type: 'json' }
import obstetricsGynecologyJourney from './journeys/obstetrics-gynecology.json' with { type: 'json' }
import ophthalmologyJourney from './journeys/ophthalmology.json' with { type: 'json' }
import orthopedicsJourney from './journeys/orthopedics.json' with { type: 'json' }
import otherJourney from './journeys/other.json' with { type: 'json' }
import pediatricsJourney from './journeys/pediatrics.json' with { type: 'json' }
import physicalTherapyJourney from './journeys/physical-therapy.json' with { type: 'json' }
import primaryCareJourney from './journeys/primary-care.json' with { type: 'json' }
import urgentCareJourney from './journeys/urgent-care.json' with { type: 'json' }
import blankSurvey from './surveys/blank.json' with { type: 'json' }
import cgCahpsVisitSurvey from './surveys/cg-cahps-visit.json' with { type: 'json' }
import telehealthSurvey from './surveys/telehealth.json' with { type: 'json' }
import visitPulseSurvey from './surveys/visit-pulse.json' with { type: 'json' }

/**
 * The workshop catalogue, read from the JSON files beside this module and parsed through the domain
 * schemas when it is first imported: a file that does not fit fails loudly, naming itself, rather
 * than reaching a patient half-translated. Static imports (not a directory scan) keep it bundleable
 * for Lambda; the catalogue test checks that every file in the folders is listed here.
 */

function load<S extends z.ZodType>(schema: S, file: string, data: unknown): z.output<S> {
  const result = schema.safeParse(data)
  if (!result.success) {
    throw new Error(`workshops/${file} does not fit its schema:\n${z.prettifyError(result.error)}`)
  }
  return result.data
}

/**
 * Survey templates in catalogue order (shortest first), each complete in every language.
 *
 * @example
 * const pulse = surveyTemplates.find((template) => template.id === 'visit-pulse')
 */
export const surveyTemplates: readonly SurveyTemplate[] = (
  [
    ['surveys/visit-pulse.json', visitPulseSurvey],
    ['surveys/telehealth.json', telehealthSurvey],
    ['surveys/cg-cahps-visit.json', cgCahpsVisitSurvey],
    ['surveys/blank.json', blankSurvey],
  ] as const
).map(([file, data]) => load(SurveyTemplate, file, data))

/**
 * Workshop canvases in picker order: the updated empathy map first, then the classic four
 * quadrants, then the journey map (whose columns are the practice's touch points).
 *
 * @example
 * const map = canvases.find((canvas) => canvas.id === 'empathy-map')
 * map?.areas.map((area) => area.id) // ['goal', 'see', 'say', 'do', 'hear', 'pains', 'gains']
 */
export const canvases: readonly Canvas[] = (
  [
    ['canvases/empathy-map.json', empathyMapCanvas],
    ['canvases/empathy-map-classic.json', empathyMapClassicCanvas],
    ['canvases/journey-map.json', journeyMapCanvas],
  ] as const
).map(([file, data]) => load(Canvas, file, data))

/**
 * Meeting agendas in picker order: the weekly staff meeting (the default of meeting mode), then the
 * daily huddle.
 *
 * @example
 * const weekly = agendas.find((agenda) => agenda.id === 'weekly-staff-meeting')
 * weekly?.items.map((item) => item.kind) // ['moment', 'numbers', 'actions', 'board', 'discussion']
 */
export const agendas: readonly Agenda[] = (
  [
    ['agendas/weekly-staff-meeting.json', weeklyStaffMeetingAgenda],
    ['agendas/daily-huddle.json', dailyHuddleAgenda],
  ] as const
).map(([file, data]) => load(Agenda, file, data))

/**
 * One journey per specialty, plus the `general` one.
 *
 * @example
 * journeys.map((journey) => journey.specialty) // ['cardiology', …, 'general', …]
 */
export const journeys: readonly Journey[] = (
  [
    ['journeys/cardiology.json', cardiologyJourney],
    ['journeys/dental.json', dentalJourney],
    ['journeys/dermatology.json', dermatologyJourney],
    ['journeys/general.json', generalJourney],
    ['journeys/mental-health.json', mentalHealthJourney],
    ['journeys/obstetrics-gynecology.json', obstetricsGynecologyJourney],
    ['journeys/ophthalmology.json', ophthalmologyJourney],
    ['journeys/orthopedics.json', orthopedicsJourney],
    ['journeys/other.json', otherJourney],
    ['journeys/pediatrics.json', pediatricsJourney],
    ['journeys/physical-therapy.json', physicalTherapyJourney],
    ['journeys/primary-care.json', primaryCareJourney],
    ['journeys/urgent-care.json', urgentCareJourney],
  ] as const
).map(([file, data]) => load(Journey, file, data))

const bySpecialty = new Map(journeys.map((journey) => [journey.specialty, journey]))
const general: Journey =
  bySpecialty.get('general') ??
  fail('workshops/journeys/ has no general journey (specialty "general")')

function fail(message: string): never {
  throw new Error(message)
}

/**
 * The journey of a practice's specialty, or the general one when the specialty has none yet.
 *
 * @example
 * journeyFor('dermatology').touchpoints.map((touchpoint) => touchpoint.id)
 * // ['booking', 'check-in', 'visit', 'procedure', 'records', 'billing', 'follow-up']
 */
export function journeyFor(specialty: Specialty): Journey {
  return bySpecialty.get(specialty) ?? general
}

/**
 * The themes a patient comment can touch, each with its touch point and its terms in every
 * language, in lexicon order.
 *
 * @example
 * themes.find((theme) => theme.id === 'wait-time')?.touchpoint // 'check-in'
 */
export const themes: readonly Theme[] = load(ThemeLexicon, 'themes.json', themeLexicon).themes

/**
 * What patients praise staff for, the turns that put a failure right and the words of failure:
 * how this week's customer-experience moments are picked and the recognition wall's themes read.
 *
 * @example
 * praise.themes.map((theme) => theme.id) // ['kept-informed', 'went-extra-mile', …]
 */
export const praise: PraiseLexicon = load(PraiseLexicon, 'praise.json', praiseLexicon)

/**
 * The polarity lexicon of each language: the whole of it for Spanish, and the calibration over
 * wink-nlp's model for English.
 *
 * @example
 * polarityLexicons.es.terms['amabl*'] // 2
 */
export const polarityLexicons: Readonly<Record<Language, PolarityLexicon>> = {
  en: load(PolarityLexicon, 'sentiment-en.json', sentimentEn),
  es: load(PolarityLexicon, 'sentiment-es.json', sentimentEs),
}
