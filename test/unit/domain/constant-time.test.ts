import { describe, expect, it } from 'vitest'
import { sameSecret } from '../../../functions/src/domain/constant-time'

describe('sameSecret', () => {
  it('is true only for the same secret, whatever the lengths', () => {
    expect(sameSecret('abc123', 'abc123')).toBe(true)
    expect(sameSecret('abc124', 'abc123')).toBe(false)
    expect(sameSecret('abc', 'abc123')).toBe(false)
    expect(sameSecret('', 'abc123')).toBe(false)
    expect(sameSecret(undefined, 'abc123')).toBe(false)
  })
})
