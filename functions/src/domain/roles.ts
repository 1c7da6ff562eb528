import type { Role } from './practice'

/**
 * What each role may do. Routes name an ability, never a list of roles, so a new role or a change
 * of policy is made here once.
 */
const abilities = {
  /** See the practice, its settings and the team list. */
  'practice:read': ['owner', 'manager', 'staff', 'committee'],
  /** Change the practice's name, time zone, languages, locations and providers. */
  'practice:manage': ['owner', 'manager'],
  /** Create, edit, publish and archive surveys; edit the journey. */
  'surveys:manage': ['owner', 'manager'],
  /** Invite people, change their roles, remove them. */
  'team:manage': ['owner'],
  /** Download every matching response (patients' words) as a file; each export is audited. */
  'responses:export': ['owner', 'manager'],
  /** Import reviews from other sites and past survey results from other tools (CSV files). */
  'imports:run': ['owner', 'manager'],
  /**
   * Pick and write the week's customer-experience moment, recognise staff, see every
   * submission; set anyone's aliases.
   */
  'moments:manage': ['owner', 'manager'],
  /** Read the local outbox of e-mails the product would have sent. */
  'outbox:read': ['owner', 'manager'],
  /**
   * Run any board of the practice as its facilitator (steps, timer, hiding, locking, guest links,
   * archiving), besides the person who created it.
   */
  'boards:facilitate': ['owner', 'manager'],
} as const satisfies Record<string, readonly Role[]>

export type Ability = keyof typeof abilities
export const allAbilities = Object.keys(abilities) as Ability[]

/** Everything the role may do: sent to the web app so it shows only controls that will work. */
export function abilitiesOf(role: Role): Ability[] {
  return allAbilities.filter((ability) => can(role, ability))
}

export function can(role: Role, ability: Ability): boolean {
  return (abilities[ability] as readonly Role[]).includes(role)
}
