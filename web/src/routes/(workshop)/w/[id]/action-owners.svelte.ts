import * as api from '$lib/api'
import type { Action, PresenceEntry } from '$lib/board/board-types'

export type Owner = NonNullable<Action['owner']>

/** The practice's team, loaded once per page (switching tabs unmounts the panel). */
let teamCache: Owner[] | null = null

/** How an owner is told apart in a select: their user id, or their name when they have none. */
export const ownerKey = (owner: Owner | null) => (owner ? (owner.id ?? owner.name) : '')

/**
 * Who an action may be given to: the practice's team, the staff on the board, and anyone named
 * on an action already, by name.
 */
export class ActionOwners {
  #team = $state<Owner[]>(teamCache ?? [])
  readonly #presence: () => readonly PresenceEntry[]
  readonly #actions: () => readonly Action[]

  constructor(presence: () => readonly PresenceEntry[], actions: () => readonly Action[]) {
    this.#presence = presence
    this.#actions = actions
  }

  readonly list = $derived.by(() => {
    const byId: Record<string, Owner> = {}
    for (const owner of this.#team) byId[ownerKey(owner)] = owner
    for (const person of this.#presence()) {
      if (person.kind === 'staff') byId[person.id] ??= { id: person.id, name: person.name }
    }
    for (const action of this.#actions()) {
      if (action.owner) byId[ownerKey(action.owner)] ??= action.owner
    }
    return Object.entries(byId)
      .map(([key, owner]) => ({ key, owner }))
      .sort((a, b) => a.owner.name.localeCompare(b.owner.name))
  })

  ownerOf(key: string): Owner | null {
    return this.list.find((o) => o.key === key)?.owner ?? null
  }

  /** Loads the team once, for someone who may give actions out. */
  loadTeam() {
    if (teamCache) return
    teamCache = []
    api.team
      .get()
      .then(({ members }) => {
        teamCache = members
          .map((m) => ({ id: `u_${m.id}`, name: m.name }))
          .sort((a, b) => a.name.localeCompare(b.name))
        this.#team = teamCache
      })
      .catch(() => {
        // Without the team list, the people on the board (staff) can still be chosen.
        teamCache = null
      })
  }
}
