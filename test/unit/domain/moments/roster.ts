import type { Recognisable } from '../../../../functions/src/domain/moments/recognisable'

const person = (
  kind: Recognisable['kind'],
  id: string,
  name: string,
  aliases: string[] = [],
  featureOptOut = false,
): Recognisable => ({ kind, id, name, aliases, featureOptOut })

/** A small practice as the moment tests see it: two Anas, aliases, a word-like name, an opt-out. */
export const roster: Recognisable[] = [
  person('user', 'ana-nunez', 'Ana Núñez López'),
  person('user', 'ana-ruiz', 'Ana Ruiz'),
  person('user', 'maria', 'Maria Gonzalez', ['Maria at the front desk']),
  person('user', 'luis', 'Luis Ortega', ['Luisito']),
  person('user', 'will', 'Will Turner'),
  person('user', 'kim', 'Kim Lee', [], true),
  person('provider', 'okafor', 'Dr. Helen Okafor', ['Dr. O']),
  person('provider', 'kapoor', 'Raj Kapoor', ['Dr. K']),
  person('provider', 'marquez', 'Dra. Sofía Márquez'),
]
