import type { FieldError, Problem } from '$contract'

/**
 * The one HTTP client of the web app: every call to the API (staff pages, the patient page, a
 * board) goes through a client made here. It sends JSON with the cookie of this origin, the CSRF
 * token on writes, and turns problem+json answers into `ApiError`s that forms show beside their
 * fields. It imports nothing else of the app, so the patient page can use it and stay small.
 *
 * @example
 * const client = createClient({ csrf: () => session.csrfToken })
 * const me = await client.get<Me>('/api/me')
 * await client.post<Survey>('/api/surveys', { templateId: 'visit-pulse' }) // x-csrf-token sent
 */

export type { FieldError }

/** A problem+json answer (or a network failure, with status 0). */
export class ApiError extends Error {
  readonly status: number
  readonly title: string
  readonly detail: string
  readonly field: string | undefined
  readonly errors: FieldError[] | undefined
  readonly requestId: string | undefined
  /** From the Retry-After header of a 429. */
  readonly retryAfterSeconds: number | undefined

  constructor(problem: {
    status: number
    title: string
    detail?: string | undefined
    field?: string | undefined
    errors?: FieldError[] | undefined
    requestId?: string | undefined
    retryAfterSeconds?: number | undefined
  }) {
    super(problem.detail || problem.title)
    this.name = 'ApiError'
    this.status = problem.status
    this.title = problem.title
    this.detail = problem.detail ?? ''
    this.field = problem.field
    this.errors = problem.errors
    this.requestId = problem.requestId
    this.retryAfterSeconds = problem.retryAfterSeconds
  }
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

/** Per call: a SvelteKit `load`'s `fetch` (so the framework tracks the request), or a deadline. */
export interface RequestOptions {
  fetch?: typeof fetch
  signal?: AbortSignal
}

export interface ClientOptions {
  /** The CSRF token to send on writes, read at each call (it changes with who is signed in). */
  csrf: () => string | null | undefined
  /** The `fetch` calls use unless they pass their own (default: the global one). */
  fetch?: typeof fetch
  /** Told of every 401, e.g. so the session notices it has expired. */
  onUnauthenticated?: () => void
}

export interface Client {
  /**
   * One call. JSON answers are parsed, other answers (a Markdown export) come back as text, 204
   * as undefined. Throws `ApiError` for an error answer or no answer at all.
   */
  request<T>(method: Method, path: string, body?: unknown, options?: RequestOptions): Promise<T>
  get<T>(path: string, options?: RequestOptions): Promise<T>
  post<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>
  put<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>
  patch<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>
  del(path: string, options?: RequestOptions): Promise<void>
}

const statusTitles: Record<number, string> = {
  400: 'Please check the form',
  401: 'Please sign in',
  403: 'You do not have access to this',
  404: 'Not found',
  409: 'That conflicts with something that already exists',
  410: 'This is no longer available',
  429: 'Too many attempts',
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get('retry-after'))
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined
  const fallbackTitle = statusTitles[response.status] ?? 'Something went wrong'
  const type = response.headers.get('content-type') ?? ''
  if (type.includes('json')) {
    try {
      // Checked field by field: a proxy or an older server may answer with another shape.
      const body = (await response.json()) as Partial<Problem>
      return new ApiError({
        status: response.status,
        title: typeof body.title === 'string' ? body.title : fallbackTitle,
        detail: typeof body.detail === 'string' ? body.detail : undefined,
        field: typeof body.field === 'string' ? body.field : undefined,
        errors: Array.isArray(body.errors) ? body.errors : undefined,
        requestId: typeof body.requestId === 'string' ? body.requestId : undefined,
        retryAfterSeconds,
      })
    } catch {
      // A body that is not JSON after all: fall through to the generic error.
    }
  }
  return new ApiError({ status: response.status, title: fallbackTitle, retryAfterSeconds })
}

/** A client with its own CSRF token: the staff session's, a board guest's, or none (patients). */
export function createClient(options: ClientOptions): Client {
  async function request<T>(
    method: Method,
    path: string,
    body?: unknown,
    call: RequestOptions = {},
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (body !== undefined) headers['content-type'] = 'application/json'
    const token = method === 'GET' ? null : options.csrf()
    if (token) headers['x-csrf-token'] = token
    const doFetch = call.fetch ?? options.fetch ?? fetch
    let response: Response
    try {
      response = await doFetch(path, {
        method,
        credentials: 'same-origin',
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        ...(call.signal && { signal: call.signal }),
      })
    } catch {
      throw new ApiError({
        status: 0,
        title: 'Touchpoint cannot be reached',
        detail: 'Check your connection and try again.',
      })
    }
    if (!response.ok) {
      const error = await toApiError(response)
      if (error.status === 401) options.onUnauthenticated?.()
      throw error
    }
    if (response.status === 204) return undefined as T
    const type = response.headers.get('content-type') ?? ''
    return (type.includes('json') ? await response.json() : await response.text()) as T
  }

  return {
    request,
    get: <T>(path: string, call?: RequestOptions) => request<T>('GET', path, undefined, call),
    post: <T>(path: string, body: unknown, call?: RequestOptions) =>
      request<T>('POST', path, body, call),
    put: <T>(path: string, body: unknown, call?: RequestOptions) =>
      request<T>('PUT', path, body, call),
    patch: <T>(path: string, body: unknown, call?: RequestOptions) =>
      request<T>('PATCH', path, body, call),
    del: (path: string, call?: RequestOptions) => request<void>('DELETE', path, undefined, call),
  }
}
