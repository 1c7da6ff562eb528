import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PasswordCheck, PasswordCheckBody } from '../../../functions/src/api/contract'
import { ApiError } from '../../../web/src/lib/api-client'
import { checkDelayMs, PasswordMeterState } from '../../../web/src/lib/password-check.svelte'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

/** A server whose answers the test releases one by one, in any order. */
function heldServer() {
  const asked: { body: PasswordCheckBody; answer: (a: PasswordCheck) => void; fail: () => void }[] =
    []
  const check = (body: PasswordCheckBody) =>
    new Promise<PasswordCheck>((answer, reject) => {
      asked.push({ body, answer, fail: () => reject(new Error('429')) })
    })
  return { asked, check }
}

const weak: PasswordCheck = { acceptable: false, score: 1, reason: 'This is a common password.' }
const strong: PasswordCheck = { acceptable: true, score: 4 }

describe('the password meter', () => {
  it('asks once typing pauses, not at every key', async () => {
    const server = heldServer()
    const meter = new PasswordMeterState(12, server.check)
    for (const typed of ['password123', 'password1234', 'password12345']) meter.update(typed)
    await vi.advanceTimersByTimeAsync(checkDelayMs - 1)
    expect(server.asked).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(server.asked.map((a) => a.body.password)).toEqual(['password12345'])
  })

  it('says the length rule without asking, and nothing for an empty field', async () => {
    const server = heldServer()
    const meter = new PasswordMeterState(12, server.check)
    meter.update('short')
    expect(meter.state).toEqual({ kind: 'short', message: 'Use at least 12 characters' })
    meter.update('')
    expect(meter.state).toEqual({ kind: 'empty' })
    await vi.advanceTimersByTimeAsync(checkDelayMs * 2)
    expect(server.asked).toHaveLength(0)
  })

  it('ignores a late answer for a password that has since changed', async () => {
    const server = heldServer()
    const meter = new PasswordMeterState(12, server.check)
    meter.update('password1234')
    await vi.advanceTimersByTimeAsync(checkDelayMs)
    meter.update('tranquil otter at dawn')
    await vi.advanceTimersByTimeAsync(checkDelayMs)
    server.asked[1]!.answer(strong)
    server.asked[0]!.answer(weak)
    await vi.advanceTimersByTimeAsync(0)
    expect(meter.state).toMatchObject({ kind: 'strong', message: 'Strong enough' })
  })

  it('remembers answers, so going back to a password asks nothing', async () => {
    const server = heldServer()
    const meter = new PasswordMeterState(12, server.check)
    meter.update('password1234', ['Dana'])
    await vi.advanceTimersByTimeAsync(checkDelayMs)
    server.asked[0]!.answer(weak)
    await vi.advanceTimersByTimeAsync(0)
    meter.update('password12345', ['Dana'])
    meter.update('password1234', [' Dana '])
    expect(meter.state).toMatchObject({ kind: 'weak', message: 'This is a common password.' })
    await vi.advanceTimersByTimeAsync(checkDelayMs)
    expect(server.asked).toHaveLength(1)
  })

  it('leaves the verdict to the submit when the check does not answer', async () => {
    const server = heldServer()
    const meter = new PasswordMeterState(12, server.check)
    meter.update('a long enough password')
    await vi.advanceTimersByTimeAsync(checkDelayMs)
    server.asked[0]!.fail()
    await vi.advanceTimersByTimeAsync(0)
    expect(meter.state).toEqual({
      kind: 'unknown',
      message: 'Its strength is checked when you submit.',
    })
  })

  it('asks again when a rate-limited check may be asked, and shows that verdict', async () => {
    let calls = 0
    const meter = new PasswordMeterState(12, async () => {
      calls += 1
      if (calls === 1) {
        throw new ApiError({ status: 429, title: 'Too many requests', retryAfterSeconds: 5 })
      }
      return strong
    })
    meter.update('tranquil otter sings at dawn')
    await vi.advanceTimersByTimeAsync(checkDelayMs)
    expect(meter.state).toMatchObject({ kind: 'unknown' })
    await vi.advanceTimersByTimeAsync(4_999)
    expect(calls).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(calls).toBe(2)
    expect(meter.state).toMatchObject({ kind: 'strong', message: 'Strong enough' })
  })
})
