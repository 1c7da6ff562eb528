import { praise } from '../../../workshops'
import { monthOf } from '../domain/calendar'
import { rankCandidates, type StoryIn } from '../domain/moments/candidates'
import { isoWeekOf, isoWeekRange } from '../domain/moments/iso-week'
import { Moment, Submission } from '../domain/moments/moment'
import type { Recognisable } from '../domain/moments/recognisable'
import type { Provider, User } from '../domain/practice'
import type { Review } from '../domain/reviews/review'
import type { SurveyResponse } from '../domain/survey-records'
import { commentReader } from '../ingest/comment-reader'
import type { Random } from './random'
import { storyOfText } from './staff-stories'

/**
 * The demo's customer-experience moments: one in about 60% of its past weeks, each the week's best
 * story that names someone (as the candidates rank it, so the moment is the candidate a manager
 * saw), recognised the Monday after; and three colleagues' "I saw this happen" in the current week,
 * so the week's candidates are never empty, however early in the week the demo is made.
 */

export interface DemoMoments {
  /** Newest week last. */
  moments: Moment[]
  /** This week's "I saw this happen". */
  submissions: Submission[]
}

export interface DemoMomentOptions {
  random: Random
  makeId: (time: number) => string
  now: Date
  timeZone: string
  owner: User
  team: readonly User[]
  providers: readonly Provider[]
  responses: readonly SurveyResponse[]
  reviews: readonly Review[]
}

/** How often a past week with a story naming someone got its moment. */
const weekShare = 0.55

const sentiment = async (text: string, language: 'en' | 'es') =>
  (await commentReader.analyze(text, language)).sentiment

/** The named stories of the demo's comments and reviews, by ISO week. */
function namedStoriesByWeek({ responses, reviews, timeZone }: DemoMomentOptions) {
  const weeks = new Map<string, StoryIn[]>()
  const add = (story: StoryIn) => {
    const week = isoWeekOf(new Date(story.at), timeZone)
    weeks.set(week, [...(weeks.get(week) ?? []), story])
  }
  for (const response of responses) {
    const text = response.answers.improve
    if (typeof text !== 'string' || !storyOfText.has(text)) continue
    const month = monthOf(new Date(response.submittedAt), timeZone)
    const score = response.answers.recommend
    add({
      origin: { kind: 'response', id: `${month}.${response.id}` },
      text,
      language: response.language,
      at: response.submittedAt,
      ...(typeof score === 'number' && { rating: score / 10 }),
    })
  }
  for (const review of reviews) {
    const story = storyOfText.get(review.text)
    if (!story) continue
    // Reviews are kept by the UTC month they were written in (store/week-stories.ts).
    add({
      origin: { kind: 'review', id: `${review.createdAt.slice(0, 7)}.${review.id}` },
      text: review.text,
      language: story.language,
      at: review.createdAt,
      rating: (review.stars - 1) / 4,
    })
  }
  return weeks
}

/** 8:15 on the Monday after `week`, the staff meeting, in the practice's zone; never after now. */
function mondayAfter(week: string, timeZone: string, now: Date): number {
  const meeting = isoWeekRange(week, timeZone).end.getTime() + (8 * 60 + 15) * 60_000
  return Math.min(meeting, now.getTime() - 60_000)
}

/**
 * @example
 * const { moments, submissions } = await demoMoments({ random: seeded(1), makeId, now, … })
 */
export async function demoMoments(options: DemoMomentOptions): Promise<DemoMoments> {
  const { random, makeId, now, timeZone, owner, team, providers } = options
  const people: Recognisable[] = [
    ...[owner, ...team].map((u) => ({ ...u, kind: 'user' as const })),
    ...providers.map((p) => ({ ...p, kind: 'provider' as const })),
  ]
  const thisWeek = isoWeekOf(now, timeZone)
  const moments: Moment[] = []
  const byWeek = namedStoriesByWeek(options)
  for (const week of [...byWeek.keys()].sort()) {
    if (week >= thisWeek || !random.chance(weekShare)) continue
    const ranked = await rankCandidates(byWeek.get(week)!, { people, lexicon: praise, sentiment })
    const best = ranked.find((candidate) => candidate.staff.length > 0)
    const story =
      best && storyOfText.get(byWeek.get(week)!.find((s) => s.origin === best.origin)!.text)
    if (!best || !story?.whatTheyDid || !story.patientGain) continue
    const created = mondayAfter(week, timeZone, now)
    const staff = best.staff.map(({ kind, id }) => ({ kind, id }))
    const recognised = staff.filter((ref) => ref.kind === 'user')
    moments.push(
      Moment.parse({
        id: makeId(created),
        week,
        origin: best.origin,
        quote: best.quote,
        staff,
        whatTheyDid: story.whatTheyDid,
        patientGain: story.patientGain,
        touchpoint: story.touchpoint,
        createdBy: owner.id,
        createdAt: new Date(created).toISOString(),
        updatedAt: new Date(created).toISOString(),
        recognised,
        ...(recognised.length > 0 && { recognisedAt: new Date(created + 30_000).toISOString() }),
      }),
    )
  }
  return { moments, submissions: thisWeeksSubmissions(options, thisWeek) }
}

/** Three colleagues' stories, spread over the current week so far. */
function thisWeeksSubmissions(
  { makeId, now, timeZone, team, providers }: DemoMomentOptions,
  week: string,
): Submission[] {
  const start = isoWeekRange(week, timeZone).start.getTime()
  const user = (name: string) => team.find((u) => u.name === name)!
  const provider = (name: string) => providers.find((p) => p.name === name)!
  const told = [
    {
      by: user('Nadia Brooks'),
      staff: [{ kind: 'user' as const, id: user('Ben Carter').id }],
      touchpoint: 'procedure',
      story:
        "A patient's ride fell through after her biopsy. Ben waited with her in the lobby, " +
        'called a cab and stayed until it came.',
    },
    {
      by: user('Rosa Delgado'),
      staff: [{ kind: 'provider' as const, id: provider('Dr. Owen Park').id }],
      touchpoint: 'visit',
      story:
        'Dr. Park stayed after clinic to see a worried dad whose son’s rash had spread, so they ' +
        'did not have to spend the evening at urgent care.',
    },
    {
      by: user('Ben Carter'),
      staff: [{ kind: 'user' as const, id: user('Rosa Delgado').id }],
      touchpoint: 'check-in',
      story:
        'A patient came on the wrong day. Rosa found a cancellation and fit her in within the ' +
        'hour, which saved her a second trip.',
    },
  ]
  return told.map(({ by, ...rest }, i) => {
    const at = start + Math.floor(((now.getTime() - start) * (i + 1)) / (told.length + 1))
    return Submission.parse({
      ...rest,
      id: makeId(at),
      week,
      submittedBy: by.id,
      submittedAt: new Date(at).toISOString(),
    })
  })
}
