/**
 * The few errors the domain and store raise. Each has a stable `code` and the HTTP status the API
 * answers with; the API's one error handler turns them into problem+json.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string
  abstract readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 429 | 502 | 503
  /** The request field the error is about, when there is one (named in the problem body). */
  readonly field: string | undefined
  /** Every field with a problem, when there are several (e.g. each wrong answer of a survey). */
  readonly errors: { field: string; message: string }[] | undefined

  constructor(message: string, field?: string, errors?: { field: string; message: string }[]) {
    super(message)
    this.name = new.target.name
    this.field = field
    this.errors = errors
  }
}

export class Invalid extends DomainError {
  readonly code = 'invalid'
  readonly status = 400
}

export class Unauthenticated extends DomainError {
  readonly code = 'unauthenticated'
  readonly status = 401
  constructor(message = 'Sign in to continue.') {
    super(message)
  }
}

/** The session was real but has timed out (idle too long, or signed in too long ago). */
export class SessionExpired extends DomainError {
  readonly code = 'session-expired'
  readonly status = 401
  constructor(message = 'Your session has timed out. Sign in again to continue.') {
    super(message)
  }
}

export class Forbidden extends DomainError {
  readonly code = 'forbidden'
  readonly status = 403
}

export class NotFound extends DomainError {
  readonly code = 'not-found'
  readonly status = 404
  /** The id is for the caller's code; the message never echoes it (nor anything else it was asked). */
  constructor(
    kind: string,
    readonly id?: string,
  ) {
    super(`No such ${kind}.`)
  }
}

export class AlreadyExists extends DomainError {
  readonly code = 'already-exists'
  readonly status = 409
}

export class Gone extends DomainError {
  readonly code = 'gone'
  readonly status = 410
}

export class TooManyRequests extends DomainError {
  readonly code = 'too-many-requests'
  readonly status = 429
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message)
  }
}

export class Unavailable extends DomainError {
  readonly code = 'unavailable'
  readonly status = 503
}

/** The database asked us to slow down (throttling); the caller may retry after a short wait. */
export class Throttled extends DomainError {
  readonly code = 'throttled'
  readonly status = 503
  constructor(readonly retryAfterSeconds = 2) {
    super('The service is busy right now; please try again in a moment.')
  }
}

/** An idempotency key sent again with a different request: the first answer does not fit it. */
export class IdempotencyKeyReused extends DomainError {
  readonly code = 'idempotency-key-reused'
  readonly status = 409
  constructor() {
    super(
      'This idempotency key was already used for a different request; send a new key.',
      'idempotencyKey',
    )
  }
}

/** The request is well formed but the thing's current state refuses it (a locked board, no dots left). */
export class Conflict extends DomainError {
  readonly status = 409
  constructor(
    message: string,
    readonly code: string = 'conflict',
    field?: string,
  ) {
    super(message, field)
  }
}

/**
 * An outside site (a review site's API) refused or failed: 502 when the manager must act
 * (reconnect, quota, error 12), 503 when it is only down or slowing us down. `code` is specific
 * (`review-sync-quota`…), the message is in the manager's words.
 */
export class SiteRefused extends DomainError {
  constructor(
    readonly code: string,
    readonly status: 502 | 503,
    message: string,
  ) {
    super(message)
  }
}
