/**
 * The staff side's client for Touchpoint's HTTP API, built on `createClient` (`./api-client`):
 * the session cookie, JSON bodies, the signed-in person's CSRF token on writes, and problem+json
 * answers as `ApiError`s that forms can show beside their fields. Its types are the API's own,
 * from `$contract`.
 *
 * @example
 * import * as api from '$lib/api'
 * const { items } = await api.locations.list()
 */

import type {
  ChangePassword,
  Config,
  CreatedInvitation,
  InvitableRole,
  Items,
  JoinBody,
  JoinPreview,
  Location,
  LocationChanges,
  Me,
  Member,
  MemberChanges,
  NewInvitation,
  NewLocation,
  NewPractice,
  NewProvider,
  OutboxMessage,
  PasswordResetConfirm,
  PasswordResetRequest,
  PasswordResetRequested,
  Practice,
  PracticeChanges,
  Provider,
  ProviderChanges,
  SignIn,
  Team,
} from '$contract'
import { createClient, type RequestOptions } from './api-client'

// The API's own types, under the names the pages import them by (`api.Practice`).
export type {
  Ability,
  Config,
  FieldError,
  Invitation,
  InvitableRole,
  JoinPreview,
  Language,
  Location,
  MailMode,
  Me,
  Member,
  NewPractice,
  OutboxMessage,
  Practice,
  Provider,
  ReviewLink,
  ReviewSite,
  Role,
  Specialty,
  Team,
} from '$contract'
/** What adding a provider takes (`title` and `locationIds` have defaults). */
export type ProviderInput = NewProvider
export {
  ApiError,
  createClient,
  type Client,
  type ClientOptions,
  type Method,
  type RequestOptions,
} from './api-client'

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

/** The staff client: the signed-in person's CSRF token, and 401s reported to the session. */
const staff = createClient({
  csrf: () => csrfToken,
  onUnauthenticated: () => onUnauthenticated?.(),
})

// Exported for the area clients beside this file (e.g. `api-surveys.ts`), which add their routes
// with the same cookie, CSRF and problem handling.
export const get = <T>(path: string, options?: RequestOptions) => staff.get<T>(path, options)
export const post = <T>(path: string, body: unknown) => staff.post<T>(path, body)
export const put = <T>(path: string, body: unknown) => staff.put<T>(path, body)
export const patch = <T>(path: string, body: unknown) => staff.patch<T>(path, body)
export const del = (path: string) => staff.del(path)
export const id = (value: string) => encodeURIComponent(value)

export const config = {
  get: (options?: RequestOptions) => get<Config>('/api/config', options),
}

export const practices = {
  /** Creates a practice and its owner, and signs the owner in. */
  create: (body: NewPractice) => post<Me>('/api/practices', body),
}

export const practice = {
  update: (body: PracticeChanges) => patch<Practice>('/api/practice', body),
}

export const session = {
  me: (options?: RequestOptions) => get<Me>('/api/me', options),
  signIn: (body: SignIn) => post<Me>('/api/session', body),
  signOut: () => del('/api/session'),
  /** Ends every session of the signed-in person, this one included. */
  signOutEverywhere: () => post<void>('/api/session/sign-out-everywhere', {}),
  /** Keeps this session; every other one of the person ends. */
  changePassword: (body: ChangePassword) => post<void>('/api/me/password', body),
}

export const passwordReset = {
  /** Always answers the same, whether or not the address has an account. */
  request: (body: PasswordResetRequest) =>
    post<PasswordResetRequested>('/api/password-reset', body),
  confirm: (body: PasswordResetConfirm) => post<void>('/api/password-reset/confirm', body),
}

export const locations = {
  list: (options?: RequestOptions) => get<Items<Location>>('/api/locations', options),
  create: (body: NewLocation) => post<Location>('/api/locations', body),
  update: (locationId: string, body: LocationChanges) =>
    patch<Location>(`/api/locations/${id(locationId)}`, body),
  remove: (locationId: string) => del(`/api/locations/${id(locationId)}`),
}

export const providers = {
  list: (options?: RequestOptions) => get<Items<Provider>>('/api/providers', options),
  create: (body: NewProvider) => post<Provider>('/api/providers', body),
  update: (providerId: string, body: ProviderChanges) =>
    patch<Provider>(`/api/providers/${id(providerId)}`, body),
  remove: (providerId: string) => del(`/api/providers/${id(providerId)}`),
}

export const team = {
  get: (options?: RequestOptions) => get<Team>('/api/team', options),
  changeRole: (userId: string, role: InvitableRole) =>
    patch<Member>(`/api/team/${id(userId)}`, { role }),
  /** Aliases and "don't feature me" (yours, or others' as your role allows). */
  update: (userId: string, body: MemberChanges) => patch<Member>(`/api/team/${id(userId)}`, body),
  remove: (userId: string) => del(`/api/team/${id(userId)}`),
}

export const invitations = {
  create: (body: NewInvitation) => post<CreatedInvitation>('/api/invitations', body),
  withdraw: (invitationId: string) => del(`/api/invitations/${id(invitationId)}`),
  /** A new link (the old one stops working) and a new expiry; e-mailed again. */
  renew: (invitationId: string) =>
    post<CreatedInvitation>(`/api/invitations/${id(invitationId)}/renew`, {}),
}

export const join = {
  preview: (token: string) => post<JoinPreview>('/api/join/preview', { token }),
  accept: (body: JoinBody) => post<Me>('/api/join', body),
}

export const outbox = {
  list: (options?: RequestOptions) => get<Items<OutboxMessage>>('/api/outbox', options),
}
