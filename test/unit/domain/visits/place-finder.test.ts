import { describe, expect, it } from 'vitest'
import { placeFinder } from '../../../../functions/src/domain/visits/place-finder'

const ana = { id: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B', name: 'Dr. Ana Pérez', aliases: ['Dr. P'] }
const bob = { id: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3C', name: 'Robert Núñez' }
const find = placeFinder([ana, bob])

describe('placeFinder', () => {
  it.each([
    '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B',
    'Dr. Ana Pérez',
    'dr. ana perez',
    'DR ANA PEREZ',
    'Ana Perez',
    '  ana   pérez ',
    'Pérez, Ana',
    'perez, dr. ana',
    'Dr. P',
    'dr p',
  ])('finds Ana by %j', (cell) => {
    expect(find(cell)).toEqual({ found: ana })
  })

  it('finds Robert without his accents', () => {
    expect(find('robert nunez')).toEqual({ found: bob })
    expect(find('Nunez, Robert')).toEqual({ found: bob })
  })

  it('says missing for a name no one has, and ambiguous for one two share', () => {
    expect(find('Dr. Who')).toEqual({ missing: true })
    expect(find('Ana')).toEqual({ missing: true })
    const twice = placeFinder([ana, { id: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3D', name: 'Ana Perez' }])
    expect(twice('ana perez')).toEqual({ ambiguous: true })
    // Its id still finds each one.
    expect(twice(ana.id)).toEqual({ found: ana })
  })
})
