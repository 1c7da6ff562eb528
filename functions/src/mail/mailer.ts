/** An e-mail to one person. It carries a link, never survey answers or other health information. */
export interface Message {
  practiceId: string
  to: string
  subject: string
  text: string
  link?: string
}

export interface Mailer {
  readonly mode: 'outbox' | 'ses'
  send(message: Message): Promise<void>
}
