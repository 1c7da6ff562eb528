import type { Language } from '../domain/practice'
import type { Topic } from './comments'
import type { Random } from './random'
import { demoPeople, type DemoPerson, type Job } from './team'

/**
 * Comments and reviews that name the demo practice's people: praise by name or alias, failures put
 * right ("the wait was long but Rosita kept us informed"), and a few complaints that name someone
 * (which are never a customer-experience moment). Templates, each filled with every way patients
 * write each person who fits it, so the week's candidates read like a real practice's. Each praise
 * and recovery says what the person did and what the patient gained, for the demo's past moments.
 * Invented for the demo: no patient names, numbers, dates or places.
 */

export type StoryKind = 'praise' | 'recovery' | 'complaint'

interface Template {
  language: Language
  kind: StoryKind
  fits: readonly Job[]
  topic: Topic
  /** The journey's touch point (workshops/journeys). */
  touchpoint: string
  /** `{who}` is how the patient wrote the person; `{Who}` the same, capitalised. */
  text: string
  /** For a past moment (English, as the manager wrote it); complaints have none. */
  whatTheyDid?: string
  patientGain?: string
}

/** One story about one person, as a patient wrote it. */
export interface StaffStory extends Omit<Template, 'fits'> {
  /** The `DemoPerson.key` it names. */
  about: string
}

const t = (
  language: Language,
  kind: StoryKind,
  fits: readonly Job[],
  topic: Topic,
  touchpoint: string,
  text: string,
  moment?: [whatTheyDid: string, patientGain: string],
): Template => ({
  language,
  kind,
  fits,
  topic,
  touchpoint,
  text,
  ...(moment && { whatTheyDid: moment[0], patientGain: moment[1] }),
})

const clinician = ['clinician'] as const
const desk = ['front-desk'] as const
const helper = ['clinician', 'assistant'] as const
const billing = ['billing'] as const
const guide = ['front-desk', 'assistant'] as const

const templates: readonly Template[] = [
  // English: praise
  t(
    'en',
    'praise',
    clinician,
    'clinician',
    'visit',
    '{Who} took the time to answer every question and never rushed me.',
    [
      'Took the time to answer every question without rushing.',
      'The patient went home with every question answered and nothing left to worry about.',
    ],
  ),
  t(
    'en',
    'praise',
    clinician,
    'clinician',
    'procedure',
    '{Who} explained the biopsy step by step, and I was not scared anymore.',
    [
      'Explained the biopsy step by step before starting.',
      'The patient went into the procedure calm instead of frightened.',
    ],
  ),
  t(
    'en',
    'praise',
    helper,
    'clinician',
    'procedure',
    '{Who} was so kind when my son got nervous about the freezing treatment.',
    [
      'Calmed a nervous child before his treatment.',
      'A frightened boy got through his treatment, and his parent watched him relax.',
    ],
  ),
  t(
    'en',
    'praise',
    desk,
    'front-desk',
    'check-in',
    '{Who} remembered us from last time and had our paperwork ready, so check-in took no time at all.',
    [
      "Had the family's paperwork ready before they arrived.",
      'The family was checked in at once and seen on time.',
    ],
  ),
  t(
    'en',
    'praise',
    guide,
    'general',
    'visit',
    '{Who} walked me to the lab and made sure I knew where to go next.',
    [
      'Walked the patient to the lab and explained the next step.',
      'The patient never felt lost in the building.',
    ],
  ),
  t(
    'en',
    'praise',
    clinician,
    'results',
    'records',
    'Thank you to {who} for calling me back the same afternoon with my results.',
    [
      'Called the patient back the same afternoon with the results.',
      'The patient had an answer that evening instead of waiting and worrying.',
    ],
  ),
  t(
    'en',
    'praise',
    billing,
    'billing',
    'billing',
    '{Who} sat down with me and explained my bill line by line. Finally it makes sense.',
    [
      'Explained the bill line by line.',
      'The patient understood what they owed and stopped dreading the statement.',
    ],
  ),
  t(
    'en',
    'praise',
    clinician,
    'clinician',
    'follow-up',
    '{Who} listened to my worries about the scar and never made me feel silly.',
    [
      'Listened to worries about a scar and took them seriously.',
      'The patient felt heard and knew how to care for the scar.',
    ],
  ),
  t(
    'en',
    'praise',
    desk,
    'booking',
    'booking',
    'Thank you to {who} for fitting me in the same day when the rash got worse.',
    [
      'Found a same-day slot when the rash got worse.',
      'The patient was treated that day instead of suffering through the weekend.',
    ],
  ),

  // English: a failure put right
  t(
    'en',
    'recovery',
    desk,
    'wait',
    'check-in',
    'The wait was long but {who} kept us informed and got us in as soon as a room opened.',
    [
      'Kept a waiting family informed and got them in as soon as a room opened.',
      "The family knew what was happening and never wondered whether they'd been forgotten.",
    ],
  ),
  t(
    'en',
    'recovery',
    guide,
    'wait',
    'check-in',
    'We waited almost an hour, but {who} came out to tell us why and checked on us twice.',
    [
      'Came out to explain the delay and checked on the family twice.',
      'A long wait felt looked after rather than ignored.',
    ],
  ),
  t(
    'en',
    'recovery',
    helper,
    'follow-up',
    'follow-up',
    'My prescription never reached the pharmacy, but {who} called it in again and called me back the same day.',
    [
      'Sent the prescription again and called the patient back the same day.',
      'The patient started the treatment that day instead of going without.',
    ],
  ),
  t(
    'en',
    'recovery',
    billing,
    'billing',
    'billing',
    'I was charged twice, but {who} fixed it in one phone call and explained everything.',
    [
      'Fixed a double charge in one call and explained it.',
      'The patient got the money back without a second call or a letter.',
    ],
  ),
  t(
    'en',
    'recovery',
    desk,
    'booking',
    'booking',
    'My appointment was lost in the system, but {who} got me in that same morning.',
    [
      'Found a spot the same morning after the appointment was lost.',
      'The patient was seen that day instead of being sent home.',
    ],
  ),
  t(
    'en',
    'recovery',
    clinician,
    'results',
    'records',
    'The results were late, but {who} called me personally to go over them.',
    [
      'Called personally to go over late results.',
      'The patient understood the results and the next step, straight from the clinician.',
    ],
  ),

  // English: complaints that name someone (never a moment)
  t(
    'en',
    'complaint',
    clinician,
    'communication',
    'visit',
    '{Who} seemed in a hurry and brushed off my questions.',
  ),
  t(
    'en',
    'complaint',
    desk,
    'front-desk',
    'check-in',
    '{Who} was short with me when I asked how much longer the wait would be.',
  ),
  t('en', 'complaint', billing, 'billing', 'billing', '{Who} was rude about my billing question.'),

  // Spanish: praise
  t(
    'es',
    'praise',
    clinician,
    'clinician',
    'visit',
    '{Who} se tomó el tiempo de responder todas mis preguntas.',
    [
      'Took the time to answer every question.',
      'The patient went home with every question answered, in their own language.',
    ],
  ),
  t(
    'es',
    'praise',
    helper,
    'clinician',
    'procedure',
    '{Who} fue muy amable y me explicó todo con paciencia.',
    [
      'Explained everything patiently and kindly.',
      'The patient understood the treatment and felt at ease.',
    ],
  ),
  t(
    'es',
    'praise',
    clinician,
    'results',
    'records',
    'Gracias a {who} por llamarme el mismo día con los resultados.',
    [
      'Called the patient the same day with the results.',
      'The patient had an answer that day instead of waiting and worrying.',
    ],
  ),
  t(
    'es',
    'praise',
    desk,
    'booking',
    'booking',
    'Gracias a {who} por conseguirme una cita el mismo día.',
    ['Found a same-day appointment.', 'The patient was treated that day instead of waiting weeks.'],
  ),

  // Spanish: a failure put right
  t(
    'es',
    'recovery',
    desk,
    'wait',
    'check-in',
    'La espera fue larga, pero {who} nos mantuvo informados y nos atendió pronto.',
    [
      'Kept a waiting family informed and got them in soon.',
      'The family knew what was happening during a long wait.',
    ],
  ),
  t(
    'es',
    'recovery',
    billing,
    'billing',
    'billing',
    'Hubo un error en mi factura, pero {who} lo arregló en una llamada y me explicó todo.',
    [
      'Fixed a billing error in one call and explained it.',
      'The patient stopped worrying about a bill they did not owe.',
    ],
  ),
  t(
    'es',
    'recovery',
    helper,
    'follow-up',
    'follow-up',
    'Hubo un error con mi receta, pero {who} la volvió a enviar y me llamó ese mismo día.',
    [
      'Sent the prescription again and called the patient the same day.',
      'The patient started the treatment that day.',
    ],
  ),

  // Spanish: complaints that name someone
  t(
    'es',
    'complaint',
    desk,
    'front-desk',
    'check-in',
    '{Who} fue grosero conmigo cuando pregunté por la espera.',
  ),
  t(
    'es',
    'complaint',
    clinician,
    'communication',
    'visit',
    '{Who} tenía prisa y me sentí ignorado.',
  ),
]

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1)

function fill(template: Template, person: DemoPerson, called: string): StaffStory {
  const { fits: _fits, ...rest } = template
  const text = template.text.replace('{Who}', capitalised(called)).replace('{who}', called)
  return { ...rest, text, about: person.key }
}

/** Every story the templates make for `people`: each fitting person, each way they are called. */
export function storiesAbout(people: readonly DemoPerson[]): StaffStory[] {
  return templates.flatMap((template) =>
    people
      .filter((person) => template.fits.includes(person.job))
      .flatMap((person) => person.called[template.language].map((c) => fill(template, person, c))),
  )
}

/** The demo's named stories, for the generator and for its tests' bank of comments. */
export const staffStories: readonly StaffStory[] = storiesAbout(demoPeople)

/** How a comment of each tone becomes a story that names someone, and how often. */
const namedShare: Record<string, { kind: StoryKind; share: number }> = {
  praise: { kind: 'praise', share: 0.1 },
  mixed: { kind: 'recovery', share: 0.2 },
  complaint: { kind: 'complaint', share: 0.06 },
}

/**
 * Now and then, a comment of `tone` written about a person instead: the clinician the patient
 * saw (`seen`, a DemoPerson key) or one of the staff. `undefined` leaves the comment as it was.
 * Draws only from `random`, so the rest of the demo does not move.
 *
 * @example
 * namedStory('praise', 'en', 'park', seeded(1))?.text // "Dr. Park took the time to answer…" or undefined
 */
export function namedStory(
  tone: string,
  language: Language,
  seen: string | undefined,
  random: Random,
): StaffStory | undefined {
  const shape = namedShare[tone]
  if (!shape || !random.chance(shape.share)) return undefined
  const clinicians = new Set(demoPeople.filter((p) => p.job === 'clinician').map((p) => p.key))
  const pool = staffStories.filter(
    (story) =>
      story.kind === shape.kind &&
      story.language === language &&
      (seen === undefined || !clinicians.has(story.about) || story.about === seen),
  )
  return pool.length > 0 ? random.pick(pool) : undefined
}

/** The story a comment or review text is, if it is one of the named ones. */
export const storyOfText = new Map(staffStories.map((story) => [story.text, story]))
