import type { Logger } from 'pino'
import type { Context } from 'hono'
import type { Config } from '../config'
import type { Practice, User } from '../domain/practice'
import type { Mailer } from '../mail/mailer'
import type { Db } from '../store/db'

/** What the app needs from where it runs; the Lambda handler and the local server each pass theirs. */
export interface AppDeps {
  config: Config
  db: Db
  mailer: Mailer
  /** The client's network address, for throttling; each runtime knows where to find it. */
  clientAddress?: (c: Context) => string | undefined
  logger?: Logger
}

/** The signed-in person, set by the session middleware. */
export interface Auth {
  practice: Practice
  user: User
  sessionToken: string
  csrfToken: string
}

export interface AppEnv {
  Variables: {
    deps: AppDeps
    db: Db
    requestId: string
    log: Logger
    auth: Auth
  }
}
