import { describe, expect, it } from 'vitest'
import { decoyHash, hashingGate, hashPassword } from '../../../functions/src/domain/passwords'
import { Semaphore } from '../../../functions/src/domain/semaphore'

const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

describe('Semaphore', () => {
  it('runs at most `max` tasks at once, the rest in arrival order', async () => {
    const gate = new Semaphore(2)
    let running = 0
    let peak = 0
    const order: number[] = []
    await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        gate.run(async () => {
          running += 1
          peak = Math.max(peak, running)
          await tick()
          order.push(index)
          running -= 1
        }),
      ),
    )
    expect(peak).toBe(2)
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(gate.active).toBe(0)
  })

  it('frees the slot when a task fails', async () => {
    const gate = new Semaphore(1)
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await gate.run(() => Promise.resolve('next'))).toBe('next')
  })
})

describe('password hashing', () => {
  it('runs at most two scrypt hashes at a time, however many sign-ups arrive', async () => {
    await decoyHash // hashed once at start-up; out of the way
    let peak = 0
    const watch = setInterval(() => (peak = Math.max(peak, hashingGate.active)), 1)
    const hashing = Array.from({ length: 12 }, (_, index) => hashPassword(`password ${index}`))
    await Promise.resolve()
    // The rest queue in the event loop, not on libuv's thread pool.
    expect(hashingGate.waiting).toBe(10)
    await Promise.all(hashing)
    clearInterval(watch)
    expect(peak).toBe(2)
    expect(hashingGate.waiting).toBe(0)
  })
})
