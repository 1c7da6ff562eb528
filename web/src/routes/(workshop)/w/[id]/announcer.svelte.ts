/**
 * What a screen reader hears of other people's changes: politely, at most every few seconds, and
 * several changes at once as one sentence ("Ana added a note, and 2 more changes").
 */
export class Announcer {
  text = $state('')
  #queued: string[] = []
  #flushTimer: ReturnType<typeof setTimeout> | null = null
  #quietUntil = 0

  queue(text: string) {
    this.#queued.push(text)
    if (!this.#flushTimer)
      this.#flushTimer = setTimeout(
        () => this.#flush(),
        Math.max(1500, this.#quietUntil - Date.now()),
      )
  }

  stop() {
    if (this.#flushTimer) clearTimeout(this.#flushTimer)
  }

  #flush() {
    this.#flushTimer = null
    if (this.#queued.length === 0) return
    const [first, ...rest] = this.#queued
    this.#queued = []
    this.text =
      rest.length === 0
        ? (first as string)
        : `${first}, and ${rest.length} more ${rest.length === 1 ? 'change' : 'changes'}`
    this.#quietUntil = Date.now() + 5000
  }
}
