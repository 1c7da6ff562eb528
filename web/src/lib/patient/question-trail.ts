/**
 * The patient page's own record of the history entries it made, one per question shown (shallow
 * routing: `pushState`/`replaceState` with `{ question }`), and where the browser is among them.
 * It lets the page's Back button be the browser's Back when the entry behind is the previous
 * question (so Forward then works), and a plain step back when it is not (after a jump to a
 * refused answer, say), without ever guessing from `history.length`.
 *
 * @example
 * const trail = new QuestionTrail('recommend')
 * trail.pushed('booking')
 * trail.previous() // 'recommend': Back may be history.back()
 * trail.popped('recommend') // the browser went back one entry
 */
export class QuestionTrail {
  #entries: string[]
  #at = 0

  constructor(first: string) {
    this.#entries = [first]
  }

  /** The question of the entry behind the current one, if this page made it. */
  previous(): string | undefined {
    return this.#entries[this.#at - 1]
  }

  /** A new entry after the current one; entries ahead of it are gone, as in the browser. */
  pushed(question: string): void {
    this.#entries = [...this.#entries.slice(0, this.#at + 1), question]
    this.#at += 1
  }

  /** The current entry now stands for another question. */
  replaced(question: string): void {
    this.#entries[this.#at] = question
  }

  /** The browser's Back or Forward arrived at an entry showing `question`. */
  popped(question: string): void {
    if (this.#entries[this.#at - 1] === question) this.#at -= 1
    else if (this.#entries[this.#at + 1] === question) this.#at += 1
    // An entry from before a reload: this page did not make it; it becomes the current one.
    else this.#entries[this.#at] = question
  }
}
