import type { Config } from '../config'
import type { Db } from '../store/db'
import type { Mailer } from './mailer'
import { outboxMailer } from './outbox'
import { sesMailer } from './ses'

export type { Mailer, Message } from './mailer'

export function mailerFor(config: Config, db: Db): Mailer {
  return config.MAIL_MODE === 'ses' ? sesMailer(config) : outboxMailer(db)
}
