/**
 * Where the meeting is: which agenda item is on the screen and the timer of each item. One clock
 * runs at a time, the current item's; moving on while it runs carries the running clock to the
 * next item (the facilitator keeps talking), and each item keeps the time it has used, so going
 * back shows what is left of it. Nothing beeps: a room is told by colour and by words.
 */
export type TimerState = 'on-time' | 'last-minute' | 'over'

export class MeetingClock {
  index = $state(0)
  running = $state(false)
  /** Milliseconds each item's timer has used while it was not the running one. */
  used = $state<number[]>([])
  /** The instant the running clock last started or was banked. */
  private since = 0
  private now = $state(Date.now())
  private ticker: ReturnType<typeof setInterval> | null = null

  constructor(private readonly minutes: () => readonly number[]) {}

  get count(): number {
    return this.minutes().length
  }

  /** Whole seconds left on an item's timer; negative once it has run over. */
  secondsLeft(index = this.index): number {
    const used =
      (this.used[index] ?? 0) + (this.running && index === this.index ? this.now - this.since : 0)
    return Math.ceil(((this.minutes()[index] ?? 0) * 60_000 - used) / 1000)
  }

  state(index = this.index): TimerState {
    const left = this.secondsLeft(index)
    return left <= 0 ? 'over' : left <= 60 ? 'last-minute' : 'on-time'
  }

  /** Whether the item's timer has been started at all (for "Start" or "Resume"). */
  started(index = this.index): boolean {
    return (this.used[index] ?? 0) > 0 || (this.running && index === this.index)
  }

  toggle(): void {
    if (this.running) this.pause()
    else this.start()
  }

  start(): void {
    if (this.running) return
    this.since = Date.now()
    this.now = this.since
    this.running = true
    // Four ticks a second keeps the shown second within a quarter second of the truth.
    this.ticker = setInterval(() => (this.now = Date.now()), 250)
  }

  pause(): void {
    if (!this.running) return
    this.bank()
    this.running = false
    if (this.ticker) clearInterval(this.ticker)
    this.ticker = null
  }

  reset(): void {
    this.since = Date.now()
    this.now = this.since
    this.used[this.index] = 0
  }

  go(index: number): void {
    if (index < 0 || index >= this.count || index === this.index) return
    if (this.running) this.bank()
    this.index = index
  }

  next = (): void => this.go(this.index + 1)
  previous = (): void => this.go(this.index - 1)

  /** Stops the ticker; the page calls it when it goes away. */
  destroy(): void {
    if (this.ticker) clearInterval(this.ticker)
  }

  private bank(): void {
    const at = Date.now()
    this.used[this.index] = (this.used[this.index] ?? 0) + (at - this.since)
    this.since = at
    this.now = at
  }
}
