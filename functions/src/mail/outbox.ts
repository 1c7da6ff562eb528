import { ulid } from 'ulid'
import type { Db } from '../store/db'
import * as outbox from '../store/outbox'
import type { Mailer } from './mailer'

/** Keeps e-mails in the practice's outbox page instead of sending them: for running locally. */
export function outboxMailer(db: Db): Mailer {
  return {
    mode: 'outbox',
    async send({ practiceId, ...message }) {
      await outbox.add(db, practiceId, {
        id: ulid(),
        createdAt: new Date().toISOString(),
        ...message,
      })
    },
  }
}
