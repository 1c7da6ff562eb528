import { TZDate } from '@date-fns/tz'
import { ulid } from 'ulid'
import { journeyFor, surveyTemplates } from '../../../workshops'
import { dayOf } from '../domain/calendar'
import type { Answers } from '../domain/answers'
import type { Language, Location, Practice, Provider, User } from '../domain/practice'
import type { Review } from '../domain/reviews/review'
import type { Survey, SurveyResponse } from '../domain/survey-records'
import { withJourneyTouchpoints } from '../domain/survey-journey'
import type { Question, SurveyDefinition } from '../domain/surveys'
import { checkInFixOn, checkInLift } from './check-in-lift'
import { comments, topicsOfTouchpoint, type Comment, type Tone } from './comments'
import { commentReader } from '../ingest/comment-reader'
import { seeded, type Random } from './random'
import { demoReviews } from './reviews'
import { demoMoments, type DemoMoments } from './moments'
import { namedStory } from './staff-stories'
import { aliasesOf, demoClinicians, demoStaff } from './team'

/**
 * The demo practice, generated as plain data (nothing is written here): a dermatology practice in
 * Chicago with two clinics, four clinicians, two published surveys and six months of responses
 * (and of reviews on Google, Yelp, Facebook and Healthgrades) that behave like real ones. A weekday rhythm, promoters outnumbering detractors, clinicians and
 * clinics that differ, and one story to find: check-in and waiting got worse for about five weeks
 * some two months ago, then recovered, and since the governance committee's fix took effect
 * (demo/check-in-lift.ts) check-in is rated better than before.
 */

export const demoPracticeName = 'Sunrise Dermatology (demo)'
export const demoTimeZone = 'America/Chicago'

/** How many months of responses, ending now. */
export const demoMonths = 6

/**
 * Days before today when check-in ratings sag (fully within `full`, easing in and out at the
 * edges). Over 47 days ago, so the committee's fix (demo/check-in-lift.ts) has six clean weeks.
 */
export const checkInDip = { from: 82, to: 47, full: { from: 79, to: 51 } } as const

export interface DemoOptions {
  /** Decides everything the demo contains: the same seed and `now` give the same demo. */
  seed: number
  /** The moment the demo is made; the newest response is a little before it. */
  now: Date
  /**
   * Makes the ids (ULIDs carrying the given time). By default they are drawn from the seed too, so a
   * seed gives identical data, ids included; pass `(time) => ulid(time)` for a fresh practice.
   */
  newId?: (time: number) => string
}

export interface Demo extends DemoMoments {
  practice: Practice
  owner: User
  /** The staff besides the owner (demo/team.ts), with the owner's password. */
  team: User[]
  locations: Location[]
  providers: Provider[]
  /** Drafts to publish, each as its version 1; responses name version 1. */
  surveys: Survey[]
  /** Oldest first. */
  responses: SurveyResponse[]
  /** Review-site reviews of the same months, oldest first (see demo/reviews.ts). */
  reviews: Review[]
}

interface Clinician {
  provider: Provider
  /** Shifts how patients of this clinician feel overall (standard deviations). */
  effect: number
  /** How often a patient of this location sees this clinician. */
  weight: Record<string, number>
}

/** Touch points of the visit-pulse survey: a baseline shift and how often patients rate each. */
const touchpointShape: Record<string, { offset: number; answered: number }> = {
  booking: { offset: 0, answered: 0.95 },
  'check-in': { offset: -0.15, answered: 0.98 },
  visit: { offset: 0.35, answered: 0.99 },
  // Dermatology's own step (biopsies, excisions): only the patients who had one rate it.
  procedure: { offset: 0.2, answered: 0.35 },
  records: { offset: -0.1, answered: 0.62 },
  billing: { offset: -0.4, answered: 0.76 },
  'follow-up': { offset: -0.1, answered: 0.7 },
}

/** Likelihood to recommend 0-10, as often as a practice with an NPS in the fifties sees them. */
const scoreShares = [0.01, 0.005, 0.01, 0.015, 0.015, 0.025, 0.035, 0.07, 0.16, 0.21, 0.445]
const scoreCumulative = scoreShares.map((_, i) =>
  scoreShares.slice(0, i + 1).reduce((a, b) => a + b, 0),
)

/** Responses on an ordinary weekday (Mon-Fri); Mondays are busiest, Friday afternoons quiet. */
const weekdayVolume = [0, 15, 14, 12, 14, 10, 0]

/**
 * Generate the demo practice.
 *
 * @example
 * const demo = await generateDemo({ seed: 20240601, now: new Date() })
 * demo.responses.length // about 1,700
 */
export async function generateDemo({ seed, now, newId }: DemoOptions): Promise<Demo> {
  const random = seeded(seed)
  // Ids come from their own stream, so fresh ids do not change the content.
  const idRandom = seeded(seed ^ 0x5bd1e995)
  const makeId = newId ?? ((time: number) => ulid(time, () => idRandom.next()))

  const today = dayOf(now, demoTimeZone)
  const days = calendar(today, demoMonths)
  const fixOn = checkInFixOn(today)
  const firstDay = days[0]!
  const opened = at(firstDay.date, 9, 0) - 21 * 86400_000
  const createdAt = new Date(opened).toISOString()

  const practiceId = makeId(opened)
  const practice: Practice = {
    id: practiceId,
    name: demoPracticeName,
    specialty: 'dermatology',
    timeZone: demoTimeZone,
    languages: ['en', 'es'],
    minimumResponses: 30,
    reviewLinks: [
      { site: 'google', url: 'https://example.com/reviews/sunrise-dermatology-demo/google' },
      {
        site: 'healthgrades',
        url: 'https://example.com/reviews/sunrise-dermatology-demo/healthgrades',
      },
    ],
    createdAt,
  }
  const owner: User = {
    id: makeId(opened + 1),
    practiceId,
    name: 'Alex Rivera',
    email: `demo+${practiceId.slice(-8).toLowerCase()}@touchpoint.invalid`,
    role: 'owner',
    createdAt,
    aliases: [],
    featureOptOut: false,
  }

  const lakeview: Location = {
    id: makeId(opened + 2),
    name: 'Lakeview Clinic',
    address: '100 Example Lake Drive, Suite 200',
  }
  const riverside: Location = {
    id: makeId(opened + 3),
    name: 'Riverside Clinic',
    address: '200 Example River Road',
  }
  const locationEffect = { [lakeview.id]: 0.1, [riverside.id]: -0.15 }

  const clinician = (
    offset: number,
    name: string,
    title: string,
    effect: number,
    weight: Record<string, number>,
  ): Clinician => ({
    provider: {
      id: makeId(opened + offset),
      name,
      title,
      locationIds: Object.keys(weight),
      aliases: aliasesOf(name),
      featureOptOut: false,
    },
    effect,
    weight,
  })
  const clinicians = [
    clinician(4, 'Dr. Maya Castillo', 'MD', 0.15, { [lakeview.id]: 0.4 }),
    clinician(5, 'Dr. Owen Park', 'MD', 0.35, { [lakeview.id]: 0.25, [riverside.id]: 0.4 }),
    clinician(6, 'Priya Nair', 'PA-C', 0, { [riverside.id]: 0.6 }),
    clinician(7, 'Luis Romero', 'NP', -0.25, { [lakeview.id]: 0.35 }),
  ]

  const team: User[] = demoStaff.map((person, i) => ({
    id: makeId(opened + 8 + i),
    practiceId,
    name: person.name,
    email: `demo+${practiceId.slice(-8).toLowerCase()}-${person.key}@touchpoint.invalid`,
    role: person.role,
    createdAt,
    aliases: [...person.aliases],
    featureOptOut: person.featureOptOut,
  }))
  const keyOfClinician = new Map(demoClinicians.map((person) => [person.name, person.key] as const))
  // Which comments name someone: a stream of its own, so the rest of the story stays as it was.
  const named = seeded(seed ^ 0x1b873593)

  const surveyCreated = opened + 7 * 86400_000
  const surveys = (['visit-pulse', 'cg-cahps-visit'] as const).map((templateId, i) =>
    surveyFromTemplate(templateId, makeId(surveyCreated + i), surveyCreated),
  )
  const [pulse, cahps] = surveys as [Survey, Survey]

  const responses: SurveyResponse[] = []
  for (const day of days) {
    const count = volumeOf(day, random)
    // Lakeview opens on Saturday mornings; Riverside does not.
    const saturday = day.weekday === 6
    const times: number[] = []
    for (let i = 0; i < count; i++) times.push(submissionTime(day, saturday, random))
    times.sort((a, b) => a - b)
    for (const time of times) {
      const location = saturday || random.chance(0.6) ? lakeview : riverside
      const working = clinicians.filter((c) => c.weight[location.id] !== undefined)
      const seen = random.chance(0.94)
        ? random.weighted(working.map((c) => [c, c.weight[location.id]!] as const))
        : undefined
      const survey = random.chance(0.85) ? pulse : cahps
      const language: Language = random.chance(0.15) ? 'es' : 'en'
      // How this patient feels overall, in standard deviations from the practice's usual.
      const dip = dipOf(day.daysAgo)
      const mood =
        random.normal() * 0.95 +
        (seen?.effect ?? 0) +
        locationEffect[location.id]! +
        (day.weekday === 1 ? -0.1 : 0) -
        0.35 * dip
      const context: Context = {
        random,
        mood,
        language,
        named,
        ...(seen && { seen: keyOfClinician.get(seen.provider.name) }),
        checkInShift:
          -1.25 * dip -
          (day.weekday === 1 ? 0.25 : 0) -
          (location === riverside ? 0.15 : 0) +
          (day.date >= fixOn ? checkInLift : 0),
      }
      const answers =
        survey === pulse ? pulseAnswers(survey.draft, context) : cahpsAnswers(survey.draft, context)
      // About a third come from posters and the waiting-room tablet, whose links name nobody:
      // those patients say who they saw. Chosen by the second, not drawn from `random`, so the
      // rest of the story stays as it was.
      const linkNamedNobody = Math.floor(time / 1000) % 3 === 0
      const whoQuestion = survey.draft.questions.find((q) => q.type === 'provider')
      if (seen && whoQuestion && linkNamedNobody) answers[whoQuestion.id] = seen.provider.id
      if (time > now.getTime()) continue
      // Read as a submission is (the reader draws nothing from `random`, so the story stays put).
      const comment = await commentReader.read(survey.draft, answers, language)
      responses.push({
        id: makeId(time),
        surveyId: survey.id,
        version: 1,
        language,
        answers,
        location: location.id,
        ...(seen && { provider: seen.provider.id }),
        submittedAt: new Date(time).toISOString(),
        ...(comment && { sentiment: comment.sentiment, themes: [...comment.themes] }),
      })
    }
  }

  // Their own random stream, so adding reviews changed none of the responses.
  const reviews = await demoReviews({
    random: seeded(seed ^ 0x2f6b1a3d),
    makeId,
    days,
    now,
    locations: [lakeview, riverside],
    dipOf,
    at,
    named: seeded(seed ^ 0x0c2ba1e5),
  })
  const providers = clinicians.map((c) => c.provider)
  const { moments, submissions } = await demoMoments({
    random: seeded(seed ^ 0x7f4a7c15),
    makeId,
    now,
    timeZone: demoTimeZone,
    owner,
    team,
    providers,
    responses,
    reviews,
  })

  return {
    practice,
    owner,
    team,
    locations: [lakeview, riverside],
    providers,
    surveys,
    responses,
    reviews,
    moments,
    submissions,
  }
}

interface Day {
  date: string
  /** 0 Sunday … 6 Saturday. */
  weekday: number
  daysAgo: number
}

/** Every calendar day from `months` months before `today` (exclusive) to `today`. */
function calendar(today: string, months: number): Day[] {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  const end = Date.UTC(y, m - 1, d)
  const start = new Date(end)
  start.setUTCMonth(start.getUTCMonth() - months)
  const days: Day[] = []
  for (let t = start.getTime() + 86400_000; t <= end; t += 86400_000) {
    const date = new Date(t)
    days.push({
      date: date.toISOString().slice(0, 10),
      weekday: date.getUTCDay(),
      daysAgo: Math.round((end - t) / 86400_000),
    })
  }
  return days
}

/** The instant of a wall-clock time on a day in the practice's time zone. */
function at(date: string, hours: number, minutes: number): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new TZDate(y, m - 1, d, hours, minutes, demoTimeZone).getTime()
}

function volumeOf(day: Day, random: Random): number {
  if (day.weekday === 0) return 0
  if (day.weekday === 6) return day.daysAgo % 14 < 7 ? Math.min(random.poisson(3), 6) : 0
  return Math.max(8, Math.min(20, random.poisson(weekdayVolume[day.weekday]!)))
}

/** Patients answer after their visit: most within a few hours, some that evening. */
function submissionTime(day: Day, saturday: boolean, random: Random): number {
  const visit = saturday ? 8 * 60 + random.int(0, 240) : 8 * 60 + random.int(0, 510)
  const minutes = random.chance(0.7)
    ? Math.min(visit + 30 + random.int(0, 210), 21 * 60 + 30)
    : 18 * 60 + random.int(0, 255)
  return at(day.date, Math.floor(minutes / 60), minutes % 60) + random.int(0, 59_999)
}

/** 1 while check-in is at its worst, easing in and out over a few days; 0 otherwise. */
export function dipOf(daysAgo: number): number {
  const { from, to, full } = checkInDip
  if (daysAgo > from || daysAgo < to) return 0
  if (daysAgo > full.from) return (from - daysAgo) / (from - full.from)
  if (daysAgo < full.to) return (daysAgo - to) / (full.to - to)
  return 1
}

interface Context {
  random: Random
  mood: number
  language: Language
  /** Draws which comments name someone (demo/staff-stories.ts), apart from `random`. */
  named: Random
  /** The clinician seen, as a demo/team.ts key. */
  seen?: string | undefined
  /**
   * Extra shift of the check-in rating: the dip, busy Mondays, the smaller Riverside front desk,
   * and the committee's fix.
   */
  checkInShift: number
}

function surveyFromTemplate(templateId: string, id: string, time: number): Survey {
  const template = surveyTemplates.find((t) => t.id === templateId)
  if (!template) throw new Error(`workshops has no survey template ${templateId}`)
  const { id: _id, description: _d, minutes: _m, everyTouchpoint, ...content } = template
  // As the API makes it for a dermatology practice: the pulse also asks about "Procedures".
  const definition = everyTouchpoint
    ? {
        ...content,
        questions: withJourneyTouchpoints(
          content.questions,
          content.languages,
          journeyFor('dermatology').touchpoints,
        ),
      }
    : content
  const iso = new Date(time).toISOString()
  return {
    id,
    templateId,
    status: 'draft',
    draft: definition,
    publishedVersion: null,
    unpublishedChanges: true,
    createdAt: iso,
    updatedAt: iso,
  }
}

/** Normal CDF (Abramowitz-Stegun 7.1.26), enough to turn a mood into a 0-10 score. */
function phi(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2))
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-(x * x) / 2)
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2
}

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value))

function recommendScore(mood: number, random: Random): number {
  const quantile = phi(mood + random.normal() * 0.35)
  const score = scoreCumulative.findIndex((c) => quantile <= c)
  return score < 0 ? 10 : score
}

/** A 1-5 rating that follows the patient's mood, with its own noise. */
function rating(mood: number, shift: number, random: Random): number {
  return clamp(Math.round(4.25 + shift + 0.8 * (0.65 * mood + 0.76 * random.normal())), 1, 5)
}

function pulseAnswers(survey: SurveyDefinition, context: Context): Answers {
  const { random, mood } = context
  const answers: Answers = {}
  const ratings: Record<string, number> = {}
  for (const question of survey.questions) {
    if (question.type === 'nps') answers[question.id] = recommendScore(mood, random)
    else if (question.type === 'rating' && question.touchpoint) {
      const shape = touchpointShape[question.touchpoint] ?? { offset: 0, answered: 0.8 }
      if (!random.chance(shape.answered)) continue
      const shift = shape.offset + (question.touchpoint === 'check-in' ? context.checkInShift : 0)
      answers[question.id] = ratings[question.touchpoint] = rating(mood, shift, random)
    }
  }
  const nps = survey.questions.find((q) => q.type === 'nps')
  const score = nps ? answers[nps.id] : undefined
  const recommend = typeof score === 'number' ? score : 8
  const text = survey.questions.find((q) => q.type === 'text')
  // Unhappy patients write more often; the share across all surveys comes to about a quarter.
  const writes = recommend <= 6 ? 0.55 : recommend <= 8 ? 0.32 : 0.22
  if (text && random.chance(writes)) {
    const comment = pickComment(recommend, ratings, context)
    const story = namedStory(comment.tone, context.language, context.seen, context.named)
    answers[text.id] = story?.text ?? comment.text
  }
  const contact = survey.questions.find((q) => q.type === 'yesno')
  if (contact && random.chance(0.8)) {
    answers[contact.id] = random.chance(recommend <= 6 ? 0.55 : recommend <= 8 ? 0.3 : 0.18)
  }
  return answers
}

const toneWeights = (score: number): (readonly [Tone, number])[] => {
  if (score <= 6)
    return [
      ['complaint', 0.8],
      ['mixed', 0.15],
      ['suggestion', 0.05],
    ]
  if (score <= 8)
    return [
      ['mixed', 0.4],
      ['suggestion', 0.35],
      ['complaint', 0.2],
      ['praise', 0.05],
    ]
  return [
    ['praise', 0.7],
    ['suggestion', 0.25],
    ['mixed', 0.05],
  ]
}

/** A comment in the patient's language that fits their score and, if unhappy, their worst rating. */
function pickComment(
  score: number,
  ratings: Record<string, number>,
  { random, language }: Context,
): Comment {
  const tone = random.weighted(toneWeights(score))
  const inLanguage = comments.filter((c) => c.language === language && c.tone === tone)
  if (tone === 'praise') return random.pick(inLanguage)
  // The lowest-rated touch point is what the comment is most likely about.
  const worst = Object.entries(ratings).sort((a, b) => a[1] - b[1])[0]
  const topics = worst && random.chance(0.75) ? (topicsOfTouchpoint[worst[0]] ?? []) : []
  const onTopic = inLanguage.filter((c) => topics.includes(c.topic))
  return random.pick(onTopic.length > 0 ? onTopic : inLanguage)
}

const frequency = ['never', 'sometimes', 'usually', 'always'] as const

/**
 * CG-CAHPS answers, following its skip logic: a "no" to a screener question passes over the
 * questions that depend on it, exactly as the patient's page does.
 */
function cahpsAnswers(survey: SurveyDefinition, context: Context): Answers {
  const screenerYes: Record<string, number> = {
    'urgent-contact': 0.3,
    'routine-contact': 0.75,
    'question-contact': 0.4,
    'test-ordered': 0.45,
    'took-medicines': 0.55,
  }
  const answers: Answers = {}
  let skipTo: string | undefined
  for (const question of survey.questions) {
    if (skipTo !== undefined) {
      if (question.id !== skipTo) continue
      skipTo = undefined
    }
    const answer = cahpsAnswer(question, screenerYes[question.id] ?? 0.5, context)
    if (answer === undefined) continue
    answers[question.id] = answer
    if (question.type === 'yesno' && question.skip && answer === question.skip.when) {
      skipTo = question.skip.to === 'end' ? '\u0000end' : question.skip.to
    }
  }
  return answers
}

function cahpsAnswer(
  question: Question,
  yesShare: number,
  context: Context,
): number | boolean | string | undefined {
  const { random, mood } = context
  switch (question.type) {
    case 'yesno':
      return random.chance(yesShare)
    case 'single': {
      if (!random.chance(0.97)) return undefined
      const shift =
        (touchpointShape[question.touchpoint ?? '']?.offset ?? 0) * 0.6 +
        (question.touchpoint === 'check-in' ? context.checkInShift * 0.6 : 0)
      const level = clamp(
        Math.round(2.35 + shift + 0.75 * (0.65 * mood + 0.76 * random.normal())),
        0,
        3,
      )
      const value = frequency[level]!
      return question.options.some((o) => o.value === value) ? value : question.options[0]?.value
    }
    case 'rating':
      return clamp(
        Math.round(
          question.min +
            (question.max - question.min) * (0.86 + 0.12 * (mood + random.normal() * 0.6)),
        ),
        question.min,
        question.max,
      )
    case 'nps':
      return recommendScore(mood, random)
    default:
      return undefined
  }
}
