import { plainText } from '../../domain/plain-text'
import { ConnectorError } from './connector'
import type { ConnectorContext } from './connector'

/** What a site answered: its status, headers and JSON body (undefined when it sent none). */
export interface SiteAnswer {
  status: number
  headers: Headers
  body: unknown
}

/** How many times one call is tried when the site says "later" (429, 5xx) before giving up. */
export const maxAttempts = 4
/** The longest one wait may be, whatever `Retry-After` asks: a sync must end within its run. */
export const maxWaitMilliseconds = 60_000

/**
 * One HTTP call to a site. A network failure becomes `unavailable`; the body is read as JSON when
 * it is JSON, and ignored otherwise (an HTML error page from a proxy is not a crash).
 */
export async function callSite(
  context: ConnectorContext,
  site: string,
  url: string,
  init: RequestInit,
): Promise<SiteAnswer> {
  let res: Response
  try {
    res = await context.fetch(url, { ...init, signal: AbortSignal.timeout(30_000) })
  } catch {
    throw new ConnectorError('unavailable', `${site} did not answer. The next sync tries again.`)
  }
  const text = await res.text().catch(() => '')
  let body: unknown
  try {
    body = text ? JSON.parse(text) : undefined
  } catch {
    body = undefined
  }
  return { status: res.status, headers: res.headers, body }
}

/**
 * The wait a `Retry-After` header asks for (seconds or an HTTP date), or `fallback` without one;
 * never more than `maxWaitMilliseconds`.
 */
export function retryAfter(headers: Headers, fallback: number, now = Date.now()): number {
  const value = headers.get('retry-after')?.trim()
  let wait = fallback
  if (value && /^\d+$/.test(value)) wait = Number(value) * 1000
  else if (value && !Number.isNaN(Date.parse(value))) wait = Math.max(0, Date.parse(value) - now)
  return Math.min(wait, maxWaitMilliseconds)
}

/** The exponential wait before attempt `attempt + 1` when the site gave no `Retry-After`. */
export const backoff = (attempt: number) => Math.min(500 * 2 ** attempt, maxWaitMilliseconds)

/** What a connector makes of one answer: the value, a wait and another try, or a failure. */
export type Verdict<T> =
  { ok: T } | { retryAfter: number; error: ConnectorError } | { error: ConnectorError }

/**
 * Call until the verdict is a value or a failure, waiting as asked between tries, at most
 * `maxAttempts` times; the last "later" becomes its error.
 *
 * @example
 * const page = await withRetries(context, () => callSite(...), (answer) => ({ ok: answer.body }))
 */
export async function withRetries<T>(
  context: ConnectorContext,
  call: () => Promise<SiteAnswer>,
  judge: (answer: SiteAnswer, attempt: number) => Verdict<T> | Promise<Verdict<T>>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const verdict = await judge(await call(), attempt)
    if ('ok' in verdict) return verdict.ok
    if (!('retryAfter' in verdict) || attempt + 1 >= maxAttempts) throw verdict.error
    await context.sleep(verdict.retryAfter)
  }
}

/** The newer of two ISO instants (either may be absent). */
export function newerOf(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b
  if (!b) return a
  return Date.parse(a) >= Date.parse(b) ? a : b
}

/** An instant as the table stores it (`toISOString`), or undefined when it is not one. */
export function isoInstant(value: unknown): string | undefined {
  if (typeof value !== 'string' || !rfc3339.test(value)) return undefined
  // Graph writes offsets without a colon (`+0000`), which not every parser reads.
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString()
}

const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/

/** Text from a site, cleaned (`plainText`) and cut to what a stored review holds. */
export function siteText(value: unknown, max: number): string {
  return typeof value === 'string' ? plainText(value).trim().slice(0, max) : ''
}

/** A link from a site when it is an http(s) URL a review can carry; undefined otherwise. */
export function siteUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined
  } catch {
    return undefined
  }
}

/**
 * The words every site's failures share, built once so each connector says them the same way
 * (and the Lambda bundle holds them once).
 */
export const said = {
  down: (site: string) =>
    new ConnectorError(
      'unavailable',
      `${site} did not answer properly. The next sync tries again.`,
    ),
  slowDown: (site: string) =>
    new ConnectorError(
      'rate-limited',
      `${site} asked us to slow down and kept refusing. The next sync tries again.`,
    ),
  refused: (site: string, status: number) =>
    new ConnectorError('unavailable', `${site} refused the request (HTTP ${status}).`),
  reconnect: (site: string, why: string) =>
    new ConnectorError('reconnect', `${why} Reconnect ${site} in Settings → Review sites.`),
  unknown: (site: string, what: string) =>
    new ConnectorError(
      'not-found',
      `${site} does not know this ${what}. Check it in Settings → Review sites.`,
    ),
}
