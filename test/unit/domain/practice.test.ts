import { describe, expect, it } from 'vitest'
import { Email, Id, TimeZone } from '../../../functions/src/domain/practice'

describe('practice fields', () => {
  it('normalises e-mail addresses to trimmed lower case', () => {
    expect(Email.parse('  Dana.Lee@Example.COM ')).toBe('dana.lee@example.com')
    expect(Email.safeParse('dana@').success).toBe(false)
  })

  it('accepts IANA time zones and UTC, and refuses made-up ones', () => {
    expect(TimeZone.safeParse('America/Chicago').success).toBe(true)
    expect(TimeZone.safeParse('UTC').success).toBe(true)
    expect(TimeZone.safeParse('Central Time').success).toBe(false)
  })

  it('accepts ULIDs as ids and nothing that could smuggle a key separator', () => {
    expect(Id.safeParse('01ARZ3NDEKTSV4RRFFQ69G5FAV').success).toBe(true)
    expect(Id.safeParse('01ARZ3NDEKTSV4RRFFQ69G5FA#').success).toBe(false)
    expect(Id.safeParse('P#01ARZ3NDEKTSV4RRFFQ69G5F').success).toBe(false)
  })
})
