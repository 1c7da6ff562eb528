import type { Logger } from 'pino'
import type { Context } from 'hono'
import type { Config } from '../config'
import type { Board, Participant } from '../domain/boards/board'
import type { Practice, User } from '../domain/practice'
import type { Messenger } from '../messaging'
import type { ExportPort } from './export-port'
import type { BoardHub } from '../realtime/ports'
import type { SecretStore } from '../secrets/secret-store'
import type { Db } from '../store/db'

/** What the app needs from where it runs; the Lambda handler and the local server each pass theirs. */
export interface AppDeps {
  config: Config
  db: Db
  mailer: Messenger
  /** The client's network address, for throttling; each runtime knows where to find it. */
  clientAddress?: (c: Context) => string | undefined
  logger?: Logger
  /** Where board entries applied over HTTP (archiving) are sent to the board's open sockets. */
  boardHub?: BoardHub
  /** How exports reach the browser: streamed (the default) or built in S3 (Lambda). */
  exports?: ExportPort
  /**
   * Where review sites' credentials are kept (a 0600 file locally, Secrets Manager in AWS).
   * Absent, connecting a review site answers 503.
   */
  secrets?: SecretStore
  /** The address the local server listens on, for links when `PUBLIC_URL` is unset. */
  listeningOrigin?: () => string | undefined
}

/** The signed-in person, set by the session middleware. */
export interface Auth {
  practice: Practice
  user: User
  sessionToken: string
  csrfToken: string
}

/**
 * Who is on a board, set by `boardAccess()`: a staff member of the board's practice (with `auth`)
 * or a guest whose session is for this board. The practice comes from the session, never the URL.
 */
export interface BoardAccess {
  practiceId: string
  board: Board
  participant: Participant
  /** The board's facilitator, or an owner or manager of its practice. */
  facilitator: boolean
  /** The CSRF token this caller's writes must carry. */
  csrfToken: string
  /** Set for staff; guests have none. */
  auth: Auth | undefined
  /** A guest's: the link they came by (revoking it ends their session). */
  guestLinkId?: string | undefined
}

export interface AppEnv {
  Variables: {
    deps: AppDeps
    db: Db
    requestId: string
    log: Logger
    auth: Auth
    boardAccess: BoardAccess
  }
}
