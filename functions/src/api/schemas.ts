import { z } from 'zod'
import { Practice, Role, User } from '../domain/practice'
import { abilitiesOf, allAbilities, type Ability } from '../domain/roles'

/** Who is signed in, as `GET /api/me` and every sign-in route answer. */
export const Me = z
  .object({
    user: User.pick({ id: true, name: true, email: true }),
    role: Role,
    /** What this role may do; the server checks every request regardless. */
    abilities: z.array(z.enum(allAbilities as [Ability, ...Ability[]])),
    practice: Practice,
    /** Send back in the `x-csrf-token` header on every write. */
    csrfToken: z.string(),
  })
  .meta({ id: 'Me' })
export type Me = z.infer<typeof Me>

export const TeamMember = User.omit({ practiceId: true }).meta({ id: 'TeamMember' })

export function toMe(practice: Practice, user: User, csrfToken: string): Me {
  return {
    user: { id: user.id, name: user.name, email: user.email },
    role: user.role,
    abilities: abilitiesOf(user.role),
    practice,
    csrfToken,
  }
}

export function toTeamMember({ practiceId: _practiceId, ...member }: User) {
  return member
}

/** Route security: a session cookie (and, for writes, the `x-csrf-token` header). */
export const sessionSecurity = [{ session: [] }]

export const jsonBody = <S extends z.ZodType>(schema: S, description = 'Request body') => ({
  body: { description, required: true, content: { 'application/json': { schema } } },
})

export const jsonResponse = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})
