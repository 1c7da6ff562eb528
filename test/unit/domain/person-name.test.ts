import { describe, expect, it } from 'vitest'
import { greetingName, initials } from '../../../functions/src/domain/person-name'

describe('greetingName', () => {
  it.each([
    ['Dr. Helen Okafor (Committee chair)', 'Helen'],
    ['Dra. María José García', 'María'],
    ['Mr. Ben Cho', 'Ben'],
    ['Ms Ana Núñez', 'Ana'],
    ['Sra. Lucía Pérez', 'Lucía'],
    ['Dr. Okafor', 'Dr. Okafor'],
    ['Pat (patient advisor)', 'Pat'],
    ['Pat', 'Pat'],
    ['🌟 Ana Núñez 🌟', 'Ana'],
    ['  Ñuño   de la Peña ', 'Ñuño'],
    ['Anne-Marie O’Neill', 'Anne-Marie'],
    ['(guest)', '(guest)'],
    ['Dr', 'Dr'],
  ])('greets %j as %j', (name, expected) => {
    expect(greetingName(name)).toBe(expected)
  })
})

describe('initials', () => {
  it.each([
    ['Pat (patient advisor)', 'P'],
    ['Dr. Helen Okafor (Committee chair)', 'HO'],
    ['Ana  Núñez López', 'AN'],
    ['María de la Cruz', 'MC'],
    ['ñuño peña', 'ÑP'],
    ['😀 Ben', 'B'],
    ['Ben 😀 Cho', 'BC'],
    ['Dra. Okafor', 'O'],
    ['Óscar Ávila', 'ÓÁ'],
    ['🙂', '?'],
  ])('writes %j as %j', (name, expected) => {
    expect(initials(name)).toBe(expected)
  })
})
