import type { Config } from '../config'
import type { Db } from '../store/db'
import { endUserMessagingSms } from './end-user-messaging-sms'
import {
  isSms,
  type ChannelSender,
  type EmailMessage,
  type Messenger,
  type SmsMessage,
} from './messenger'
import { outboxMessenger } from './outbox'
import { sesEmail } from './ses'

export type { EmailMessage, Message, Messenger, SmsMessage } from './messenger'
export { outboxMessenger } from './outbox'

/**
 * The messenger the configuration asks for: the local outbox (MAIL_MODE=outbox, the default), or
 * AWS (MAIL_MODE=ses): e-mail through SES, text messages through End User Messaging SMS.
 *
 * @example
 * const app = createApp({ config, db, mailer: messengerFor(config, db) })
 */
export function messengerFor(config: Config, db: Db): Messenger {
  return config.MAIL_MODE === 'ses'
    ? awsMessenger(sesEmail(config), endUserMessagingSms(config))
    : outboxMessenger(db)
}

/** Puts one sender per channel behind the one port. */
export function awsMessenger(
  email: ChannelSender<EmailMessage>,
  sms: ChannelSender<SmsMessage>,
): Messenger {
  return {
    mode: 'ses',
    send: (message) => (isSms(message) ? sms.send(message) : email.send(message)),
  }
}
