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
  /** Invite people, change their roles, remove them. */
  'team:manage': ['owner'],
  /** Read the local outbox of e-mails the product would have sent. */
  'outbox:read': ['owner', 'manager'],
} as const satisfies Record<string, readonly Role[]>

export type Ability = keyof typeof abilities

export function can(role: Role, ability: Ability): boolean {
  return (abilities[ability] as readonly Role[]).includes(role)
}
