import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { readConfig } from '../../../functions/src/config'
import { localSchedules, startJobTimer } from '../../../functions/src/local/job-timer'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

/** A run that stays in progress until `finish` is called. */
function slowRun() {
  const finishers: (() => void)[] = []
  const run = vi.fn(() => new Promise<void>((done) => finishers.push(done)))
  return { run, finish: () => finishers.shift()?.() }
}

describe('the local job timer', () => {
  it('runs the jobs once per interval, not at start', async () => {
    const run = vi.fn(async () => {})
    const timer = startJobTimer({ intervalSeconds: 60, run, onError: () => {} })
    expect(run).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(run).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(120_000)
    expect(run).toHaveBeenCalledTimes(3)
    await timer.stop()
    await vi.advanceTimersByTimeAsync(600_000)
    expect(run).toHaveBeenCalledTimes(3)
  })

  it('never starts a run while the previous one is still going', async () => {
    const { run, finish } = slowRun()
    const timer = startJobTimer({ intervalSeconds: 60, run, onError: () => {} })
    await vi.advanceTimersByTimeAsync(5 * 60_000)
    expect(run).toHaveBeenCalledTimes(1)
    finish()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(run).toHaveBeenCalledTimes(2)
    const stopped = timer.stop()
    let done = false
    void stopped.then(() => (done = true))
    await vi.advanceTimersByTimeAsync(0)
    expect(done).toBe(false) // stop waits for the run in progress
    finish()
    await stopped
    expect(done).toBe(true)
  })

  it('does nothing at all when the interval is 0', async () => {
    const run = vi.fn(async () => {})
    const timer = startJobTimer({ intervalSeconds: 0, run, onError: () => {} })
    await vi.advanceTimersByTimeAsync(365 * 24 * 3600_000)
    expect(run).not.toHaveBeenCalled()
    expect(vi.getTimerCount()).toBe(0)
    await timer.stop()
  })

  it('reports a failed run by its error class only and keeps running', async () => {
    const errors: string[] = []
    let calls = 0
    const run = vi.fn(async () => {
      if (++calls === 1) throw new TypeError('Ana Lopez wrote "the nurse was rude"')
    })
    const timer = startJobTimer({ intervalSeconds: 60, run, onError: (e) => errors.push(e) })
    await vi.advanceTimersByTimeAsync(120_000)
    expect(errors).toEqual(['TypeError'])
    expect(run).toHaveBeenCalledTimes(2)
    await timer.stop()
  })
})

describe('the local schedules', () => {
  it('remind every JOBS_INTERVAL_SECONDS, check counters hourly, sync review sites every REVIEWS_SYNC_MINUTES; 0 turns one off', () => {
    const config = readConfig({})
    const byName = (minutes: number) =>
      Object.fromEntries(
        localSchedules({ ...config, REVIEWS_SYNC_MINUTES: minutes }).map((schedule) => [
          schedule.name,
          { seconds: schedule.intervalSeconds, jobs: schedule.jobs.map((job) => job.name) },
        ]),
      )
    expect(byName(30)).toEqual({
      jobs: { seconds: 300, jobs: ['governance.reminders'] },
      counters: { seconds: 3600, jobs: ['counters.check'] },
      reviews: { seconds: 1800, jobs: ['reviews.sync'] },
    })
    expect(byName(0).reviews!.seconds).toBe(0)
    expect(readConfig({}).REVIEWS_SYNC_MINUTES).toBe(30)
  })
})
