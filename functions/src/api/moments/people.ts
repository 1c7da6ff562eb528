import { Invalid } from '../../domain/errors'
import type { PersonRef, Recognisable } from '../../domain/moments/recognisable'

/**
 * The people a request names, each checked against the practice's roster: one that is not in
 * this practice, or asked not to be featured, is refused naming its place in the list.
 */
export function resolvePeople(
  refs: readonly PersonRef[],
  people: readonly Recognisable[],
  field: string,
  { featuring }: { featuring: boolean },
): Recognisable[] {
  return refs.map((ref, index) => {
    const person = people.find((p) => p.kind === ref.kind && p.id === ref.id)
    if (!person) {
      throw new Invalid(
        ref.kind === 'user' ? 'No such person on the team.' : 'No such provider.',
        `${field}.${index}.id`,
      )
    }
    if (featuring && person.featureOptOut) {
      throw new Invalid(`${person.name} asked not to be featured.`, `${field}.${index}.id`)
    }
    return person
  })
}

export const asStaffRef = (p: Recognisable) => ({ kind: p.kind, id: p.id, name: p.name })
