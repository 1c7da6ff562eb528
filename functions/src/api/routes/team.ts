import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { addDays } from 'date-fns'
import { ulid } from 'ulid'
import { z } from 'zod'
import { AlreadyExists, Forbidden, Invalid } from '../../domain/errors'
import { Id, type Invitation } from '../../domain/practice'
import { countOf } from '../../domain/plural'
import { can } from '../../domain/roles'
import { newToken } from '../../domain/tokens'
import * as invitations from '../../store/invitations'
import * as users from '../../store/users'
import type { AppEnv } from '../env'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonBody, jsonResponse, sessionSecurity, TeamMember, toTeamMember } from '../schemas'
import { CreatedInvitation, MemberChanges, NewInvitation, Team } from './team-schemas'
import { publicOrigin } from '../public-origin'
import { revokeBoardRights } from '../board-rights'

const readTeam = [requireSession(), requireAbility('practice:read')]
const manageTeam = [requireSession(), requireAbility('team:manage')]
const memberParams = z.object({ userId: Id })

const getTeam = createRoute({
  method: 'get',
  path: '/team',
  tags: ['Team'],
  summary: "The practice's people, and (for the owner) its invitations",
  security: sessionSecurity,
  middleware: readTeam,
  responses: { 200: jsonResponse(Team, 'The team'), ...problemResponses(401, 403) },
})

const changeMember = createRoute({
  method: 'patch',
  path: '/team/{userId}',
  tags: ['Team'],
  summary: 'Change a person\'s role, aliases or "don\'t feature me"',
  description:
    'The owner changes roles (never their own). Anyone sets their own `aliases` (the names ' +
    'patients use: "Dr. K", "Luisito") and `featureOptOut`; owners and managers set others\' ' +
    "aliases; the owner, others' opt-out. Each field is checked on its own: 403 names the first " +
    'one the caller may not change.',
  security: sessionSecurity,
  middleware: readTeam,
  request: { params: memberParams, ...jsonBody(MemberChanges) },
  responses: {
    200: jsonResponse(TeamMember, 'The person as changed'),
    ...problemResponses(400, 401, 403, 404),
  },
})

const removeMember = createRoute({
  method: 'delete',
  path: '/team/{userId}',
  tags: ['Team'],
  summary: 'Remove a person from the practice (their sessions end at once)',
  security: sessionSecurity,
  middleware: manageTeam,
  request: { params: memberParams },
  responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404) },
})

const invite = createRoute({
  method: 'post',
  path: '/invitations',
  tags: ['Team'],
  summary: 'Invite someone by e-mail with a role (a single-use, expiring link)',
  security: sessionSecurity,
  middleware: manageTeam,
  request: jsonBody(NewInvitation),
  responses: {
    201: jsonResponse(CreatedInvitation, 'Invited; the link is returned and e-mailed'),
    ...problemResponses(400, 401, 403, 409),
  },
})

const renew = createRoute({
  method: 'post',
  path: '/invitations/{id}/renew',
  tags: ['Team'],
  summary:
    'Send a pending or expired invitation again, with a new link (the old one stops working)',
  security: sessionSecurity,
  middleware: manageTeam,
  request: { params: z.object({ id: Id }) },
  responses: {
    200: jsonResponse(CreatedInvitation, 'The invitation with its new link, e-mailed again'),
    ...problemResponses(401, 403, 404, 410),
  },
})

const withdraw = createRoute({
  method: 'delete',
  path: '/invitations/{id}',
  tags: ['Team'],
  summary: 'Withdraw a pending invitation',
  security: sessionSecurity,
  middleware: manageTeam,
  request: { params: z.object({ id: Id }) },
  responses: { 204: { description: 'Withdrawn' }, ...problemResponses(401, 403, 404, 410) },
})

/** The owner manages everyone else; nobody changes or removes themself (the practice keeps its owner). */
function assertNotSelf(actingUserId: string, userId: string) {
  if (actingUserId === userId) throw new Invalid('You cannot change or remove yourself.', 'userId')
}

/** E-mail the invitation's link (or put it in the local outbox) and return the link. */
async function sendInvitation(c: Context<AppEnv>, invitation: Invitation, token: string) {
  const { practice, user } = c.var.auth
  const { config, mailer } = c.var.deps
  // The token rides in the fragment: browsers never send it to a server or in a Referer.
  const link = `${publicOrigin(c)}/join#token=${token}`
  await mailer.send({
    practiceId: practice.id,
    to: invitation.email,
    subject: `${user.name} invited you to ${practice.name} on Touchpoint`,
    text:
      `${user.name} invited you to join ${practice.name} on Touchpoint as ${invitation.role}.\n\n` +
      `Open this link to set your name and password (it works once and expires in ` +
      `${countOf(config.INVITATION_TTL_DAYS, 'day')}):\n${link}\n`,
    link,
  })
  return link
}

export const teamApi = new OpenAPIHono<AppEnv>()
  .openapi(getTeam, async (c) => {
    const { practice, user } = c.var.auth
    const [members, pending] = await Promise.all([
      users.list(c.var.db, practice.id),
      can(user.role, 'team:manage') ? invitations.list(c.var.db, practice.id) : [],
    ])
    members.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    return c.json({ members: members.map(toTeamMember), invitations: pending }, 200)
  })
  .openapi(changeMember, async (c) => {
    const { userId } = c.req.valid('param')
    const changes = c.req.valid('json')
    const { user, practice } = c.var.auth
    const self = user.id === userId
    if (changes.role !== undefined) {
      if (!can(user.role, 'team:manage')) throw new Forbidden('Only the owner changes roles.')
      assertNotSelf(user.id, userId)
    }
    if (changes.aliases !== undefined && !self && !can(user.role, 'moments:manage')) {
      throw new Forbidden("Only owners and managers set someone else's aliases.")
    }
    if (changes.featureOptOut !== undefined && !self && !can(user.role, 'team:manage')) {
      throw new Forbidden('Only the person themself, or the owner, chooses not to be featured.')
    }
    const updated = await users.change(c.var.db, practice.id, userId, changes)
    if (changes.role !== undefined) {
      await revokeBoardRights(c.var.deps, practice.id, userId)
    }
    return c.json(toTeamMember(updated), 200)
  })
  .openapi(removeMember, async (c) => {
    const { userId } = c.req.valid('param')
    assertNotSelf(c.var.auth.user.id, userId)
    await users.remove(c.var.db, c.var.auth.practice.id, userId)
    await revokeBoardRights(c.var.deps, c.var.auth.practice.id, userId)
    return c.body(null, 204)
  })
  .openapi(invite, async (c) => {
    const { email, role } = c.req.valid('json')
    const { practice, user } = c.var.auth
    const { config } = c.var.deps
    if (await users.emailTaken(c.var.db, email)) {
      throw new AlreadyExists('Someone with this e-mail address already has an account.', 'email')
    }
    const pending = await invitations.list(c.var.db, practice.id)
    const now = new Date()
    if (
      pending.some(
        (i) => i.email === email && i.status === 'pending' && new Date(i.expiresAt) > now,
      )
    ) {
      throw new AlreadyExists(
        'This address has a pending invitation. Withdraw it to send a new one.',
        'email',
      )
    }
    const invitation: Invitation = {
      id: ulid(),
      email,
      role,
      status: 'pending',
      invitedBy: user.id,
      createdAt: now.toISOString(),
      expiresAt: addDays(now, config.INVITATION_TTL_DAYS).toISOString(),
    }
    const token = newToken()
    await invitations.create(c.var.db, practice.id, invitation, token)
    return c.json({ invitation, link: await sendInvitation(c, invitation, token) }, 201)
  })
  .openapi(renew, async (c) => {
    const { config } = c.var.deps
    const token = newToken()
    const expiresAt = addDays(new Date(), config.INVITATION_TTL_DAYS).toISOString()
    const invitation = await invitations.renew(
      c.var.db,
      c.var.auth.practice.id,
      c.req.valid('param').id,
      token,
      expiresAt,
    )
    return c.json({ invitation, link: await sendInvitation(c, invitation, token) }, 200)
  })
  .openapi(withdraw, async (c) => {
    await invitations.revoke(c.var.db, c.var.auth.practice.id, c.req.valid('param').id)
    return c.body(null, 204)
  })
