import { describe, expect, it } from 'vitest'
import { textLanguage } from '../../../../functions/src/domain/reviews/text-language'

describe('textLanguage', () => {
  it('tells Spanish from English by their common words', () => {
    expect(textLanguage('La recepcionista fue muy amable con mi hija', ['en', 'es'])).toBe('es')
    expect(textLanguage('The nurse was very kind to my daughter', ['en', 'es'])).toBe('en')
  })

  it("answers the practice's first language on a tie or when it has one", () => {
    expect(textLanguage('Excelente', ['es', 'en'])).toBe('es')
    expect(textLanguage('La recepcionista fue muy amable', ['en'])).toBe('en')
  })
})
