import type { PasswordCheck, PasswordCheckBody } from '$contract'
import { ApiError, post } from './api'

/** How long typing must pause before a password is checked: a check for each word, not each key. */
export const checkDelayMs = 300
/** The longest a rate-limited check waits before it is asked again (the limit's window). */
const maxRetryWaitSeconds = 60

export type MeterState =
  | { kind: 'empty' }
  | { kind: 'short'; message: string }
  | { kind: 'checking' }
  | { kind: 'weak'; score: number; message: string }
  | { kind: 'strong'; score: number; message: string }
  /** The check did not answer (offline, rate-limited): the form decides at submit, as always. */
  | { kind: 'unknown'; message: string }

/**
 * What the meter under a new-password field says while the person types, from the server's own
 * rule (`POST /api/password-check`), so it never disagrees with the answer at submit. Debounced,
 * each password and word list asked about once, and a late answer for an older password ignored.
 *
 * @example
 * const meter = new PasswordMeterState(12)
 * $effect(() => meter.update(password, [name, email]))
 * // meter.state → { kind: 'weak', score: 1, message: 'This is a very common password. …' }
 */
export class PasswordMeterState {
  state = $state<MeterState>({ kind: 'empty' })

  readonly minLength: number
  readonly #check: (body: PasswordCheckBody) => Promise<PasswordCheck>
  #timer: ReturnType<typeof setTimeout> | undefined
  #latest = ''
  /** What is shown, outside the reactive graph: `update` runs in an effect and must not track it. */
  #shown: MeterState = { kind: 'empty' }
  // A cache, never rendered: nothing should re-run when it fills.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #answers = new Map<string, PasswordCheck>()

  constructor(
    minLength: number,
    check: (body: PasswordCheckBody) => Promise<PasswordCheck> = (body) =>
      post<PasswordCheck>('/api/password-check', body),
  ) {
    this.minLength = minLength
    this.#check = check
  }

  update(password: string, userWords: string[] = []): void {
    clearTimeout(this.#timer)
    const words = userWords.map((word) => word.trim()).filter(Boolean)
    const key = JSON.stringify([password, words])
    this.#latest = key
    if (password === '') return this.#show({ kind: 'empty' })
    // Spaces alone are refused whatever their length: let the server's reason say so.
    if (password.length < this.minLength && password.trim() !== '') {
      return this.#show({ kind: 'short', message: `Use at least ${this.minLength} characters` })
    }
    const known = this.#answers.get(key)
    if (known) return this.#show(stateOf(known))
    // A verdict stays up while the next is asked for, so the line does not flicker with each key.
    if (this.#shown.kind !== 'weak' && this.#shown.kind !== 'strong') {
      this.#show({ kind: 'checking' })
    }
    this.#timer = setTimeout(() => void this.#ask(key, password, words), checkDelayMs)
  }

  dispose(): void {
    clearTimeout(this.#timer)
    this.#latest = ''
  }

  async #ask(key: string, password: string, userWords: string[]) {
    try {
      const answer = await this.#check({ password, userWords })
      this.#answers.set(key, answer)
      if (key === this.#latest) this.#show(stateOf(answer))
    } catch (error) {
      if (key !== this.#latest) return
      this.#show({ kind: 'unknown', message: 'Its strength is checked when you submit.' })
      // Too many checks from this network: ask again when the server says the window ends, so
      // the line does not stay unknown for a password the person has finished typing.
      const wait = error instanceof ApiError && error.status === 429 ? error.retryAfterSeconds : 0
      if (wait) {
        const retryMs = Math.min(wait, maxRetryWaitSeconds) * 1000
        this.#timer = setTimeout(() => void this.#ask(key, password, userWords), retryMs)
      }
    }
  }

  #show(next: MeterState) {
    this.#shown = next
    this.state = next
  }
}

function stateOf(answer: PasswordCheck): MeterState {
  return answer.acceptable
    ? { kind: 'strong', score: answer.score, message: 'Strong enough' }
    : {
        kind: 'weak',
        score: answer.score,
        message: answer.reason ?? 'This password is too easy to guess.',
      }
}
