import type { AgendaIn } from '../agendas'
import { inline } from '../boards/markdown'
import type { Language } from '../practice'
import type { CaseStatus } from './case'
import type { Strength } from './fixes'

/**
 * A committee meeting as a Markdown document for the practice's records: who was there, the
 * agenda, the minutes, each decision with its cases, and the state of the work as of the export
 * (cases past their 72 hours, actions due and overdue, fixes in place and their outcome). It is the committee's
 * record, so it holds the committee's words only: case titles, never a case's description, its
 * evidence or any patient's words. Every stored text is escaped, so a title like `# x` or
 * `[a](b)` prints as those characters.
 */

export interface MinutesFacts {
  language: Language
  practiceName: string
  meeting: { date: string; minutes?: string | undefined; guests: string[] }
  agenda?: AgendaIn | undefined
  present: { name: string; role: string }[]
  decisions: { text: string; cases: CaseLine[] }[]
  casesPastReview: (CaseLine & { hoursLate: number })[]
  actions: {
    title: string
    ownerName: string
    dueOn: string
    overdue: boolean
    caseTitle: string
  }[]
  fixes: {
    title: string
    caseTitle: string
    strength: Strength
    effectiveOn: string
    /** The outcome's verdict in words, when it is known here. */
    outcome?: string | undefined
  }[]
  /** When the export was made (the state of cases, actions and fixes is as of then). */
  asOf: string
}

interface CaseLine {
  title: string
  status: CaseStatus
}

const words = {
  en: {
    title: 'Governance committee meeting',
    practice: 'Practice',
    date: 'Date',
    asOf: 'Cases, actions and fixes as of',
    present: 'Present',
    nobody: 'No attendees recorded.',
    guest: 'guest',
    agenda: 'Agenda',
    minutes: 'Minutes',
    noMinutes: 'No minutes recorded.',
    decisions: 'Decisions',
    noDecisions: 'No decisions recorded.',
    casesPast: 'Cases past their 72 hours without a review',
    noCasesPast: 'None.',
    hoursLate: (hours: number) => `${hours} h late`,
    actions: 'Actions due and overdue',
    noActions: 'None.',
    overdue: 'overdue',
    due: 'due',
    owner: 'owner',
    fixes: 'Fixes in place and their outcome',
    noFixes: 'None.',
    case: 'case',
    from: 'in effect from',
    strengths: { stronger: 'stronger', intermediate: 'intermediate', weaker: 'weaker' },
    minutesUnit: 'min',
    statuses: {
      open: 'open',
      investigating: 'investigating',
      'fix-planned': 'fix planned',
      'fix-in-place': 'fix in place',
      measuring: 'measuring',
      closed: 'closed',
      dismissed: 'dismissed',
    },
  },
  es: {
    title: 'Reunión del comité de gobernanza',
    practice: 'Consultorio',
    date: 'Fecha',
    asOf: 'Casos, acciones y soluciones a',
    present: 'Asistentes',
    nobody: 'No se registraron asistentes.',
    guest: 'invitado',
    agenda: 'Orden del día',
    minutes: 'Acta',
    noMinutes: 'No se registró acta.',
    decisions: 'Decisiones',
    noDecisions: 'No se registraron decisiones.',
    casesPast: 'Casos sin revisar pasadas sus 72 horas',
    noCasesPast: 'Ninguno.',
    hoursLate: (hours: number) => `${hours} h de retraso`,
    actions: 'Acciones que vencen y vencidas',
    noActions: 'Ninguna.',
    overdue: 'vencida',
    due: 'vence',
    owner: 'responsable',
    fixes: 'Soluciones en vigor y su resultado',
    noFixes: 'Ninguna.',
    case: 'caso',
    from: 'en vigor desde',
    strengths: { stronger: 'más fuerte', intermediate: 'intermedia', weaker: 'más débil' },
    minutesUnit: 'min',
    statuses: {
      open: 'abierto',
      investigating: 'en investigación',
      'fix-planned': 'solución planificada',
      'fix-in-place': 'solución en vigor',
      measuring: 'midiendo',
      closed: 'cerrado',
      dismissed: 'descartado',
    },
  },
} as const

/**
 * Plain text of several lines as Markdown: each line escaped, line breaks kept (a backslash at the
 * end of a line is CommonMark's hard break), blank lines kept as paragraph breaks.
 */
export function markdownText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => inline(line))
    .join('\n')
    .replace(/([^\n])\n(?=[^\n])/g, '$1\\\n')
    .replace(/\n{3,}/g, '\n\n')
}

/**
 * The meeting's minutes as Markdown.
 *
 * @example
 * const md = minutesMarkdown({ language: 'en', practiceName: 'Alder Clinic', meeting: { date: '2026-12-01', guests: [] }, present: [], decisions: [], casesPastReview: [], actions: [], fixes: [], asOf: '2026-12-01T18:00:00.000Z' })
 * md.startsWith('# Governance committee meeting, 2026-12-01') // true
 */
export function minutesMarkdown(facts: MinutesFacts): string {
  const t = words[facts.language]
  const caseRef = (kase: CaseLine) => `${inline(kase.title)} (${t.statuses[kase.status]})`
  const list = (items: string[], none: string) => (items.length ? items : [none])
  const lines: string[] = [
    `# ${t.title}, ${facts.meeting.date}`,
    '',
    `**${t.practice}:** ${inline(facts.practiceName)}  `,
    `**${t.date}:** ${facts.meeting.date}  `,
    `**${t.asOf}:** ${facts.asOf.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `## ${t.present}`,
    '',
    ...list(
      [
        ...facts.present.map((person) => `- ${inline(person.name)} (${inline(person.role)})`),
        ...facts.meeting.guests.map((guest) => `- ${inline(guest)} (${t.guest})`),
      ],
      t.nobody,
    ),
    '',
  ]
  if (facts.agenda) {
    lines.push(`## ${t.agenda}: ${inline(facts.agenda.title)}`, '')
    facts.agenda.items.forEach((item, i) =>
      lines.push(`${i + 1}. ${inline(item.title)} (${item.minutes} ${t.minutesUnit})`),
    )
    lines.push('')
  }
  lines.push(
    `## ${t.minutes}`,
    '',
    facts.meeting.minutes ? markdownText(facts.meeting.minutes) : `_${t.noMinutes}_`,
    '',
    `## ${t.decisions}`,
    '',
  )
  if (facts.decisions.length === 0) lines.push(`_${t.noDecisions}_`)
  facts.decisions.forEach((decision, i) => {
    lines.push(`${i + 1}. ${inline(decision.text)}`)
    for (const kase of decision.cases) lines.push(`   - ${t.case}: ${caseRef(kase)}`)
  })
  lines.push(
    '',
    `## ${t.casesPast}`,
    '',
    ...list(
      facts.casesPastReview.map((kase) => `- ${caseRef(kase)}: ${t.hoursLate(kase.hoursLate)}`),
      t.noCasesPast,
    ),
    '',
    `## ${t.actions}`,
    '',
    ...list(
      facts.actions.map(
        (action) =>
          `- ${inline(action.title)}: ${action.overdue ? `**${t.overdue}**` : t.due} ` +
          `${action.dueOn}, ${t.owner} ${inline(action.ownerName)} (${t.case}: ${inline(action.caseTitle)})`,
      ),
      t.noActions,
    ),
    '',
    `## ${t.fixes}`,
    '',
    ...list(
      facts.fixes.map(
        (fix) =>
          `- ${inline(fix.title)}: ${t.strengths[fix.strength]}, ${t.from} ${fix.effectiveOn} ` +
          `(${t.case}: ${inline(fix.caseTitle)})${fix.outcome ? `. ${inline(fix.outcome)}` : ''}`,
      ),
      t.noFixes,
    ),
    '',
  )
  return lines.join('\n')
}
