import { foldText } from './visit-cells'

/** A provider or location of the practice, as a visits file may name it. */
export interface NamedPlace {
  id: string
  name: string
  /** Other names staff and systems use ("Dr. K"); providers have them, locations may not. */
  aliases?: readonly string[]
}

export type FoundPlace = { found: NamedPlace } | { missing: true } | { ambiguous: true }

/** "Dr. Ana Pérez", "Dr Ana Pérez" and "Ana Pérez" are one provider in a scheduling export. */
const title = /^(dr|dra|doctor|doctora)\.?\s+/

/** Every way a name may be written: folded, without a title, and "Last, First" turned around. */
function keysOf(name: string): string[] {
  const folded = foldText(name)
  const keys = new Set([folded, folded.replace(title, '')])
  const comma = /^([^,]+),\s*([^,]+)$/.exec(folded)
  if (comma) {
    const turned = `${comma[2]} ${comma[1]}`
    keys.add(turned)
    keys.add(turned.replace(title, ''))
  }
  return [...keys].filter((key) => key !== '')
}

/**
 * A finder for a practice's providers or locations by what a visits file writes: the id, the name
 * or an alias, ignoring case, accents, extra spaces, a "Dr." title and "Last, First" order
 * (scheduling systems write all of these). A name two places share is ambiguous rather than a
 * guess: the row then says so.
 *
 * @example
 * const find = placeFinder([{ id: '01J…', name: 'Dr. Ana Pérez' }])
 * find('perez, ana') // { found: { id: '01J…', name: 'Dr. Ana Pérez' } }
 * find('Dr. Bob') // { missing: true }
 */
export function placeFinder(places: readonly NamedPlace[]): (cell: string) => FoundPlace {
  const byId = new Map(places.map((place) => [place.id, place]))
  const byKey = new Map<string, Set<NamedPlace>>()
  for (const place of places) {
    for (const name of [place.name, ...(place.aliases ?? [])]) {
      for (const key of keysOf(name)) {
        const named = byKey.get(key) ?? new Set()
        named.add(place)
        byKey.set(key, named)
      }
    }
  }
  return (cell) => {
    const byItsId = byId.get(cell.trim())
    if (byItsId) return { found: byItsId }
    const matches = new Set(keysOf(cell).flatMap((key) => [...(byKey.get(key) ?? [])]))
    if (matches.size === 1) return { found: [...matches][0]! }
    return matches.size === 0 ? { missing: true } : { ambiguous: true }
  }
}
