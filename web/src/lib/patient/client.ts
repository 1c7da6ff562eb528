import type { Answers, Language, PublicSurvey, Visit } from './types'

/**
 * The patient page's own client for its two public routes. It is not `$lib/api`: patients have no
 * session, no CSRF token and no use for the staff client's types, and every byte counts on their
 * phones. Each call answers with an outcome the page can show, never a thrown error.
 */

export type LoadOutcome =
  | { kind: 'ok'; survey: PublicSurvey }
  /** Unknown, unpublished or archived (404), or a malformed link (400). */
  | { kind: 'closed' }
  /** No connection, or the server failed: worth trying again. */
  | { kind: 'unreachable' }

export interface Submission extends Visit {
  idempotencyKey: string
  language: Language
  answers: Answers
  /** The version answered, so answers kept through a republish are checked against it. */
  version: number
}

export type SendOutcome =
  | { kind: 'sent'; id: string; submittedAt: string }
  | { kind: 'offline' }
  /** 400: `questionId` is the question the server refused (from `field: answers.<id>`). */
  | { kind: 'invalid'; questionId: string | null }
  | { kind: 'closed' }
  | { kind: 'busy'; retryAfterSeconds: number }
  | { kind: 'failed' }

/** A request that hangs on a poor connection counts as offline; the same key makes retrying safe. */
const sendTimeoutMs = 20_000

const path = (surveyId: string) => `/api/public/surveys/${encodeURIComponent(surveyId)}`

export async function loadSurvey(surveyId: string, fetcher: typeof fetch): Promise<LoadOutcome> {
  try {
    const response = await fetcher(path(surveyId), { headers: { accept: 'application/json' } })
    if (response.ok) return { kind: 'ok', survey: (await response.json()) as PublicSurvey }
    if (response.status === 404 || response.status === 400) return { kind: 'closed' }
  } catch {
    // Offline, or an answer that is not JSON: either way, trying again is the remedy.
  }
  return { kind: 'unreachable' }
}

export async function sendAnswers(surveyId: string, body: Submission): Promise<SendOutcome> {
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(), sendTimeoutMs)
  let response: Response
  try {
    response = await fetch(`${path(surveyId)}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: abort.signal,
    })
  } catch {
    return { kind: 'offline' }
  } finally {
    clearTimeout(timer)
  }
  if (response.status === 200 || response.status === 201) {
    try {
      const receipt = (await response.json()) as { id: string; submittedAt: string }
      return { kind: 'sent', ...receipt }
    } catch {
      // Stored (the status says so) even if the body was cut short.
      return { kind: 'sent', id: '', submittedAt: '' }
    }
  }
  if (response.status === 404) return { kind: 'closed' }
  if (response.status === 429) {
    const wait = Number(response.headers.get('retry-after'))
    return { kind: 'busy', retryAfterSeconds: Number.isFinite(wait) && wait > 0 ? wait : 30 }
  }
  if (response.status === 400) {
    let field: unknown
    try {
      field = ((await response.json()) as { field?: unknown }).field
    } catch {
      field = undefined
    }
    const match = typeof field === 'string' ? /^answers\.(.+)$/.exec(field) : null
    return { kind: 'invalid', questionId: match?.[1] ?? null }
  }
  return { kind: 'failed' }
}
