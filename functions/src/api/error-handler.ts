import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Logger } from 'pino'
import { DomainError, Throttled, TooManyRequests } from '../domain/errors'
import type { AppEnv } from './env'
import { errorFacts } from './error-facts'
import { problem } from './problem'

/**
 * The app's one `onError`: a domain error becomes its problem+json with every field it names, a
 * Hono 4xx stays a 4xx, anything else is logged (class and frames only) and answered 500.
 */
export function errorHandler(logger: Logger) {
  return (err: Error, c: Context<AppEnv>) => {
    if (err instanceof DomainError) {
      if (err instanceof TooManyRequests || err instanceof Throttled) {
        c.header('retry-after', String(err.retryAfterSeconds))
      }
      return problem(c, {
        status: err.status,
        code: err.code,
        detail: err.message,
        field: err.field ?? err.errors?.[0]?.field,
        ...(err.errors?.length ? { errors: err.errors } : {}),
      })
    }
    if (err instanceof HTTPException && err.status < 500) {
      // Hono's own 4xx, e.g. a body that is not valid JSON.
      return problem(c, {
        status: err.status,
        code: 'invalid',
        detail: err.message || 'Bad request.',
      })
    }
    // Only the error's class and frames: messages from lower layers may quote request data.
    ;(c.get('log') ?? logger).error({ err: errorFacts(err) }, 'unhandled error')
    return problem(c, {
      status: 500,
      code: 'internal',
      detail: 'Something went wrong on our side.',
    })
  }
}
