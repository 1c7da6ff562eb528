import { z } from 'zod'
import {
  Aliases,
  Email,
  Invitation,
  InvitableRole,
  Password,
  PersonName,
} from '../../domain/practice'
import { withStrongPassword } from '../strong-password'
import { TeamMember } from '../schemas'

/** `GET /api/team`: the people, and (for the owner) the invitations. */
export const Team = z.object({ members: z.array(TeamMember), invitations: z.array(Invitation) })
export const NewInvitation = z.object({ email: Email, role: InvitableRole })
/**
 * `PATCH /api/team/{userId}`: the owner changes someone's role; anyone sets their own aliases and
 * "don't feature me"; owners and managers set others' aliases; the owner, others' opt-out.
 */
export const MemberChanges = z
  .object({
    role: InvitableRole.optional(),
    aliases: Aliases.unwrap().optional(),
    featureOptOut: z.boolean().optional(),
  })
  .refine((changes) => Object.values(changes).some((v) => v !== undefined), {
    message: 'Give role, aliases or featureOptOut',
  })
export const CreatedInvitation = z.object({
  invitation: Invitation,
  /** The single-use link to give the invitee; also e-mailed (or put in the local outbox). */
  link: z.url(),
})

const Token = z.string().min(20, 'Expected an invitation token').max(100)

/** `POST /api/join/preview`. */
export const JoinPreviewBody = z.object({ token: Token })
/** What an invitation link opens. */
export const JoinPreview = z.object({
  practiceName: z.string(),
  email: z.string(),
  role: InvitableRole,
  expiresAt: z.iso.datetime(),
})
/** `POST /api/join`: accept an invitation. */
export const JoinBody = withStrongPassword(
  z.object({ token: Token, name: PersonName, password: Password }),
  'password',
  ['name'],
)
