import { dayOf } from '../domain/calendar'
import { reminderDue } from '../domain/governance/actions'
import { reminderMail } from '../domain/governance/reminder-mail'
import type { Practice } from '../domain/practice'
import * as actions from '../store/governance-actions'
import * as practices from '../store/practices'
import * as users from '../store/users'
import type { Job } from './job'

const dayPlus = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/**
 * The due-date index days that can hold an action owed a reminder today somewhere: "today" runs
 * from UTC−12 to UTC+14, so it is one of UTC's yesterday, today and tomorrow, and the actions due
 * the day after it or the day before it lie within two days of UTC's today.
 */
export const indexDays = (utcToday: string) => [-2, -1, 0, 1, 2].map((d) => dayPlus(utcToday, d))

/**
 * Reminds each action's owner the day before it is due ("due tomorrow") and tells them the day
 * after it fell overdue ("overdue"), by e-mail (the outbox locally, SES in AWS), with a link to the
 * case page and no patient words. "Today" is each practice's own. Each reminder is claimed before
 * it is sent, so a second run (a schedule firing twice, the local timer every few minutes) sends
 * nothing more. Owners who have left the practice are skipped and counted.
 */
export const governanceRemindersJob: Job = {
  name: 'governance.reminders',
  async run({ db, mailer, publicOrigin, now = () => new Date() }) {
    if (!mailer || !publicOrigin)
      throw new Error('The governance reminders need a messenger and the public origin')
    const at = now()
    const figures = { checked: 0, dueTomorrow: 0, overdue: 0, alreadySent: 0, ownerGone: 0 }
    const practiceCache = new Map<string, Promise<Practice | undefined>>()
    const practiceOf = (id: string) => {
      if (!practiceCache.has(id)) practiceCache.set(id, practices.get(db, id))
      return practiceCache.get(id)!
    }
    for (const day of indexDays(dayOf(at, 'UTC'))) {
      for (const entry of await actions.dueOn(db, day)) {
        figures.checked++
        const practice = await practiceOf(entry.practiceId)
        if (!practice) continue
        const action = await actions.get(db, practice.id, entry.actionId)
        // The index entry is read before the action: trust the action's own date and status.
        if (!action || action.dueOn !== day) continue
        const kind = reminderDue(action, dayOf(at, practice.timeZone))
        if (!kind) continue
        const owner = await users.get(db, practice.id, action.ownerId)
        if (!owner) {
          figures.ownerGone++
          continue
        }
        const claimed = await actions.claimReminder(
          db,
          practice.id,
          action.id,
          kind,
          action.dueOn,
          at.toISOString(),
        )
        if (!claimed) {
          figures.alreadySent++
          continue
        }
        const link = `${publicOrigin}/cases/${action.caseId}`
        // The product does not store a person's language: the practice's first one is theirs.
        const mail = reminderMail({
          kind,
          language: practice.languages[0] ?? 'en',
          practiceName: practice.name,
          actionTitle: action.title,
          dueOn: action.dueOn,
          link,
        })
        await mailer.send({ practiceId: practice.id, to: owner.email, ...mail, link })
        if (kind === 'due-tomorrow') figures.dueTomorrow++
        else figures.overdue++
      }
    }
    return figures
  },
}
