import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { themes } from '../../../workshops'
import type { Evidence } from '../domain/boards/apply'
import type { NoteSource } from '../domain/boards/board'
import { dayOf } from '../domain/calendar'
import { commentParts, quoteSeparator } from '../domain/comment-text'
import { monthsBetween } from '../domain/periods'
import type { Practice } from '../domain/practice'
import { redactQuote } from '../domain/redact'
import { staffNames } from './staff-names'
import { SurveyResponse, type SentimentLabel, type SurveyVersion } from '../domain/survey-records'
import { fold } from '../domain/themes'
import type { Db } from './db'
import { fromItem } from './items'
import * as keys from './keys'
import * as practices from './practices'
import { resolveReviewEvidence, searchReviews } from './review-evidence'
import * as surveys from './surveys'

/**
 * Patients' own words for a workshop: survey comments and review-site reviews of one practice,
 * found for the evidence panel and resolved again (by the hub) when one is dropped on a board as a quote. Whatever leaves
 * here is redacted (e-mail addresses, phone numbers, dates) and at most a note long.
 */

/** A search looks back this many days. */
const lookBackDays = 365
/**
 * A search reads at most this many of the newest commented responses (after the theme and
 * sentiment filters the table applies): the panel wants recent voices, and the cost of a search
 * must not grow with a practice's history.
 */
export const evidenceScanLimit = 2000
/** A quote is a note, and a note holds at most this many characters. */
const maxQuoteLength = 500

const themeTouchpoint = new Map(themes.map((theme) => [theme.id, theme.touchpoint]))

export interface EvidenceFilter {
  /** Words that must all appear (as the start of a word), case and accents aside. */
  q?: string | undefined
  theme?: string | undefined
  touchpoint?: string | undefined
  sentiment?: SentimentLabel | undefined
  limit: number
}

type PracticeRef = Pick<Practice, 'id' | 'timeZone'>

/**
 * The practice's survey comments of the last twelve months matching every filter, newest first.
 *
 * @example
 * const items = await search(db, practice, { q: 'wait', sentiment: 'negative', limit: 20 })
 * items[0]?.source.id // '2026-11.01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B'
 */
export async function search(
  db: Db,
  practice: PracticeRef,
  filter: EvidenceFilter,
  now = new Date(),
): Promise<Evidence[]> {
  const from = new Date(now.getTime() - lookBackDays * 86400_000)
  const words = (filter.q ?? '')
    .split(/[^\p{L}\p{N}]+/u)
    .map(fold)
    .filter(Boolean)
  const versionOf = versionReader(db, practice.id)
  const keep = await staffNames(db, practice.id)
  const [comments, reviews] = await Promise.all([
    searchComments(),
    searchReviews(
      db,
      practice,
      from,
      { ...filter, matches: (text) => matchesWords(text, words) },
      keep,
      now,
    ),
  ])
  // Both lists are newest first; together, still newest first (response and review ids are
  // ULIDs of when they were written, after the month), and no longer than asked.
  const written = (evidence: Evidence) => evidence.source.id.split('.')[1] ?? ''
  return [...comments, ...reviews]
    .sort((a, b) => (written(a) < written(b) ? 1 : written(a) > written(b) ? -1 : 0))
    .slice(0, filter.limit)

  async function searchComments(): Promise<Evidence[]> {
    const found: Evidence[] = []
    let scanned = 0
    for (const month of monthsBetween(from, now, practice.timeZone)) {
      let ExclusiveStartKey: Record<string, unknown> | undefined
      do {
        const page = await db.client.send(
          new QueryCommand({
            TableName: db.table,
            ...commentQuery(practice.id, month, from, filter),
            ScanIndexForward: false,
            ExclusiveStartKey,
            Limit: 200,
          }),
        )
        for (const item of page.Items ?? []) {
          if (scanned++ >= evidenceScanLimit) return found
          const response = fromItem(SurveyResponse, item)
          const version = await versionOf(response)
          const evidence = evidenceOf(response, month, version, practice.timeZone, keep)
          if (!evidence) continue
          if (filter.touchpoint && !evidence.source.touchpointIds.includes(filter.touchpoint))
            continue
          if (!matchesWords(evidence.text, words)) continue
          found.push(evidence)
          if (found.length >= filter.limit) return found
        }
        ExclusiveStartKey = page.LastEvaluatedKey
      } while (ExclusiveStartKey)
    }
    return found
  }
}

/** `<month>.<response or review id>`: the month names the partition the item is stored in. */
const sourceId = /^(\d{4}-\d{2})\.([0-9A-HJKMNP-TV-Z]{26})$/

/**
 * The redacted words and origin of one comment of this practice, for a quote note; undefined when
 * the id is not one of this practice's commented responses. The key is built from the practice's
 * own partition, so another practice's id finds nothing.
 *
 * @example
 * const evidence = await resolveEvidence(db, practiceId, { kind: 'response', id: source.id })
 */
export async function resolveEvidence(
  db: Db,
  practice: string | PracticeRef,
  source: { kind: string; id: string },
): Promise<Evidence | undefined> {
  if (source.kind !== 'response' && source.kind !== 'review') return undefined
  const match = sourceId.exec(source.id)
  if (!match) return undefined
  const [, month, responseId] = match as unknown as [string, string, string]
  const owner = typeof practice === 'string' ? await practices.get(db, practice) : practice
  if (!owner) return undefined
  if (source.kind === 'review') {
    return resolveReviewEvidence(db, owner, month, responseId, await staffNames(db, owner.id))
  }
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.response(owner.id, month, responseId) }),
  )
  if (!Item) return undefined
  const response = fromItem(SurveyResponse, Item)
  const version = await surveys.getVersion(db, owner.id, response.surveyId, response.version)
  return evidenceOf(response, month, version, owner.timeZone, await staffNames(db, owner.id))
}

function commentQuery(practiceId: string, month: string, from: Date, filter: EvidenceFilter) {
  // Responses with free text are the ones that were read for sentiment.
  const conditions = ['attribute_exists(#sentiment)', 'submittedAt >= :from']
  const names: Record<string, string> = { '#sentiment': 'sentiment' }
  const values: Record<string, unknown> = {
    ':pk': keys.responsesOfMonth(practiceId, month),
    ':from': from.toISOString(),
  }
  if (filter.theme) {
    values[':theme'] = filter.theme
    conditions.push('contains(themes, :theme)')
  }
  if (filter.sentiment) {
    names['#label'] = 'label'
    values[':label'] = filter.sentiment
    conditions.push('#sentiment.#label = :label')
  }
  return {
    KeyConditionExpression: 'pk = :pk',
    FilterExpression: conditions.join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  }
}

function versionReader(db: Db, practiceId: string) {
  const versions = new Map<string, Promise<SurveyVersion | undefined>>()
  return (response: SurveyResponse) => {
    const key = `${response.surveyId}#${response.version}`
    if (!versions.has(key)) {
      versions.set(key, surveys.getVersion(db, practiceId, response.surveyId, response.version))
    }
    return versions.get(key)!
  }
}

/** A response's comment as a quote: its free-text answers, redacted, with where it came from. */
function evidenceOf(
  response: SurveyResponse,
  month: string,
  version: SurveyVersion | undefined,
  timeZone: string,
  keep: readonly string[],
): Evidence | undefined {
  const parts = commentParts(version?.definition.questions ?? [], response.answers)
  if (parts.length === 0) return undefined
  // Quotes become notes every participant sees, guests included: patients' names go too.
  const text = redactQuote(parts.map((part) => part.text).join(quoteSeparator), { keep })
  const touchpointIds = new Set<string>()
  for (const { question } of parts) if (question.touchpoint) touchpointIds.add(question.touchpoint)
  for (const theme of response.themes ?? []) {
    const touchpoint = themeTouchpoint.get(theme)
    if (touchpoint) touchpointIds.add(touchpoint)
  }
  const source: NoteSource = {
    kind: 'response',
    id: `${month}.${response.id}`,
    date: dayOf(new Date(response.submittedAt), timeZone),
    surveyId: response.surveyId,
    sentiment: response.sentiment?.label ?? null,
    touchpointIds: [...touchpointIds],
  }
  return {
    text: text.length > maxQuoteLength ? `${text.slice(0, maxQuoteLength - 1)}…` : text,
    source,
  }
}

/** Every query word starts some word of the text, case and accents aside. */
function matchesWords(text: string, words: string[]): boolean {
  if (words.length === 0) return true
  const tokens = fold(text).split(/[^\p{L}\p{N}]+/u)
  return words.every((word) => tokens.some((token) => token.startsWith(word)))
}
