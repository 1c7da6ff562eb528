import { describe, expect, it } from 'vitest'
import type { Member, Provider } from '../../../functions/src/api/contract'
import { ambiguity, orList, recognisablePeople } from '../../../web/src/routes/(app)/moments/people'

const ref = (id: string, name: string) => ({ kind: 'user' as const, id, name })

describe("the Moments pages' people", () => {
  it('asks which of two people a shared first name is, naming both', () => {
    expect(ambiguity([ref('a', 'Ana Núñez'), ref('b', 'Ana Ruiz')])).toBe(
      'Ana could be Ana Núñez or Ana Ruiz: choose',
    )
    expect(ambiguity([ref('a', 'Dr. Ana Núñez'), ref('b', 'Ana Ruiz'), ref('c', 'Ana Paz')])).toBe(
      'Ana could be Dr. Ana Núñez, Ana Ruiz or Ana Paz: choose',
    )
    expect(ambiguity([ref('a', 'Ana Núñez')])).toBeNull()
    expect(orList([])).toBe('')
  })

  it('leaves out everyone who asked not to be featured, providers first', () => {
    const member = (id: string, name: string, featureOptOut: boolean): Member => ({
      id,
      name,
      email: `${id}@example.test`,
      role: 'staff',
      createdAt: '2026-11-01T00:00:00.000Z',
      aliases: [],
      featureOptOut,
    })
    const provider = (id: string, name: string, featureOptOut: boolean): Provider => ({
      id,
      name,
      title: 'MD',
      locationIds: [],
      aliases: [],
      featureOptOut,
    })
    const people = recognisablePeople(
      [member('u1', 'Maria Gonzalez', false), member('u2', 'Sam Lee', true)],
      [provider('p1', 'Dr. Helen Okafor', false), provider('p2', 'Dr. Raj Kapoor', true)],
    )
    expect(people.map((p) => `${p.kind}:${p.name}`)).toEqual([
      'provider:Dr. Helen Okafor',
      'user:Maria Gonzalez',
    ])
  })
})
