import type { Member, Provider } from '$lib/api'
import { roleLabels } from '$lib/labels'
import type { StaffRef } from './moments-api'

/** A person a moment can recognise, as the pickers list them. */
export interface Person {
  kind: 'user' | 'provider'
  id: string
  name: string
  /** What sets them apart for the reader: "Front desk"'s role or a provider's title. */
  detail: string
}

/** `user:<id>` or `provider:<id>`: one value per person across both lists. */
export const personKey = (ref: { kind: string; id: string }) => `${ref.kind}:${ref.id}`

export function fromKey(key: string): { kind: 'user' | 'provider'; id: string } {
  const [kind, id] = key.split(':') as ['user' | 'provider', string]
  return { kind, id }
}

/**
 * The team and the providers, for a picker: people who asked not to be featured are absent
 * (the server refuses them anyway), providers first as patients name them most.
 */
export function recognisablePeople(members: readonly Member[], providers: readonly Provider[]) {
  const people: Person[] = [
    ...providers
      .filter((p) => !p.featureOptOut)
      .map((p) => ({ kind: 'provider' as const, id: p.id, name: p.name, detail: p.title })),
    ...members
      .filter((m) => !m.featureOptOut)
      .map((m) => ({ kind: 'user' as const, id: m.id, name: m.name, detail: roleLabels[m.role] })),
  ]
  return people
}

/** "Ana Núñez or Ana Ruiz", "A, B or C". */
export function orList(names: readonly string[]): string {
  if (names.length < 2) return names[0] ?? ''
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`
}

/**
 * What to say when a story names a first name two people share: "Ana could be Ana Núñez or Ana
 * Ruiz: choose". The shared first word stands for the name the patient used.
 */
export function ambiguity(possible: readonly StaffRef[]): string | null {
  if (possible.length < 2) return null
  const firsts = new Set(
    possible.map((p) => p.name.replace(/^(dr\.?|mr\.?|mrs\.?|ms\.?)\s+/i, '').split(/\s+/)[0]),
  )
  const names = orList(possible.map((p) => p.name))
  const [first] = firsts
  return firsts.size === 1 && first
    ? `${first} could be ${names}: choose`
    : `This could be ${names}: choose`
}
