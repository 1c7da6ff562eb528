import { createHash } from 'node:crypto'
import { ulid } from 'ulid'
import { checkAnswers } from '../domain/answers'
import type { CommentReader } from '../domain/comment-reading'
import { Gone, Invalid, NotFound } from '../domain/errors'
import { providerOf, Submission } from '../domain/submission'
import { soleProvider } from '../domain/surveys-serving'
import type { SurveyVersion } from '../domain/survey-records'
import type { Db } from '../store/db'
import * as locations from '../store/locations'
import * as practices from '../store/practices'
import * as providers from '../store/providers'
import * as responses from '../store/responses'
import * as surveys from '../store/surveys'
import { commentReader } from './comment-reader'

export { Submission }

/** What a closed link (a draft, or an archived survey) answers, to the page and to a submission. */
export const surveyClosed = 'This survey has closed.'

/**
 * Accepts a submission to a public survey: checks its answers against the version it answered,
 * reads its comment once, and stores it with its counters exactly once per idempotency key (the
 * store's transaction; a replay stores nothing and answers as the first time did).
 *
 * @example
 * const accepted = await acceptSubmission(db, surveyId, submission)
 * accepted.replay // true when this idempotency key was accepted before
 */
export async function acceptSubmission(
  db: Db,
  surveyId: string,
  submission: Submission,
  reader: CommentReader = commentReader,
): Promise<responses.Accepted> {
  const live = await surveys.findPublic(db, surveyId)
  const practice = live && (await practices.get(db, live.practiceId))
  if (!live || !practice) {
    // Answers kept on a phone (or a kiosk's outbox) reach a survey archived meanwhile: say it closed.
    if (!live && (await surveys.isClosedLink(db, surveyId))) throw new Gone(surveyClosed)
    throw new NotFound('survey')
  }
  const answered = await answeredVersion(db, practice.id, live.version, submission.version)
  return acceptAnswers(db, practice, answered, submission, { reader })
}

/** How answers that are not a patient's submission right now (an imported row) are accepted. */
export interface AcceptOptions {
  reader?: CommentReader
  /** When the response was given; a submission's is now, an imported row's is its date. */
  submittedAt?: string
  /** Set for responses imported from another tool (they count like any other). */
  source?: 'import'
  /** The request's hash when the caller has its own (an import row's canonical cells). */
  requestHash?: string
  /** The practice's locations and providers when the caller has read them (an import, once). */
  places?: {
    locations: Awaited<ReturnType<typeof locations.list>>
    providers: Awaited<ReturnType<typeof providers.list>>
  }
}

/**
 * Check answers against the version they answered and store them with their counters exactly once
 * per idempotency key: the one path every response takes, submitted or imported. Wrong answers
 * throw `Invalid` naming each question (never quoting the answer).
 *
 * @example
 * await acceptAnswers(db, practice, live, submission, { submittedAt: '2025-03-14T17:00:00.000Z', source: 'import' })
 */
export async function acceptAnswers(
  db: Db,
  practice: { id: string; timeZone: string },
  answered: SurveyVersion,
  submission: Submission,
  options: AcceptOptions = {},
): Promise<responses.Accepted> {
  const { reader = commentReader } = options
  const surveyId = answered.surveyId
  const checked = checkAnswers(answered.definition, submission.answers)
  if (!checked.ok) {
    const errors = checked.problems.map((p) => ({
      field: `answers.${p.questionId}`,
      message: p.message,
    }))
    throw new Invalid(`${errors[0]!.field}: ${errors[0]!.message}`, errors[0]!.field, errors)
  }
  if (!answered.definition.languages.includes(submission.language)) {
    throw new Invalid('This survey is not offered in that language.', 'language')
  }
  // A poster printed before a location or provider was removed still works; the answers count
  // for the practice, just not for the place that is gone.
  // The patient's "Who did you see today?" answer stands in when the link named no provider.
  // A practice with one provider was not asked who was seen: the response counts for that one.
  const { places } = options
  const providerId =
    providerOf(answered.definition, submission, checked.answers) ??
    soleProvider(
      answered.definition.questions,
      places?.providers ?? (await soleProviderCandidates(db, practice.id, answered)),
    )
  const [location, provider] = places
    ? [
        places.locations.find((place) => place.id === submission.location),
        places.providers.find((person) => person.id === providerId),
      ]
    : await Promise.all([
        submission.location ? locations.get(db, practice.id, submission.location) : undefined,
        providerId ? providers.get(db, practice.id, providerId) : undefined,
      ])
  // Read once, here: the response keeps its sentiment and themes, and its counters count them.
  const comment = await reader.read(answered.definition, checked.answers, submission.language)
  return responses.accept(db, {
    practiceId: practice.id,
    timeZone: practice.timeZone,
    version: answered,
    idempotencyKey: submission.idempotencyKey,
    requestHash: options.requestHash ?? requestHash(submission),
    response: {
      id: ulid(),
      surveyId,
      version: answered.version,
      language: submission.language,
      answers: checked.answers,
      ...(location && { location: location.id }),
      ...(provider && { provider: provider.id }),
      submittedAt: options.submittedAt ?? new Date().toISOString(),
      ...(options.source && { source: options.source }),
      ...(comment && { sentiment: comment.sentiment, themes: [...comment.themes] }),
    },
  })
}

/** The practice's providers, read only when the survey asks who was seen. */
async function soleProviderCandidates(db: Db, practiceId: string, version: SurveyVersion) {
  const asks = version.definition.questions.some((question) => question.type === 'provider')
  return asks ? providers.list(db, practiceId) : []
}

/** The version a submission names, which must be published already (the live one or older). */
async function answeredVersion(
  db: Db,
  practiceId: string,
  live: SurveyVersion,
  named: number | undefined,
): Promise<SurveyVersion> {
  if (named === undefined || named === live.version) return live
  const older =
    named < live.version && (await surveys.getVersion(db, practiceId, live.surveyId, named))
  if (!older) throw new Invalid('This survey has no such published version.', 'version')
  return older
}

/**
 * SHA-256 of the submission without its key, over JSON with sorted keys: the same answers sent
 * again hash the same whatever order the phone wrote them in.
 */
export function requestHash({ idempotencyKey: _key, ...request }: Submission): string {
  return createHash('sha256').update(canonicalJson(request)).digest('base64url')
}

/** JSON with sorted keys and without undefined fields, for hashing what a request says. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
