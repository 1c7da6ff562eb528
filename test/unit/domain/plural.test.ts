import { describe, expect, it } from 'vitest'
import { countOf } from '../../../functions/src/domain/plural'

describe('countOf', () => {
  it.each([
    [1, 'day', undefined, '1 day'],
    [7, 'day', undefined, '7 days'],
    [0, 'minute', undefined, '0 minutes'],
    [1, 'minute', undefined, '1 minute'],
    [2, 'reply', 'replies', '2 replies'],
    [1, 'reply', 'replies', '1 reply'],
  ])('writes %d %s in the right number', (n, one, many, expected) => {
    expect(countOf(n, one, many)).toBe(expected)
  })
})
