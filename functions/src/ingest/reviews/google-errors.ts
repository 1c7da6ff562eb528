import { ConnectorError } from './connector'
import { said } from './site-call'

/** Google's error body: `{error: {code, message, status, details}}`. */
export interface GoogleErrorBody {
  error?: {
    code?: number
    message?: string
    status?: string
    details?: { '@type'?: string; reason?: string; metadata?: Record<string, string> }[]
  }
}

/** Where a Cloud project applies for Business Profile API access (Google's limits page). */
export const googleAccessApplication = 'https://support.google.com/business/contact/api_default'

export const googleQuotaZeroMessage =
  `Google has not granted this project API access yet (quota 0): apply at ${googleAccessApplication} ` +
  'and sync again once approved.'

/**
 * Whether a refusal means the project has no access at all rather than "too fast": Google's limits
 * page says a quota of 0 means access was not granted ("Don't request a quota increase. Instead,
 * submit the Application For Basic API Access"). It arrives as 429/403 RESOURCE_EXHAUSTED with
 * `quota_limit_value: "0"`, or as 403 when the API is not enabled for the project.
 */
function isQuotaZero(status: number, body: GoogleErrorBody | undefined): boolean {
  const error = body?.error
  if (!error) return false
  const zeroLimit = (error.details ?? []).some(
    (detail) => detail.metadata?.quota_limit_value === '0',
  )
  if ((status === 429 || status === 403) && zeroLimit) return true
  const notEnabled = (error.details ?? []).some(
    (detail) => detail.reason === 'SERVICE_DISABLED' || detail.reason === 'ACCESS_NOT_CONFIGURED',
  )
  return (
    status === 403 &&
    (notEnabled ||
      /has not been used in project|is disabled|not been approved/i.test(error.message ?? ''))
  )
}

/**
 * A Business Profile API refusal as a `ConnectorError` in the manager's words. The site's own
 * message is not repeated: it may name the project or the consumer.
 */
export function googleError(status: number, body: GoogleErrorBody | undefined): ConnectorError {
  if (isQuotaZero(status, body)) return new ConnectorError('quota', googleQuotaZeroMessage)
  if (status === 401) return said.reconnect('Google', 'Google refused the saved sign-in.')
  if (status === 403) {
    return said.reconnect(
      'Google',
      'Google refused access: sign in as an owner or manager of the Business Profile.',
    )
  }
  if (status === 404) return said.unknown('Google', 'location')
  if (status === 429) return said.slowDown('Google')
  if (status >= 500) return said.down('Google')
  return said.refused('Google', status)
}

/**
 * A refusal of the OAuth token endpoint: `invalid_grant` is a refresh token that expired or was
 * revoked (apps in "Testing" lose theirs after 7 days), `invalid_client` a wrong client id or
 * secret. Both need the manager to reconnect.
 */
export function googleTokenError(status: number, body: unknown): ConnectorError {
  const code = (body as { error?: unknown } | undefined)?.error
  if (code === 'invalid_grant') {
    return said.reconnect('Google', 'Google says the refresh token has expired or was revoked.')
  }
  if (code === 'invalid_client' || status === 400 || status === 401) {
    return said.reconnect('Google', 'Google refused the OAuth client id or secret.')
  }
  if (status === 429) return said.slowDown('Google')
  return said.down('Google')
}
