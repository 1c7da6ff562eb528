import { z } from 'zod'
import type { Language } from './practice'
import { Slug } from './surveys'

/**
 * Meeting agendas (`workshops/agendas/*.json`): the staff meeting and the daily huddle that meeting
 * mode (`/meeting`) walks through one item at a time, each with its own timer. Agendas are data,
 * so a practice's facilitator can change the order or the minutes without touching code.
 */

/**
 * Text in both languages the product speaks. Both are required here (unlike a canvas, where
 * Spanish may follow later): meeting mode is read aloud to a room, and a room that meets in
 * Spanish must never see an English prompt fall through.
 */
const BothLanguages = z.strictObject({
  en: z.string().trim().min(1).max(300),
  es: z.string().trim().min(1).max(300),
})

/**
 * What an item puts on the screen besides its title and prompts:
 * - `moment`: this week's customer-experience moment (the quote, who, what they did, what the
 *   patient gained);
 * - `numbers`: the week's headline figures with their uncertainty;
 * - `actions`: the open follow-up actions from workshop boards;
 * - `board`: a link to the last board or to start a new one;
 * - `discussion`: the prompts alone.
 */
export const agendaItemKinds = ['moment', 'numbers', 'actions', 'board', 'discussion'] as const
export const AgendaItemKind = z.enum(agendaItemKinds)
export type AgendaItemKind = z.infer<typeof AgendaItemKind>

export const AgendaItem = z.strictObject({
  id: Slug,
  kind: AgendaItemKind,
  title: BothLanguages,
  /** The item's timer; it turns amber at one minute left and red when over. */
  minutes: z.number().int().min(1).max(30),
  /** Questions for the facilitator to put to the room, in the order to ask them. */
  prompts: z.array(BothLanguages).min(1).max(5),
})
export type AgendaItem = z.infer<typeof AgendaItem>

export const Agenda = z.strictObject({
  id: Slug,
  title: BothLanguages,
  /** One sentence for the agenda picker: when to use it. */
  description: BothLanguages,
  items: z.array(AgendaItem).min(2).max(12),
})
export type Agenda = z.infer<typeof Agenda>

/** How long the whole agenda takes, in minutes: the sum of its items' timers. */
export function agendaMinutes(agenda: Pick<Agenda, 'items'>): number {
  return agenda.items.reduce((total, item) => total + item.minutes, 0)
}

/** An agenda with its text in one language, as meeting mode shows it. */
export interface AgendaIn {
  id: string
  title: string
  description: string
  minutes: number
  items: { id: string; kind: AgendaItemKind; title: string; minutes: number; prompts: string[] }[]
}

/**
 * The agenda's text in one language, with its total minutes.
 *
 * @example
 * agendaIn(weeklyStaffMeeting, 'es').items[0]?.title // 'El momento de experiencia del paciente'
 */
export function agendaIn(agenda: Agenda, language: Language): AgendaIn {
  return {
    id: agenda.id,
    title: agenda.title[language],
    description: agenda.description[language],
    minutes: agendaMinutes(agenda),
    items: agenda.items.map((item) => ({
      id: item.id,
      kind: item.kind,
      title: item.title[language],
      minutes: item.minutes,
      prompts: item.prompts.map((prompt) => prompt[language]),
    })),
  }
}
