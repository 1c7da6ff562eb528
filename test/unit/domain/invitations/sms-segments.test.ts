import { describe, expect, it } from 'vitest'
import { smsSegments, unicodeNote } from '../../../../functions/src/domain/invitations/sms-segments'

describe('smsSegments', () => {
  it.each([
    ['an empty text', '', 'GSM-7', 0, 1],
    ['160 plain characters', 'a'.repeat(160), 'GSM-7', 160, 1],
    ['161 plain characters: two parts of 153', 'a'.repeat(161), 'GSM-7', 161, 2],
    ['306 plain characters', 'a'.repeat(306), 'GSM-7', 306, 2],
    ['307 plain characters', 'a'.repeat(307), 'GSM-7', 307, 3],
    ['70 Unicode characters', 'á'.repeat(70), 'UCS-2', 70, 1],
    ['71 Unicode characters: two parts of 67', 'á'.repeat(71), 'UCS-2', 71, 2],
    ['134 Unicode characters', 'á'.repeat(134), 'UCS-2', 134, 2],
    ['135 Unicode characters', 'á'.repeat(135), 'UCS-2', 135, 3],
  ])('counts %s', (_name, text, encoding, units, segments) => {
    expect(smsSegments(text)).toMatchObject({ encoding, units, segments })
  })

  it('keeps the Spanish letters of the GSM-7 basic set in GSM-7', () => {
    const text = 'ñ Ñ é É ü Ü à ¿ ¡ Ç ß ø Å ä ö'
    expect(smsSegments(text)).toMatchObject({
      encoding: 'GSM-7',
      units: [...text].length,
      unicodeCharacters: [],
    })
  })

  it('names á, í, ó and ú as what makes most Spanish texts Unicode', () => {
    const result = smsSegments('Sí, la visita fue rápida y útil. ¡Gracias, Óscar!')
    expect(result.encoding).toBe('UCS-2')
    expect(result.unicodeCharacters).toEqual(['í', 'á', 'ú', 'Ó'])
    expect(unicodeNote(result)).toBe(
      '“í”, “á”, “ú” and “Ó” make this text Unicode: 70 characters per segment.',
    )
  })

  it('names curly quotes, which look like plain ones', () => {
    const result = smsSegments('St. Mary’s: “thank you”')
    expect(result.unicodeCharacters).toEqual(['’', '“', '”'])
    expect(smsSegments('St. Mary\'s: "thank you"').encoding).toBe('GSM-7')
  })

  it('counts the extension table (€, [, ], {, }, ~, ^, |, \\) as two septets', () => {
    expect(smsSegments('€')).toMatchObject({ encoding: 'GSM-7', units: 2, segments: 1 })
    expect(smsSegments('[]{}~^|\\€')).toMatchObject({ units: 18 })
    expect(smsSegments('€'.repeat(80))).toMatchObject({ units: 160, segments: 1 })
    // 81 € are 162 septets: two parts, and no € split between them (76 + 5).
    expect(smsSegments('€'.repeat(81))).toMatchObject({ units: 162, segments: 2, perSegment: 153 })
  })

  it('never splits an escape pair across two parts', () => {
    // 152 plain + € would end the first part on the escape septet: the € moves to the next part.
    const text = 'a'.repeat(152) + '€' + 'a'.repeat(152)
    expect(smsSegments(text)).toMatchObject({ units: 306, segments: 3 })
  })

  it('counts an emoji as two UTF-16 units and never splits it', () => {
    expect(smsSegments('Thanks 😀')).toMatchObject({
      encoding: 'UCS-2',
      units: 9,
      unicodeCharacters: ['😀'],
    })
    expect(smsSegments('😀'.repeat(35))).toMatchObject({ units: 70, segments: 1 })
    // 36 emoji are 72 units: 33 fit a 67-unit part (66 units), the other 3 go in a second.
    expect(smsSegments('😀'.repeat(36))).toMatchObject({ units: 72, segments: 2, perSegment: 67 })
    expect(smsSegments('😀'.repeat(67))).toMatchObject({ units: 134, segments: 3 })
  })

  it('says nothing about Unicode for a plain text', () => {
    expect(unicodeNote(smsSegments('Reply STOP to opt out'))).toBe(undefined)
    expect(unicodeNote(smsSegments('más'))).toBe(
      '“á” makes this text Unicode: 70 characters per segment.',
    )
  })
})
