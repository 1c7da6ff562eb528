import { describe, expect, it } from 'vitest'
import { redactQuote } from '../../../functions/src/domain/redact'

describe('redactQuote', () => {
  it('removes e-mail addresses, phone numbers and dates of birth, keeping the words', () => {
    const quote =
      'Call me at (555) 010-0199 or +1 555.010.0199, write to jo.lee@example.com; born 3/14/1985.'
    const redacted = redactQuote(quote)
    expect(redacted).not.toMatch(/555|010|0199|jo\.lee|example\.com|1985/)
    expect(redacted).toContain('Call me at [phone removed]')
    expect(redacted).toContain('[e-mail removed]')
    expect(redacted).toContain('born [date removed]')
  })

  it('removes dates written out, in English and Spanish', () => {
    expect(redactQuote('DOB March 14, 1985')).toBe('DOB [date removed]')
    expect(redactQuote('nací el 14 de marzo de 1985')).toBe('nací el [date removed]')
    expect(redactQuote('born 1985-03-14')).toBe('born [date removed]')
  })

  it('leaves ordinary comments alone, small numbers included', () => {
    const comment = 'Waited 45 minutes, then 2 nurses helped. 10/10 would come back!'
    expect(redactQuote(comment)).toBe(comment)
  })
})
