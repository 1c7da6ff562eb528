/**
 * The one port everything that writes to people goes through. A message carries a link, never
 * survey answers or other health information (nothing a patient wrote, no score).
 */

/** An e-mail to one person. `channel` may be left out: e-mail is what a message was first. */
export interface EmailMessage {
  channel?: 'email'
  practiceId: string
  to: string
  subject: string
  text: string
  link?: string
}

/** A text message to one phone number (E.164, `+15555550123`): short, with the link in its text. */
export interface SmsMessage {
  channel: 'sms'
  practiceId: string
  to: string
  text: string
  link?: string
}

export type Message = EmailMessage | SmsMessage

/**
 * Sends a message, or keeps it (the local outbox). `mode` says which of the two the product is in,
 * so the outbox page is offered only when there is an outbox.
 *
 * @example
 * const messenger = messengerFor(config, db)
 * await messenger.send({ practiceId, to: 'ana@clinic.test', subject: 'Join us', text, link })
 * await messenger.send({ channel: 'sms', practiceId, to: '+15555550123', text: `Your visit: ${link}` })
 */
export interface Messenger {
  readonly mode: 'outbox' | 'ses'
  send(message: Message): Promise<void>
}

/** Sends one channel only; `messengerFor` puts one per channel behind the `Messenger` port. */
export interface ChannelSender<M extends Message> {
  send(message: M): Promise<void>
}

export const isSms = (message: Message): message is SmsMessage => message.channel === 'sms'
