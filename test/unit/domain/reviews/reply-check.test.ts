import { describe, expect, it } from 'vitest'
import { checkReply } from '../../../../functions/src/domain/reviews/reply-check'

const codes = (text: string, context = {}) => checkReply(text, context).map((w) => w.code)

describe('checkReply', () => {
  it('flags the review author’s name, even one not in the list of given names', () => {
    const warnings = checkReply('Thanks for writing, Zelda.', { authorName: 'Zelda K.' })
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'name', excerpt: 'Zelda', index: 20 }),
    ])
  })

  it('leaves staff and provider names alone, and flags other given names', () => {
    expect(codes('Laura and the team loved hearing this.', { staffNames: ['Laura Diaz'] })).toEqual(
      [],
    )
    expect(codes('We hope Laura is feeling better.')).toEqual(['name'])
    expect(codes('Please ask for Laura, our office manager.')).toEqual([])
  })

  it('names the reason, the words and a safe wording for each warning', () => {
    const [warning] = checkReply('We reviewed your chart.', { officePhone: '555-0100' })
    expect(warning).toMatchObject({ code: 'record-access', excerpt: 'reviewed your chart' })
    expect(warning?.message).toMatch(/records were read/)
    expect(warning?.suggestion).toBe(
      'Thank you for your feedback. We take every concern seriously; please call our office manager at 555-0100 so we can talk.',
    )
  })

  it('suggests the safe wording in Spanish for a Spanish reply', () => {
    const [warning] = checkReply('Revisamos su expediente y todo estaba en orden.')
    expect(warning?.suggestion).toMatch(/^Gracias por sus comentarios/)
  })

  it('tells a general policy from a visit: weekdays in the plural and care words not said to the reader', () => {
    expect(codes('We are open late on Tuesdays, and we offer flu shots to everyone.')).toEqual([])
    expect(codes('You came in on Tuesday for flu shots.')).toEqual(
      expect.arrayContaining(['patient-status', 'date', 'health-info']),
    )
  })

  it('flags insurance and money tied to the reader', () => {
    expect(codes('Your insurance was billed $240.')).toEqual(
      expect.arrayContaining(['patient-status', 'billing']),
    )
  })
})
