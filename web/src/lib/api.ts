/**
 * The one client for Touchpoint's HTTP API. Every call goes through `request`, which sends the
 * session cookie, JSON bodies and the CSRF token, and turns problem+json answers into `ApiError`s
 * that forms can show beside their fields.
 *
 * @example
 * import * as api from '$lib/api'
 * const { items } = await api.locations.list()
 */

export type Role = 'owner' | 'manager' | 'staff' | 'committee'
export type Ability =
  | 'practice:read'
  | 'practice:manage'
  | 'surveys:manage'
  | 'team:manage'
  | 'outbox:read'
  | 'boards:facilitate'
export type InvitableRole = Exclude<Role, 'owner'>
export type Language = 'en' | 'es'
export type MailMode = 'outbox' | 'ses'

export interface Config {
  mailMode: MailMode
  languages: Language[]
  specialties: string[]
  minPasswordLength: number
  /** Whether "Explore a demo practice" is offered (off in AWS deployments). */
  allowDemo: boolean
}

export interface Practice {
  id: string
  name: string
  specialty: string
  timeZone: string
  languages: Language[]
  reviewLinks: ReviewLink[]
  /** Below this many answers the dashboard says "not enough responses yet". */
  minimumResponses: number
  createdAt: string
}

export type ReviewSite =
  'google' | 'yelp' | 'facebook' | 'healthgrades' | 'zocdoc' | 'vitals' | 'other'
export interface ReviewLink {
  site: ReviewSite
  url: string
}

export interface Me {
  user: { id: string; name: string; email: string }
  role: Role
  /** What this person may do (the server checks every request regardless). */
  abilities: Ability[]
  practice: Practice
  csrfToken: string
}

export interface Location {
  id: string
  name: string
  address: string
}

export interface Provider {
  id: string
  name: string
  title: string
  locationIds: string[]
}

export interface Member {
  id: string
  name: string
  email: string
  role: Role
  createdAt: string
}

export interface Invitation {
  id: string
  email: string
  role: InvitableRole
  status: 'pending' | 'accepted' | 'revoked' | 'expired'
  invitedBy: string
  createdAt: string
  expiresAt: string
}

export interface Team {
  members: Member[]
  invitations: Invitation[]
}

export interface JoinPreview {
  practiceName: string
  email: string
  role: InvitableRole
  expiresAt: string
}

export interface OutboxMessage {
  id: string
  to: string
  subject: string
  text: string
  link?: string
  createdAt: string
}

export interface FieldError {
  field: string
  message: string
}

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

type Fetch = typeof fetch
/** Pass the `fetch` a SvelteKit `load` receives, so the framework can track the request. */
export interface RequestOptions {
  fetch?: Fetch
  /** A CSRF token other than the session's for this write (a board guest's). */
  csrf?: string
}

let csrfToken: string | null = null
let onUnauthenticated: (() => void) | null = null

/** Called by the session whenever the signed-in user changes; sent on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

/** Lets the session notice a 401 (an expired or revoked session) from any call. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler
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
      const body = (await response.json()) as Partial<{
        title: string
        detail: string
        field: string
        errors: FieldError[]
        requestId: string
      }>
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

async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  const token = options.csrf ?? csrfToken
  if (method !== 'GET' && token) headers['x-csrf-token'] = token
  const doFetch = options.fetch ?? fetch
  let response: Response
  try {
    response = await doFetch(path, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
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
    if (error.status === 401) onUnauthenticated?.()
    throw error
  }
  if (response.status === 204) return undefined as T
  // JSON is parsed; any other answer (a board's Markdown export) comes back as text.
  const type = response.headers.get('content-type') ?? ''
  return (type.includes('json') ? await response.json() : await response.text()) as T
}

// Exported for the area clients beside this file (e.g. `api-surveys.ts`), which add their routes
// with the same cookie, CSRF and problem handling.
export const get = <T>(path: string, options?: RequestOptions) =>
  request<T>('GET', path, undefined, options)
export const post = <T>(path: string, body: unknown, options?: RequestOptions) =>
  request<T>('POST', path, body, options)
export const put = <T>(path: string, body: unknown) => request<T>('PUT', path, body)
export const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body)
export const del = (path: string) => request<void>('DELETE', path)
export const id = (value: string) => encodeURIComponent(value)

export const config = {
  get: (options?: RequestOptions) => get<Config>('/api/config', options),
}

export interface NewPractice {
  practiceName: string
  specialty: string
  timeZone: string
  ownerName: string
  email: string
  password: string
}

export const practices = {
  /** Creates a practice and its owner, and signs the owner in. */
  create: (body: NewPractice) => post<Me>('/api/practices', body),
}

export const practice = {
  update: (
    body: Partial<
      Pick<Practice, 'name' | 'specialty' | 'timeZone' | 'languages' | 'minimumResponses'>
    >,
  ) => patch<Practice>('/api/practice', body),
}

export const session = {
  me: (options?: RequestOptions) => get<Me>('/api/me', options),
  signIn: (body: { email: string; password: string }) => post<Me>('/api/session', body),
  signOut: () => del('/api/session'),
}

export const locations = {
  list: (options?: RequestOptions) => get<{ items: Location[] }>('/api/locations', options),
  create: (body: { name: string; address?: string }) => post<Location>('/api/locations', body),
  update: (locationId: string, body: { name?: string; address?: string }) =>
    patch<Location>(`/api/locations/${id(locationId)}`, body),
  remove: (locationId: string) => del(`/api/locations/${id(locationId)}`),
}

export interface ProviderInput {
  name: string
  title?: string
  locationIds?: string[]
}

export const providers = {
  list: (options?: RequestOptions) => get<{ items: Provider[] }>('/api/providers', options),
  create: (body: ProviderInput) => post<Provider>('/api/providers', body),
  update: (providerId: string, body: Partial<ProviderInput>) =>
    patch<Provider>(`/api/providers/${id(providerId)}`, body),
  remove: (providerId: string) => del(`/api/providers/${id(providerId)}`),
}

export const team = {
  get: (options?: RequestOptions) => get<Team>('/api/team', options),
  changeRole: (userId: string, role: InvitableRole) =>
    patch<Member>(`/api/team/${id(userId)}`, { role }),
  remove: (userId: string) => del(`/api/team/${id(userId)}`),
}

export const invitations = {
  create: (body: { email: string; role: InvitableRole }) =>
    post<{ invitation: Invitation; link: string }>('/api/invitations', body),
  withdraw: (invitationId: string) => del(`/api/invitations/${id(invitationId)}`),
  /** A new link (the old one stops working) and a new expiry; e-mailed again. */
  renew: (invitationId: string) =>
    post<{ invitation: Invitation; link: string }>(
      `/api/invitations/${id(invitationId)}/renew`,
      {},
    ),
}

export const join = {
  preview: (token: string) => post<JoinPreview>('/api/join/preview', { token }),
  accept: (body: { token: string; name: string; password: string }) => post<Me>('/api/join', body),
}

export const outbox = {
  list: (options?: RequestOptions) => get<{ items: OutboxMessage[] }>('/api/outbox', options),
}
