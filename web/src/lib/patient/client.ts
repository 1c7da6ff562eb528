import type { Receipt, Submission as SubmissionBody } from '$contract'
import { ApiError, createClient } from '../api-client'
import type { Answers, Language, PublicSurvey, Visit } from './types'

/**
 * The patient page's calls to its two public routes. It is not `$lib/api`: patients have no
 * session, no CSRF token and no use for the staff client, and every byte counts on their phones;
 * it shares only the one HTTP client. Each call answers with an outcome the page can show, never
 * a thrown error.
 */

export type LoadOutcome =
  | { kind: 'ok'; survey: PublicSurvey }
  /** No survey has this link (404), or it is malformed (400): most likely mistyped. */
  | { kind: 'unknown' }
  /** A draft not yet published, or an archived survey (410): it exists but takes no answers. */
  | { kind: 'closed' }
  /** No connection, or the server failed: worth trying again. */
  | { kind: 'unreachable' }

/** What the page sends: the API's `Submission`, always with the version answered. */
export interface Submission extends SubmissionBody, Visit {
  language: Language
  answers: Answers
  /** The version answered, so answers kept through a republish are checked against it. */
  version: number
}

export type SendOutcome =
  | { kind: 'sent'; id: string; submittedAt: string }
  | { kind: 'offline' }
  /**
   * 400: the questions whose answers the server refused, from every `errors[].field` of the
   * problem that reads `answers.<id>` (or its `field` alone, from an older server); empty when it
   * named none (another field, such as the language).
   */
  | { kind: 'invalid'; questionIds: string[] }
  | { kind: 'closed' }
  | { kind: 'busy'; retryAfterSeconds: number }
  | { kind: 'failed' }

/** A request that hangs on a poor connection counts as offline; the same key makes retrying safe. */
const sendTimeoutMs = 20_000

/** Patients have no session: no CSRF token, and a 401 means nothing to sign in to. */
const client = createClient({ csrf: () => null })

const path = (surveyId: string) => `/api/public/surveys/${encodeURIComponent(surveyId)}`

/**
 * The survey as this link serves it: a link that names its provider is not asked "Who did you
 * see today?", so the provider goes along.
 */
export async function loadSurvey(
  surveyId: string,
  fetcher: typeof fetch,
  visit: Visit = {},
): Promise<LoadOutcome> {
  const query = visit.provider ? `?provider=${encodeURIComponent(visit.provider)}` : ''
  try {
    return {
      kind: 'ok',
      survey: await client.get<PublicSurvey>(`${path(surveyId)}${query}`, { fetch: fetcher }),
    }
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
      return { kind: 'unknown' }
    }
    if (error instanceof ApiError && error.status === 410) return { kind: 'closed' }
    // Offline, or an answer that is not JSON: either way, trying again is the remedy.
    return { kind: 'unreachable' }
  }
}

export async function sendAnswers(surveyId: string, body: Submission): Promise<SendOutcome> {
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(), sendTimeoutMs)
  try {
    const receipt = await client.post<Partial<Receipt> | undefined>(
      `${path(surveyId)}/responses`,
      body,
      { signal: abort.signal },
    )
    return { kind: 'sent', id: receipt?.id ?? '', submittedAt: receipt?.submittedAt ?? '' }
  } catch (error) {
    if (!(error instanceof ApiError)) {
      // Stored (the status said so) even if the body was cut short.
      return { kind: 'sent', id: '', submittedAt: '' }
    }
    return refused(error)
  } finally {
    clearTimeout(timer)
  }
}

function refused(error: ApiError): SendOutcome {
  if (error.status === 0) return { kind: 'offline' }
  // The survey opened, so it exists: archived (or unpublished) since.
  if (error.status === 404 || error.status === 410) return { kind: 'closed' }
  if (error.status === 429)
    return { kind: 'busy', retryAfterSeconds: error.retryAfterSeconds ?? 30 }
  if (error.status === 400) return { kind: 'invalid', questionIds: refusedQuestions(error) }
  return { kind: 'failed' }
}

/** The question ids a 400 names, in order, once each. */
function refusedQuestions(error: ApiError): string[] {
  const fields = error.errors?.map((entry) => entry.field) ?? (error.field ? [error.field] : [])
  const ids = fields.flatMap((field) => /^answers\.([^.]+)/.exec(field)?.[1] ?? [])
  return [...new Set(ids)]
}
