import { ulid } from 'ulid'
import type { Db } from '../store/db'
import * as outbox from '../store/outbox'
import { isSms, type Messenger } from './messenger'

/**
 * Keeps messages in the practice's outbox page instead of sending them: for running locally. A text
 * message is kept like an e-mail, its subject saying so, so the same page shows both.
 *
 * @example
 * const app = createApp({ config, db, mailer: outboxMessenger(db) })
 */
export function outboxMessenger(db: Db): Messenger {
  return {
    mode: 'outbox',
    async send(message) {
      const { practiceId, to, text, link } = message
      await outbox.add(db, practiceId, {
        id: ulid(),
        createdAt: new Date().toISOString(),
        to,
        subject: isSms(message) ? 'Text message' : message.subject,
        text,
        ...(link === undefined ? {} : { link }),
      })
    },
  }
}
