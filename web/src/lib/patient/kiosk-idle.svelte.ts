/** Without a touch or a key for this long, a kiosk asks whether the patient is still there… */
export const idleMs = 3 * 60_000
/** …and starts over for the next person this many seconds later, unless told otherwise. */
export const graceSeconds = 20

const activity = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const

/**
 * A waiting-room tablet walked away from: after `idleMs` without input it asks "Are you still
 * there?" with a visible countdown, and `onexpire` starts a fresh survey when no one answers, so
 * the next patient never sees the last one's answers.
 *
 * @example
 * const idle = new KioskIdle(() => live.flow.hasAnswers, () => reset())
 * $effect(() => idle.watch())
 */
export class KioskIdle {
  /** The prompt is showing, with `secondsLeft` until the page starts over. */
  prompting = $state(false)
  secondsLeft = $state(graceSeconds)

  readonly #worthWatching: () => boolean
  readonly #onexpire: () => void
  #idleTimer: ReturnType<typeof setTimeout> | undefined
  #countdown: ReturnType<typeof setInterval> | undefined

  /**
   * @param worthWatching whether there is anything to clear (a fresh start screen waits forever)
   * @param onexpire called once the countdown runs out
   */
  constructor(worthWatching: () => boolean, onexpire: () => void) {
    this.#worthWatching = worthWatching
    this.#onexpire = onexpire
  }

  /** Starts watching the window for input; returns the cleanup, for an `$effect`. */
  watch(): () => void {
    const onActivity = () => {
      if (!this.prompting) this.#arm()
    }
    for (const type of activity) window.addEventListener(type, onActivity, { passive: true })
    this.#arm()
    return () => {
      for (const type of activity) window.removeEventListener(type, onActivity)
      this.#stop()
    }
  }

  /** "I'm still here": the prompt goes and the wait starts again. */
  stay(): void {
    this.#stop()
    this.prompting = false
    this.#arm()
  }

  #arm(): void {
    clearTimeout(this.#idleTimer)
    this.#idleTimer = setTimeout(() => {
      if (this.#worthWatching()) this.#prompt()
      else this.#arm()
    }, idleMs)
  }

  #prompt(): void {
    this.prompting = true
    this.secondsLeft = graceSeconds
    this.#countdown = setInterval(() => {
      this.secondsLeft -= 1
      if (this.secondsLeft > 0) return
      this.#stop()
      this.#onexpire()
    }, 1000)
  }

  #stop(): void {
    clearTimeout(this.#idleTimer)
    clearInterval(this.#countdown)
  }
}
