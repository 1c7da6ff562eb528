/**
 * At most `max` tasks at a time; the rest wait in arrival order. Guards work that fills a shared
 * pool (scrypt runs on libuv's four threads, which DNS look-ups and file reads also need).
 *
 * @example
 * const gate = new Semaphore(2)
 * const hash = await gate.run(() => scrypt(password, salt, 32))
 */
export class Semaphore {
  #active = 0
  readonly #waiting: (() => void)[] = []

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError('max must be a positive integer')
  }

  /** How many tasks run now. */
  get active(): number {
    return this.#active
  }

  /** How many tasks wait for a turn. */
  get waiting(): number {
    return this.#waiting.length
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#active >= this.max) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve))
    } else {
      this.#active += 1
    }
    try {
      return await task()
    } finally {
      const next = this.#waiting.shift()
      // The slot passes straight to the next task, so a newcomer cannot take it in between.
      if (next) next()
      else this.#active -= 1
    }
  }
}
