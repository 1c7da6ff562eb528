import type { Ability, Me } from './api'

/**
 * Whether to show the signed-in person a control. The server sends what their role may do with
 * `GET /api/me`, so the policy lives in one place (functions/src/domain/roles.ts) and this only
 * keeps people from meeting buttons that would answer 403.
 */
export function can(me: Me, ability: Ability): boolean {
  return me.abilities.includes(ability)
}
