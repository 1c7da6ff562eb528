import { describe, expect, it } from 'vitest'
import { findMentions } from '../../../../functions/src/domain/moments/staff-mentions'
import { roster } from './roster'

const ids = (text: string) => findMentions(text, roster).mentions.map((m) => m.person.id)
const ambiguousIds = (text: string) =>
  findMentions(text, roster).ambiguous.map((a) => a.people.map((p) => p.id).sort())

describe('findMentions', () => {
  it.each([
    ['Dr. Okafor listened to every question', ['okafor']],
    ['doctor okafor was great', ['okafor']],
    ["Dr. Okafor's nurse was so kind", ['okafor']],
    ['Helen Okafor is the best', ['okafor']],
    ['Dr. O explained everything', ['okafor']],
    ['dr k made my son laugh', ['kapoor']],
    ['Dr. Kapoor and Luisito got us in', ['kapoor', 'luis']],
    ['La Dra. Márquez nos explicó todo', ['marquez']],
    ['la dra marquez fue muy amable', ['marquez']],
    ['Luis called me back the same day', ['luis']],
    ['Maria at the front desk fixed my bill', ['maria']],
    ['ANA NUÑEZ WAS WONDERFUL', ['ana-nunez']],
    ['Ana Núñez was lovely and later Ana called to check on us', ['ana-nunez', 'ana-nunez']],
    ['Ana López stayed late for us', ['ana-nunez']],
    ['Mr. Turner fixed my insurance mess', ['will']],
    ['Will Turner was patient with my mom', ['will']],
  ])('finds who %j names', (text, expected) => {
    expect(ids(text)).toEqual(expected)
  })

  it.each([
    ['Will you please fix the parking', []],
    ['I hope the wait is shorter next time', []],
    ['The nurse was kind', []],
    ['We saw the doctor quickly', []],
    ['Great service from everyone', []],
  ])('finds no one in %j', (text, expected) => {
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
