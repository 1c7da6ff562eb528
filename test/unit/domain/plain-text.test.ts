import { describe, expect, it } from 'vitest'
import { plainText, plainString } from '../../../functions/src/domain/plain-text'

describe('plainText', () => {
  it('drops NUL, other controls, the BOM and bidi overrides and isolates', () => {
    expect(plainText('\uFEFFa\u0000b\u0007c\u202Ed\u2066e\u2069\u007F')).toBe('abcde')
  })

  it('keeps tabs, line breaks, accents and whole emoji; mends lone surrogates', () => {
    expect(plainText('Línea 1\n\tLínea 2 😀')).toBe('Línea 1\n\tLínea 2 😀')
    expect(plainText('a\uD83D b\uDE00')).toBe('a\uFFFD b\uFFFD')
  })

  it('cleans before trimming and length checks when used as a schema', () => {
    const Name = plainString().trim().min(1).max(5)
    expect(Name.parse(' \u202EAna\u0000 ')).toBe('Ana')
    expect(Name.safeParse('\u202E\u0000').success).toBe(false)
  })
})
