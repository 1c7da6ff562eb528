import type { Language } from '../practice'
import type { ReminderKind } from './actions'

export interface ReminderFacts {
  kind: ReminderKind
  language: Language
  practiceName: string
  /** The action's title: the committee's words, never a patient's. */
  actionTitle: string
  dueOn: string
  /** The case's page, where the rest is read signed in. */
  link: string
}

const longDate = (day: string, language: Language) =>
  new Intl.DateTimeFormat(language === 'es' ? 'es' : 'en-US', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`))

/**
 * The e-mail that reminds an action's owner the day before it is due, or tells them the day after
 * it fell overdue. It carries the practice's name, the action's title, its date and a link to the
 * case: no case description, no evidence, nothing a patient wrote (those are read in the app,
 * signed in, where they are protected).
 *
 * @example
 * reminderMail({ kind: 'due-tomorrow', language: 'en', practiceName: 'Alder Clinic', actionTitle: 'Print the new sign', dueOn: '2026-12-02', link }).subject
 * // 'Due tomorrow: your action for Alder Clinic's governance committee'
 */
export function reminderMail(facts: ReminderFacts): { subject: string; text: string } {
  const date = longDate(facts.dueOn, facts.language)
  if (facts.language === 'es') {
    const due = facts.kind === 'due-tomorrow'
    return {
      subject: due
        ? `Vence mañana: su acción para el comité de gobernanza de ${facts.practiceName}`
        : `Vencida: su acción para el comité de gobernanza de ${facts.practiceName}`,
      text:
        `${due ? 'Su acción vence mañana' : 'Su acción venció ayer'}, ${date}:\n\n` +
        `  ${facts.actionTitle}\n\n` +
        `Abra el caso para ponerla al día (estado y notas):\n${facts.link}\n\n` +
        `Comité de gobernanza de ${facts.practiceName}\n`,
    }
  }
  const due = facts.kind === 'due-tomorrow'
  return {
    subject: due
      ? `Due tomorrow: your action for ${facts.practiceName}'s governance committee`
      : `Overdue: your action for ${facts.practiceName}'s governance committee`,
    text:
      `${due ? 'Your action is due tomorrow' : 'Your action was due yesterday'}, ${date}:\n\n` +
      `  ${facts.actionTitle}\n\n` +
      `Open the case to bring it up to date (its status and notes):\n${facts.link}\n\n` +
      `${facts.practiceName} governance committee\n`,
  }
}
