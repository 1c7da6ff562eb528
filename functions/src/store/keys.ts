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

/**
 * Whether a partition key handed back from outside (a paging cursor) lies under this practice,
 * so a cursor made from another practice's key is refused rather than trusted.
 *
 * @example
 * keys.isUnderPractice('p1', keys.responsesOfMonth('p1', '2026-11')) // true
 * keys.isUnderPractice('p1', keys.responsesOfMonth('p2', '2026-11')) // false
 */
export const isUnderPractice = (practiceId: string, pk: string) =>
  pk.startsWith(`${practicePk(practiceId)}#`)

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

/**
 * A location's or provider's claim on its name (the `sameNameKey` form), written in the same
 * transaction as the item: two concurrent creates of one name cannot both succeed.
 */
export const nameClaim = (practiceId: string, kind: string, nameKey: string): Key => ({
  pk: practicePk(practiceId),
  sk: `NAME#${kind}#${nameKey}`,
})
/** Marks a practice whose items of `kind` all hold their name claims (see store/collection). */
export const nameClaimsWritten = (practiceId: string, kind: string): Key => ({
  pk: practicePk(practiceId),
  sk: `NAME#${kind}`,
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

/** Global: a password-reset link is found by the hash of its token. */
export const passwordReset = (tokenHash: string): Key => ({
  pk: `RESET#${tokenHash}`,
  sk: 'RESET',
})

/**
 * Global: written with the first practice, so a deployment that closes sign-up knows at once
 * (without a Scan) that its practice exists.
 */
export const installation = (): Key => ({ pk: 'INSTALLATION', sk: 'INSTALLATION' })

/** Global: a fixed-window counter of attempts (sign-ins per e-mail, per address). */
export const throttle = (scope: string, subject: string, windowStart: number): Key => ({
  pk: `THROTTLE#${scope}#${subject}`,
  sk: `W#${windowStart}`,
})

/** The small item `GET /api/health` reads to prove the table answers. */
export const health = (): Key => ({ pk: 'HEALTH', sk: 'HEALTH' })

export const survey = (practiceId: string, surveyId: string): Key => ({
  pk: practicePk(practiceId),
  sk: `SURVEY#${surveyId}`,
})
export const surveys = (practiceId: string) => ({ pk: practicePk(practiceId), skPrefix: 'SURVEY#' })

/** Published versions never change; zero-padded so they sort in order. */
export const surveyVersion = (practiceId: string, surveyId: string, version: number): Key => ({
  pk: practicePk(practiceId),
  sk: `SURVEYVERSION#${surveyId}#${String(version).padStart(6, '0')}`,
})

/** Global: which practice a public survey link belongs to, and its live version. */
export const publicSurvey = (surveyId: string): Key => ({
  pk: `PUBLICSURVEY#${surveyId}`,
  sk: 'SURVEY',
})

/** The practice's journey (its touch points), when it has edited the specialty's default. */
export const journey = (practiceId: string): Key => ({ pk: practicePk(practiceId), sk: 'JOURNEY' })

/** Responses live in one partition per practice and month (practice time), newest last. */
export const responsesOfMonth = (practiceId: string, month: string) =>
  `${practicePk(practiceId)}#R#${month}`
export const response = (practiceId: string, month: string, responseId: string): Key => ({
  pk: responsesOfMonth(practiceId, month),
  sk: responseId,
})

/** Global: a submission's idempotency key, so a replay changes nothing. */
export const idempotency = (surveyId: string, idempotencyKey: string): Key => ({
  pk: `IDEM#${surveyId}#${idempotencyKey}`,
  sk: 'IDEM',
})

/**
 * Aggregate counters of one survey (or `*`, every survey) in a practice. Sort keys put period kind
 * and scope first so one Query reads one scope's range: `W#all#2026-11-16`, `M#L#<location>#2026-11`.
 */
export const countersOf = (practiceId: string, surveyId: string | '*') =>
  `${practicePk(practiceId)}#C#${surveyId}`
export type CounterScope = 'all' | `L#${string}` | `V#${string}`

/**
 * The counter scopes one response adds to: every response, its location's, its provider's.
 *
 * @example
 * keys.counterScopes({ location: 'loc1' }) // ['all', 'L#loc1']
 * keys.counterScopes({}) // ['all']
 */
export function counterScopes(of: { location?: string; provider?: string }): CounterScope[] {
  const scopes: CounterScope[] = ['all']
  if (of.location) scopes.push(`L#${of.location}`)
  if (of.provider) scopes.push(`V#${of.provider}`)
  return scopes
}

/**
 * The one scope a dashboard reads: a location's, a provider's, or (neither given) everything.
 *
 * @example
 * keys.counterScope({ provider: 'prov1' }) // 'V#prov1'
 */
export function counterScope(of: { location?: string; provider?: string }): CounterScope {
  if (of.location) return `L#${of.location}`
  if (of.provider) return `V#${of.provider}`
  return 'all'
}
export const counter = (
  practiceId: string,
  surveyId: string | '*',
  period: 'W' | 'M',
  scope: CounterScope,
  start: string,
): Key => ({ pk: countersOf(practiceId, surveyId), sk: `${period}#${scope}#${start}` })

/**
 * A board's live state: one partition per board holding the board item (settings and its sequence
 * number), its notes and its actions, so one Query loads the whole board.
 */
export const boardState = (practiceId: string, boardId: string) =>
  `${practicePk(practiceId)}#B#${boardId}`
export const board = (practiceId: string, boardId: string): Key => ({
  pk: boardState(practiceId, boardId),
  sk: 'BOARD',
})
export const boardNote = (practiceId: string, boardId: string, noteId: string): Key => ({
  pk: boardState(practiceId, boardId),
  sk: `NOTE#${noteId}`,
})
export const boardAction = (practiceId: string, boardId: string, actionId: string): Key => ({
  pk: boardState(practiceId, boardId),
  sk: `ACTION#${actionId}`,
})

/** The practice's list of boards: a small summary item per board, newest last. */
export const boardSummary = (practiceId: string, boardId: string): Key => ({
  pk: practicePk(practiceId),
  sk: `BOARD#${boardId}`,
})
export const boardSummaries = (practiceId: string) => ({
  pk: practicePk(practiceId),
  skPrefix: 'BOARD#',
})

/** A board's operation log (its history), in sequence order, beside each operation id seen. */
export const boardLog = (practiceId: string, boardId: string) =>
  `${practicePk(practiceId)}#B#${boardId}#LOG`
export const boardEntry = (practiceId: string, boardId: string, seq: number): Key => ({
  pk: boardLog(practiceId, boardId),
  sk: `E#${String(seq).padStart(10, '0')}`,
})
export const boardOpId = (practiceId: string, boardId: string, opId: string): Key => ({
  pk: boardLog(practiceId, boardId),
  sk: `ID#${opId}`,
})

/** Open WebSocket connections to a board (API Gateway in AWS), and each one's global lookup. */
export const boardConnections = (practiceId: string, boardId: string) =>
  `${practicePk(practiceId)}#B#${boardId}#CONN`
export const boardConnection = (
  practiceId: string,
  boardId: string,
  connectionId: string,
): Key => ({
  pk: boardConnections(practiceId, boardId),
  sk: connectionId,
})
/** A person's open sockets across the practice's boards: what revoking their rights finds. */
export const personConnections = (practiceId: string, participantId: string) =>
  `${practicePk(practiceId)}#PCONN#${participantId}`
export const personConnection = (
  practiceId: string,
  participantId: string,
  connectionId: string,
): Key => ({ pk: personConnections(practiceId, participantId), sk: connectionId })
/** The guest links made for a board (what the share panel lists), by link id. */
export const boardGuestLinks = (practiceId: string, boardId: string) =>
  `${practicePk(practiceId)}#B#${boardId}#GLINK`
export const boardGuestLink = (practiceId: string, boardId: string, linkId: string): Key => ({
  pk: boardGuestLinks(practiceId, boardId),
  sk: linkId,
})
/** Global: `$disconnect` and `$default` know only the connection id. */
export const connectionLookup = (connectionId: string): Key => ({
  pk: `CONN#${connectionId}`,
  sk: 'CONN',
})

/** Global: a one-minute, single-use ticket that opens a board's socket, found by its hash. */
export const boardTicket = (tokenHash: string): Key => ({ pk: `TICKET#${tokenHash}`, sk: 'TICKET' })

/** Global: an expiring guest link to one board, found by the hash of its token. */
export const guestLink = (tokenHash: string): Key => ({ pk: `GUESTLINK#${tokenHash}`, sk: 'LINK' })
/** Global: a guest's session on one board (cookie `tp_guest`), found by its hash. */
export const guestSession = (tokenHash: string): Key => ({ pk: `GUEST#${tokenHash}`, sk: 'GUEST' })

/**
 * Reviews live in one partition per practice and UTC month of their creation; a review's id is a
 * ULID made from its creation time, so the id alone says which partition holds it, and a month
 * reads newest first.
 */
export const reviewsOfMonth = (practiceId: string, month: string) =>
  `${practicePk(practiceId)}#RV#${month}`
export const review = (practiceId: string, month: string, reviewId: string): Key => ({
  pk: reviewsOfMonth(practiceId, month),
  sk: reviewId,
})
/**
 * A review's identity on its site, `(source, externalId)` → its id and what it counted: how a
 * re-sync knows a review it has seen, and how a full sweep finds the ones a site no longer has.
 */
export const reviewIdentities = (practiceId: string) => `${practicePk(practiceId)}#RVX`
export const reviewIdentity = (practiceId: string, source: string, externalId: string): Key => ({
  pk: reviewIdentities(practiceId),
  sk: `${source}#${externalId}`,
})
/**
 * Replies written here, kept apart from the review so a sync that rewrites the review never wipes
 * them: `L#<reviewId>` is the latest (one BatchGet for a page of reviews), `H#<reviewId>#<at>#<id>`
 * every one ever saved, with who wrote it.
 */
export const reviewReplies = (practiceId: string) => `${practicePk(practiceId)}#RVR`
export const latestReviewReply = (practiceId: string, reviewId: string): Key => ({
  pk: reviewReplies(practiceId),
  sk: `L#${reviewId}`,
})
export const reviewReplyHistory = (practiceId: string, reviewId: string) => ({
  pk: reviewReplies(practiceId),
  skPrefix: `H#${reviewId}#`,
})
export const reviewReply = (practiceId: string, reviewId: string, at: string, id: string): Key => ({
  pk: reviewReplies(practiceId),
  sk: `H#${reviewId}#${at}#${id}`,
})
/** A connected review site: its settings and its sync state, never its secrets. */
export const reviewSource = (practiceId: string, source: string): Key => ({
  pk: practicePk(practiceId),
  sk: `REVIEWSOURCE#${source}`,
})
export const reviewSources = (practiceId: string) => ({
  pk: practicePk(practiceId),
  skPrefix: 'REVIEWSOURCE#',
})
/** Index key: every connected source of every practice, which the scheduled sync walks. */
export const connectedReviewSources = 'REVIEWSOURCES'

/** Review counters: `W#<scope>#<week>`, `M#<scope>#<month>`, scopes as in domain/reviews/counters. */
export const reviewCountersOf = (practiceId: string) => `${practicePk(practiceId)}#CRV`
export const reviewCounter = (
  practiceId: string,
  period: 'W' | 'M',
  scope: string,
  start: string,
): Key => ({ pk: reviewCountersOf(practiceId), sk: `${period}#${scope}#${start}` })

/** The practice's audit log (who read or exported patients' words, when), newest last. */
export const auditOf = (practiceId: string) => `${practicePk(practiceId)}#AUDIT`
export const auditEntry = (practiceId: string, at: string, id: string): Key => ({
  pk: auditOf(practiceId),
  sk: `${at}#${id}`,
})

/**
 * Customer-experience moments: `M#<id>` each (a practice has one or two a week, so reading them
 * all is one small Query), and `O#<kind>#<origin id>` holding which moment a story became, so the
 * same comment, review or submission never becomes a second moment.
 */
export const momentsOf = (practiceId: string) => `${practicePk(practiceId)}#MO`
export const moment = (practiceId: string, momentId: string): Key => ({
  pk: momentsOf(practiceId),
  sk: `M#${momentId}`,
})
export const allMoments = (practiceId: string) => ({ pk: momentsOf(practiceId), skPrefix: 'M#' })
export const momentOrigin = (practiceId: string, kind: string, originId: string): Key => ({
  pk: momentsOf(practiceId),
  sk: `O#${kind}#${originId}`,
})
/** Staff's "I saw this happen" stories, one partition per ISO week of the practice. */
export const momentSubmissionsOf = (practiceId: string, week: string) =>
  `${practicePk(practiceId)}#MS#${week}`
export const momentSubmission = (practiceId: string, week: string, id: string): Key => ({
  pk: momentSubmissionsOf(practiceId, week),
  sk: id,
})
/** A finished week's praise by person, kept so the recognition wall does not re-read 13 weeks. */
export const weekPraise = (practiceId: string, week: string): Key => ({
  pk: momentsOf(practiceId),
  sk: `T#${week}`,
})
