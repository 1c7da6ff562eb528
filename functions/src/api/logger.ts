import pino, { type DestinationStream, type Logger } from 'pino'
import { errorFacts } from './error-facts'

/**
 * JSON logs to stdout (CloudWatch in AWS). The app only ever logs ids, routes, statuses and timings.
 * An error logged under `err` keeps only its class and frames (its message may quote a request), and
 * the redaction list is the second line of defence if someone logs an object carelessly.
 *
 * @example
 * const logger = createLogger('info')
 * logger.error({ err }, 'unhandled error') // {"err":{"class":"TypeError","frames":[…]}, …}
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'touchpoint-api' },
      serializers: { err: loggedError, error: loggedError },
      redact: {
        paths: [
          '*.email',
          '*.password',
          '*.phone',
          '*.token',
          '*.text',
          '*.comment',
          '*.answers',
          '*.message',
          '*.stack',
          '*.ownerName',
          '*.displayName',
          '*.patientName',
          // Review sites' credentials (domain/reviews/sources.ts), should one ever be logged.
          '*.apiKey',
          '*.clientId',
          '*.clientSecret',
          '*.refreshToken',
          '*.pageAccessToken',
          '*.accessToken',
          'req.headers.cookie',
          'req.headers.authorization',
          '*.headers["x-csrf-token"]',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  )
}

/** Errors logged raw are reduced to their facts; facts already reduced pass as they are. */
function loggedError(value: unknown) {
  const facts = value as { class?: unknown; frames?: unknown } | null
  if (!(value instanceof Error) && typeof facts?.class === 'string' && Array.isArray(facts.frames))
    return { class: facts.class, frames: facts.frames.filter((f) => typeof f === 'string') }
  return errorFacts(value)
}
