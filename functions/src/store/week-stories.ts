import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { themes } from '../../../workshops'
import { commentParts } from '../domain/comment-text'
import type { StoryIn } from '../domain/moments/candidates'
import { monthsBetween } from '../domain/periods'
import type { Practice } from '../domain/practice'
import { Review } from '../domain/reviews/review'
import { textLanguage } from '../domain/reviews/text-language'
import { SurveyResponse, type SurveyVersion } from '../domain/survey-records'
import type { Db } from './db'
import { fromItem } from './items'
import * as keys from './keys'
import * as submissions from './moment-submissions'
import * as surveys from './surveys'

/**
 * Everything patients and staff said in one week that could be its customer-experience moment:
 * survey comments, reviews with text, and colleagues' "I saw this happen". A week spans at most
 * two month partitions of each, read with the week's bounds as a filter.
 */

const themeTouchpoint = new Map(themes.map((theme) => [theme.id, theme.touchpoint]))

type PracticeRef = Pick<Practice, 'id' | 'timeZone' | 'languages'>

async function queryPartition(
  db: Db,
  pk: string,
  filter: string,
  values: Record<string, unknown>,
  names: Record<string, string>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: filter,
        // DynamoDB refuses an empty map of names.
        ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: { ':pk': pk, ...values },
        ExclusiveStartKey,
      }),
    )
    items.push(...(page.Items ?? []))
    ExclusiveStartKey = page.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return items
}

/** A response's "how likely to recommend" (0-10) as 0-1, if it has one. */
function ratingOf(
  response: SurveyResponse,
  version: SurveyVersion | undefined,
): number | undefined {
  const nps = version?.definition.questions.find((q) => q.type === 'nps')
  const value = nps ? response.answers[nps.id] : undefined
  return typeof value === 'number' ? value / 10 : undefined
}

async function comments(db: Db, practice: PracticeRef, start: Date, end: Date) {
  const versions = new Map<string, Promise<SurveyVersion | undefined>>()
  const versionOf = (r: SurveyResponse) => {
    const key = `${r.surveyId}#${r.version}`
    if (!versions.has(key))
      versions.set(key, surveys.getVersion(db, practice.id, r.surveyId, r.version))
    return versions.get(key)!
  }
  const stories: StoryIn[] = []
  for (const month of monthsBetween(start, end, practice.timeZone)) {
    const items = await queryPartition(
      db,
      keys.responsesOfMonth(practice.id, month),
      'attribute_exists(#sentiment) AND submittedAt >= :start AND submittedAt < :end',
      { ':start': start.toISOString(), ':end': end.toISOString() },
      { '#sentiment': 'sentiment' },
    )
    for (const item of items) {
      const response = fromItem(SurveyResponse, item)
      const version = await versionOf(response)
      const parts = commentParts(version?.definition.questions ?? [], response.answers)
      if (parts.length === 0) continue
      const touchpoint =
        parts.find((part) => part.question.touchpoint)?.question.touchpoint ??
        (response.themes ?? []).map((t) => themeTouchpoint.get(t)).find(Boolean)
      const rating = ratingOf(response, version)
      stories.push({
        origin: { kind: 'response', id: `${month}.${response.id}` },
        text: parts.map((part) => part.text).join('\n'),
        language: response.language,
        at: response.submittedAt,
        ...(touchpoint ? { touchpoint } : {}),
        ...(rating !== undefined ? { rating } : {}),
      })
    }
  }
  return stories
}

/** Reviews live in UTC-month partitions of when they were written. */
function utcMonths(start: Date, end: Date): string[] {
  const months = new Set<string>()
  for (let at = start.getTime(); at < end.getTime(); at += 86400_000) {
    months.add(new Date(at).toISOString().slice(0, 7))
  }
  months.add(new Date(end.getTime() - 1).toISOString().slice(0, 7))
  return [...months]
}

async function reviewStories(db: Db, practice: PracticeRef, start: Date, end: Date) {
  const stories: StoryIn[] = []
  for (const month of utcMonths(start, end)) {
    const items = await queryPartition(
      db,
      keys.reviewsOfMonth(practice.id, month),
      'removed = :no AND createdAt >= :start AND createdAt < :end',
      { ':no': false, ':start': start.toISOString(), ':end': end.toISOString() },
      {},
    )
    for (const item of items) {
      const review = fromItem(Review, item)
      if (!review.text?.trim()) continue
      const rating =
        review.recommendation !== undefined
          ? review.recommendation === 'positive'
            ? 1
            : 0
          : (review.stars - 1) / 4
      const touchpoint = review.themes.map((t) => themeTouchpoint.get(t)).find(Boolean)
      stories.push({
        origin: { kind: 'review', id: `${month}.${review.id}` },
        text: review.text,
        language: textLanguage(review.text, practice.languages),
        at: review.createdAt,
        rating,
        ...(touchpoint ? { touchpoint } : {}),
      })
    }
  }
  return stories
}

/**
 * The week's stories: comments, reviews and staff submissions, in no particular order.
 *
 * @example
 * const stories = await weekStories(db, practice, '2026-W48', isoWeekRange('2026-W48', practice.timeZone))
 */
export async function weekStories(
  db: Db,
  practice: PracticeRef,
  week: string,
  { start, end }: { start: Date; end: Date },
): Promise<StoryIn[]> {
  const [fromComments, fromReviews, fromStaff] = await Promise.all([
    comments(db, practice, start, end),
    reviewStories(db, practice, start, end),
    submissions.ofWeek(db, practice.id, week),
  ])
  return [
    ...fromComments,
    ...fromReviews,
    ...fromStaff.map((s): StoryIn => ({
      origin: { kind: 'staff', id: `${week}.${s.id}` },
      text: s.story,
      language: textLanguage(s.story, practice.languages),
      at: s.submittedAt,
      staff: s.staff,
      ...(s.touchpoint ? { touchpoint: s.touchpoint } : {}),
    })),
  ]
}
