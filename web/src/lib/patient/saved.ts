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
 * A phone may be shared, or be the waiting room's tablet: answers are not kept forever. Unsent
 * ones are dropped after a week; answers waiting for a connection after 30 days.
 */
const keepAnsweringMs = 7 * 24 * 60 * 60 * 1000
const keepWaitingMs = 30 * 24 * 60 * 60 * 1000

export const storageKey = (surveyId: string, version: number) => `${prefix}${surveyId}:v${version}`

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

export function write(saved: Saved): void {
  try {
    storage()?.setItem(
      storageKey(saved.surveyId, saved.version),
      JSON.stringify({ ...saved, savedAt: new Date().toISOString() }),
    )
  } catch {
    // Full or blocked: the answers live on in the page until it closes.
  }
}

export function remove(surveyId: string, version: number): void {
  try {
    storage()?.removeItem(storageKey(surveyId, version))
  } catch {
    // Nothing to clean up where nothing could be stored.
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

/** Every entry on this phone whose answers wait to be sent, for any survey or version. */
export function waiting(): Saved[] {
  const store = storage()
  if (!store) return []
  const found: Saved[] = []
  for (let index = 0; index < store.length; index++) {
    const key = store.key(index)
    if (!key?.startsWith(prefix)) continue
    const saved = parse(store.getItem(key))
    if (saved?.outgoing && saved.idempotencyKey) found.push(saved)
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
