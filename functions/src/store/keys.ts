/**
 * Every key string in the table is built here and nowhere else. Practice data lives under
 * `P#<practiceId>`, so a query that starts from a practice id cannot reach another practice. The few
 * global lookups (e-mail, session, invitation token, throttle) carry the practice id inside their
 * item and the store checks it.
 */
export interface Key {
  pk: string
  sk: string
}

const practicePk = (practiceId: string) => `P#${practiceId}`

export const practice = (practiceId: string): Key => ({
  pk: practicePk(practiceId),
  sk: 'PRACTICE',
})

export const user = (practiceId: string, userId: string): Key => ({
  pk: practicePk(practiceId),
  sk: `USER#${userId}`,
})
export const users = (practiceId: string) => ({ pk: practicePk(practiceId), skPrefix: 'USER#' })

export const location = (practiceId: string, locationId: string): Key => ({
  pk: practicePk(practiceId),
  sk: `LOCATION#${locationId}`,
})
export const locations = (practiceId: string) => ({
  pk: practicePk(practiceId),
  skPrefix: 'LOCATION#',
})

export const provider = (practiceId: string, providerId: string): Key => ({
  pk: practicePk(practiceId),
  sk: `PROVIDER#${providerId}`,
})
export const providers = (practiceId: string) => ({
  pk: practicePk(practiceId),
  skPrefix: 'PROVIDER#',
})

export const invitation = (practiceId: string, invitationId: string): Key => ({
  pk: practicePk(practiceId),
  sk: `INVITATION#${invitationId}`,
})
export const invitations = (practiceId: string) => ({
  pk: practicePk(practiceId),
  skPrefix: 'INVITATION#',
})

export const outboxMessage = (practiceId: string, messageId: string): Key => ({
  pk: practicePk(practiceId),
  sk: `OUTBOX#${messageId}`,
})
export const outbox = (practiceId: string) => ({ pk: practicePk(practiceId), skPrefix: 'OUTBOX#' })

/** Global: one account per e-mail address across all practices. */
export const emailLookup = (email: string): Key => ({ pk: `EMAIL#${email}`, sk: 'EMAIL' })

/** Global: sessions are found by the hash of the cookie's token. */
export const session = (tokenHash: string): Key => ({ pk: `SESSION#${tokenHash}`, sk: 'SESSION' })

/** Global: an invitation link is found by the hash of its token. */
export const invitationToken = (tokenHash: string): Key => ({
  pk: `INVITE#${tokenHash}`,
  sk: 'INVITE',
})

/** Global: a fixed-window counter of attempts (sign-ins per e-mail, per address). */
export const throttle = (scope: string, subject: string, windowStart: number): Key => ({
  pk: `THROTTLE#${scope}#${subject}`,
  sk: `W#${windowStart}`,
})

/** The small item `GET /api/health` reads to prove the table answers. */
export const health = (): Key => ({ pk: 'HEALTH', sk: 'HEALTH' })
