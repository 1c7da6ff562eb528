import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { z } from 'zod'
import { AlreadyExists, Gone, NotFound } from '../domain/errors'
import { Id, Invitation, type User } from '../domain/practice'
import { hashToken } from '../domain/tokens'
import type { Db } from './db'
import { conditionFailedAt, epochSeconds, fromItem, isConditionFailure, toItem } from './items'
import * as keys from './keys'
import { queryAll } from './query'

const StoredInvitation = Invitation.extend({ tokenHash: z.string() })
const TokenLookup = z.object({ practiceId: Id, invitationId: Id })

/** Store a new invitation and the lookup its link's token opens; both expire together. */
export async function create(db: Db, practiceId: string, invitation: Invitation, token: string) {
  const tokenHash = hashToken(token)
  await db.client.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: db.table,
            Item: toItem(keys.invitation(practiceId, invitation.id), 'invitation', {
              ...invitation,
              tokenHash,
            }),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: db.table,
            Item: toItem(keys.invitationToken(tokenHash), 'invitation-token', {
              practiceId,
              invitationId: invitation.id,
              // Numeric, so DynamoDB's TTL clears dead links; the invitation itself stays as history.
              expiresAt: epochSeconds(new Date(invitation.expiresAt)),
            }),
          },
        },
      ],
    }),
  )
}

/** Newest first; pending invitations past their time are reported as `expired`. */
export async function list(db: Db, practiceId: string, now = new Date()): Promise<Invitation[]> {
  return (await queryAll(db, keys.invitations(practiceId)))
    .map((item) => fromItem(Invitation, item))
    .map((invitation) =>
      invitation.status === 'pending' && new Date(invitation.expiresAt) <= now
        ? { ...invitation, status: 'expired' as const }
        : invitation,
    )
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

/**
 * Give a pending (or expired) invitation a new link and a new expiry; the old link stops working.
 * For an owner who lost the link, or an invitee who let it lapse.
 */
export async function renew(
  db: Db,
  practiceId: string,
  invitationId: string,
  token: string,
  expiresAt: string,
): Promise<Invitation> {
  const stored = await getStored(db, practiceId, invitationId)
  if (!stored) throw new NotFound('invitation', invitationId)
  if (stored.status !== 'pending') throw new Gone('This invitation is no longer pending.')
  const tokenHash = hashToken(token)
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: db.table,
              Key: keys.invitation(practiceId, invitationId),
              UpdateExpression: 'SET tokenHash = :new, expiresAt = :expires',
              ConditionExpression: '#status = :pending AND tokenHash = :old',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':new': tokenHash,
                ':old': stored.tokenHash,
                ':expires': expiresAt,
                ':pending': 'pending',
              },
            },
          },
          { Delete: { TableName: db.table, Key: keys.invitationToken(stored.tokenHash) } },
          {
            Put: {
              TableName: db.table,
              Item: toItem(keys.invitationToken(tokenHash), 'invitation-token', {
                practiceId,
                invitationId,
                expiresAt: epochSeconds(new Date(expiresAt)),
              }),
            },
          },
        ],
      }),
    )
  } catch (err) {
    if (conditionFailedAt(err, 0)) throw new Gone('This invitation changed meanwhile; reload.')
    throw err
  }
  const { tokenHash: _old, ...invitation } = stored
  return { ...invitation, expiresAt }
}

async function getStored(db: Db, practiceId: string, invitationId: string) {
  const { Item } = await db.client.send(
    new GetCommand({
      TableName: db.table,
      Key: keys.invitation(practiceId, invitationId),
      ConsistentRead: true,
    }),
  )
  return Item ? fromItem(StoredInvitation, Item) : undefined
}

/** The practice and invitation a link's token opens, if it is still usable. */
export async function findByToken(
  db: Db,
  token: string,
  now = new Date(),
): Promise<{ practiceId: string; invitation: Invitation }> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.invitationToken(hashToken(token)) }),
  )
  if (!Item) throw new NotFound('invitation')
  const { practiceId, invitationId } = fromItem(TokenLookup, Item)
  const stored = await getStored(db, practiceId, invitationId)
  if (!stored || stored.tokenHash !== hashToken(token)) throw new NotFound('invitation')
  if (stored.status === 'accepted')
    throw new Gone('This invitation has already been used. Sign in instead.')
  if (stored.status === 'revoked')
    throw new Gone('This invitation was withdrawn. Ask for a new one.')
  if (new Date(stored.expiresAt) <= now)
    throw new Gone('This invitation has expired. Ask for a new one.')
  const { tokenHash: _hash, ...invitation } = stored
  return { practiceId, invitation }
}

/**
 * Turn an invitation into a user, once: the invitation is marked accepted (which spends its link)
 * and the user and their e-mail lookup are created, all in one transaction. The link's lookup item
 * stays until its TTL, so a second click is told the link was used rather than "not found".
 */
export async function accept(
  db: Db,
  token: string,
  newUser: (practiceId: string, invitation: Invitation) => { user: User; passwordHash: string },
): Promise<User> {
  const { practiceId, invitation } = await findByToken(db, token)
  const { user, passwordHash } = newUser(practiceId, invitation)
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: db.table,
              Key: keys.invitation(practiceId, invitation.id),
              UpdateExpression: 'SET #status = :accepted',
              ConditionExpression: '#status = :pending',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':accepted': 'accepted', ':pending': 'pending' },
            },
          },
          {
            Put: {
              TableName: db.table,
              Item: toItem(keys.user(practiceId, user.id), 'user', { ...user, passwordHash }),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: db.table,
              Item: toItem(keys.emailLookup(user.email), 'email', { practiceId, userId: user.id }),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    )
  } catch (err) {
    if (conditionFailedAt(err, 0))
      throw new Gone('This invitation has already been used or withdrawn.')
    if (conditionFailedAt(err, 2)) {
      throw new AlreadyExists('An account with this e-mail address already exists.', 'email')
    }
    throw err
  }
  return user
}

/** Withdraw a pending invitation. Its link's lookup stays, so the invitee is told "withdrawn". */
export async function revoke(db: Db, practiceId: string, invitationId: string): Promise<void> {
  try {
    await db.client.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.invitation(practiceId, invitationId),
        UpdateExpression: 'SET #status = :revoked',
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':revoked': 'revoked', ':pending': 'pending' },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    )
  } catch (err) {
    if (!isConditionFailure(err)) throw err
    // The failed condition returns the old item when there was one: it exists but is not pending.
    if ((err as { Item?: unknown }).Item) throw new Gone('This invitation is no longer pending.')
    throw new NotFound('invitation', invitationId)
  }
}
