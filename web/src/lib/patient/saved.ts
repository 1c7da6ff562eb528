import type { Answers, Language, Visit } from './types'

/**
 * Answers kept on the patient's phone (localStorage), one entry per survey version, written as they
 * are given: a closed tab resumes where it was, and answers sent without a connection wait here,
 * with the idempotency key made when the patient first pressed Send, until the server has them.
 * Storage can be blocked or full; then everything still works for as long as the tab is open.
 */
export interface Saved extends Visit {
  surveyId: string
  version: number
  language: Language
  answers: Answers
  /** The question on screen. */
  current: string | null
  /** Made once, at the first Send; every retry (this tab, the `online` event, a later visit) reuses it. */
  idempotencyKey?: string
  /** The answers as sent (skipped ones removed): present while the server has not confirmed them. */
  outgoing?: Answers
  savedAt: string
}

const prefix = 'touchpoint:patient:'

/**
 * A phone may be shared: answers being given are kept for half an hour after the last one, long
 * enough to come back after a call, too short to greet the next person who picks the phone up.
 * Answers waiting for a connection (the patient pressed Send) are kept 30 days, and never shown.
 * Kiosk links (a waiting-room tablet) keep nothing but those: see `outboxKey`.
 */
export const keepAnsweringMs = 30 * 60 * 1000
const keepWaitingMs = 30 * 24 * 60 * 60 * 1000

export const storageKey = (surveyId: string, version: number) => `${prefix}${surveyId}:v${version}`

/**
 * Where a kiosk keeps sent answers until the server has them: one entry per submission, under its
 * idempotency key, so the next patient's survey (the same survey and version) never reads it.
 */
export const outboxKey = (idempotencyKey: string) => `${prefix}outbox:${idempotencyKey}`

function storage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

function parse(raw: string | null): Saved | null {
  if (!raw) return null
  try {
    const value = JSON.parse(raw) as Partial<Saved>
    const valid =
      typeof value.surveyId === 'string' &&
      typeof value.version === 'number' &&
      typeof value.answers === 'object' &&
      value.answers !== null
    return valid ? (value as Saved) : null
  } catch {
    return null
  }
}

export function read(surveyId: string, version: number): Saved | null {
  return parse(storage()?.getItem(storageKey(surveyId, version)) ?? null)
}

/** Whether a resumable entry is fresh enough to be offered back (see `keepAnsweringMs`). */
export function isFresh(saved: Saved, now = Date.now()): boolean {
  return saved.outgoing !== undefined || now - Date.parse(saved.savedAt) < keepAnsweringMs
}

export function write(saved: Saved, key = storageKey(saved.surveyId, saved.version)): void {
  try {
    storage()?.setItem(key, JSON.stringify({ ...saved, savedAt: new Date().toISOString() }))
  } catch {
    // Full or blocked: the answers live on in the page until it closes.
  }
}

export function remove(surveyId: string, version: number, key = storageKey(surveyId, version)) {
  try {
    storage()?.removeItem(key)
  } catch {
    // Nothing to clean up where nothing could be stored.
  }
}

/** Whether this phone keeps answers to any version of a survey (the page says so when offline). */
export function keepsAnswersFor(surveyId: string): boolean {
  const store = storage()
  if (!store) return false
  for (let index = 0; index < store.length; index++) {
    const key = store.key(index)
    if (!key?.startsWith(prefix)) continue
    const saved = parse(store.getItem(key))
    if (saved?.surveyId === surveyId && Object.keys(saved.answers).length > 0 && isFresh(saved)) {
      return true
    }
  }
  return false
}

const sentKey = (surveyId: string, version: number) => `${prefix}sent:${surveyId}:v${version}`

/**
 * Remembers, for this tab only (sessionStorage), that its answers were sent, so a reload of the
 * thank-you page shows it again rather than a blank first question. Holds no answers.
 */
export function markSent(surveyId: string, version: number): void {
  try {
    window.sessionStorage.setItem(sentKey(surveyId, version), new Date().toISOString())
  } catch {
    // Blocked: a reload then starts the survey afresh, which loses nothing.
  }
}

/** Whether this tab's page was reloaded after its answers were sent (not a new visit). */
export function wasSentBeforeReload(surveyId: string, version: number): boolean {
  try {
    const sentAt = window.sessionStorage.getItem(sentKey(surveyId, version))
    const navigation = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined
    return sentAt !== null && navigation?.type === 'reload'
  } catch {
    return false
  }
}

/** Forgets entries kept longer than they should be (see above); run on every visit. */
export function prune(now = Date.now()): void {
  const store = storage()
  if (!store) return
  try {
    const keys = Array.from({ length: store.length }, (_, index) => store.key(index))
    for (const key of keys) {
      if (!key?.startsWith(prefix)) continue
      const saved = parse(store.getItem(key))
      const age = now - Date.parse(saved?.savedAt ?? '')
      const limit = saved?.outgoing ? keepWaitingMs : keepAnsweringMs
      if (!saved || !(age < limit)) store.removeItem(key)
    }
  } catch {
    // Blocked storage holds nothing to forget.
  }
}

/** Every entry on this phone whose answers wait to be sent (any survey, version, kiosk), by key. */
export function waiting(): { key: string; saved: Saved }[] {
  const store = storage()
  if (!store) return []
  const found: { key: string; saved: Saved }[] = []
  for (let index = 0; index < store.length; index++) {
    const key = store.key(index)
    if (!key?.startsWith(prefix)) continue
    const saved = parse(store.getItem(key))
    if (saved?.outgoing && saved.idempotencyKey) found.push({ key, saved })
  }
  return found
}

/**
 * 22 URL-safe characters (128 random bits). `crypto.randomUUID` exists only on secure origins, and
 * a practice may serve Touchpoint over plain http on its own network; `getRandomValues` works on both.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}
