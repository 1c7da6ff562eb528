import { describe, expect, it } from 'vitest'
import { findMentions } from '../../../../functions/src/domain/moments/staff-mentions'
import { namedCases, unnamedCases } from './mention-quality'
import { roster } from './roster'

const ids = (text: string) => findMentions(text, roster).mentions.map((m) => m.person.id)
const ambiguousIds = (text: string) =>
  findMentions(text, roster).ambiguous.map((a) => a.people.map((p) => p.id).sort())

describe('findMentions', () => {
  it.each(namedCases.map(([text, names]) => [text, [...names]]))(
    'finds who %j names',
    (text, expected) => {
      expect(ids(text)).toEqual(expected)
    },
  )

  it.each(unnamedCases.map((text) => [text, []]))('finds no one in %j', (text, expected) => {
    expect(ids(text)).toEqual(expected)
  })

  it('refuses to guess between two people with one first name', () => {
    expect(ids('Ana was amazing with my daughter')).toEqual([])
    expect(ambiguousIds('Ana was amazing with my daughter')).toEqual([['ana-nunez', 'ana-ruiz']])
  })

  it('still finds someone who opted out, so the picker can leave their story out', () => {
    const [mention] = findMentions('Kim was so helpful', roster).mentions
    expect(mention?.person.featureOptOut).toBe(true)
  })

  it('says how each person was named, where, and whether as "their team"', () => {
    const text = "Dr. Okafor's nurse and Luisito"
    const [okafor, luis] = findMentions(text, roster).mentions
    expect(okafor).toMatchObject({
      by: 'title and surname',
      possessive: true,
      matched: "Dr. Okafor's",
    })
    expect(text.slice(luis!.start, luis!.end)).toBe('Luisito')
    expect(luis).toMatchObject({ by: 'alias', possessive: false })
  })
})
