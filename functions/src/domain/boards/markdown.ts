import { dayOf } from '../calendar'
import type { Action, BoardArea, Note, PublicBoardState } from './board'

/** The words of the export, in the board's language. */
const words = {
  en: {
    persona: 'Persona',
    canvas: 'Canvas',
    date: 'Date',
    practice: 'Practice',
    empty: 'No notes.',
    anonymous: 'anonymous',
    response: 'patient comment',
    review: 'public review',
    emotionLine: 'Emotion line',
    touchpoint: 'Touch point',
    emotion: 'Emotion',
    emotions: ['very negative', 'negative', 'neutral', 'positive', 'very positive'],
    unset: 'not set',
    actions: 'Follow-up actions',
    noActions: 'No actions yet.',
    owner: 'owner',
    due: 'due',
    archived: 'This board is archived.',
  },
  es: {
    persona: 'Persona',
    canvas: 'Lienzo',
    date: 'Fecha',
    practice: 'Consultorio',
    empty: 'Sin notas.',
    anonymous: 'anónima',
    response: 'comentario de paciente',
    review: 'reseña pública',
    emotionLine: 'Línea de emociones',
    touchpoint: 'Punto de contacto',
    emotion: 'Emoción',
    emotions: ['muy negativa', 'negativa', 'neutral', 'positiva', 'muy positiva'],
    unset: 'sin marcar',
    actions: 'Acciones de seguimiento',
    noActions: 'Todavía no hay acciones.',
    owner: 'responsable',
    due: 'para el',
    archived: 'Este tablero está archivado.',
  },
} as const

export interface MarkdownOptions {
  practiceName?: string | undefined
  /** The canvas's title in the board's language; the canvas id when absent. */
  canvasTitle?: string | undefined
  /** The practice's time zone, for the board's date (UTC when absent). */
  timeZone?: string | undefined
}

/**
 * A board as a Markdown document to keep with the meeting's minutes: its title, persona, canvas
 * and date; each area with its notes (clusters under their label, dots as "●●● 3", quotes as
 * block quotes naming their source and day, anonymous notes without a name); a journey map's
 * emotion line as a table; and the follow-up actions as a task list. Every text from the board
 * is escaped, so a note cannot turn into a link, a heading or a table cell.
 *
 * @example
 * const md = boardMarkdown(publicState(state), { practiceName: 'Sunrise Dermatology' })
 * md.startsWith('# Booking a skin check') // true
 */
export function boardMarkdown(state: PublicBoardState, options: MarkdownOptions = {}): string {
  const { board } = state
  const t = words[board.language]
  const day = options.timeZone
    ? dayOf(new Date(board.createdAt), options.timeZone)
    : board.createdAt.slice(0, 10)
  const lines: string[] = [`# ${inline(board.title)}`, '']
  if (board.archived) lines.push(`_${t.archived}_`, '')
  if (options.practiceName) lines.push(`**${t.practice}:** ${inline(options.practiceName)}  `)
  lines.push(
    `**${t.persona}:** ${inline(board.persona)}  `,
    `**${t.canvas}:** ${inline(options.canvasTitle ?? board.canvasId)}  `,
    `**${t.date}:** ${day}`,
    '',
  )

  const notesIn = (area: string) =>
    Object.values(state.notes)
      .filter((note) => note.area === area)
      .sort((a, b) => a.order - b.order || a.createdAt.localeCompare(b.createdAt))

  if (board.kind === 'journey') {
    for (const column of board.journey) {
      lines.push(`## ${inline(column.title)}`, '')
      for (const area of board.areas.filter((a) => a.touchpointId === column.touchpointId)) {
        lines.push(...areaSection('###', area, notesIn(area.id), t))
      }
    }
    lines.push(`## ${t.emotionLine}`, '', `| ${t.touchpoint} | ${t.emotion} |`, '| --- | --- |')
    for (const column of board.journey) {
      const value = board.emotions[column.touchpointId]
      const shown =
        value === undefined ? t.unset : `${value > 0 ? '+' : ''}${value} (${t.emotions[value + 2]})`
      lines.push(`| ${inline(column.title)} | ${shown} |`)
    }
    lines.push('')
  } else {
    for (const area of board.areas) lines.push(...areaSection('##', area, notesIn(area.id), t))
  }

  lines.push(`## ${t.actions}`, '')
  const actions = Object.values(state.actions).sort((a, b) =>
    a.createdAt.localeCompare(b.createdAt),
  )
  if (actions.length === 0) lines.push(t.noActions)
  for (const action of actions) lines.push(actionLine(action, t))
  return `${lines.join('\n').trimEnd()}\n`
}

type Words = (typeof words)[keyof typeof words]

function areaSection(heading: string, area: BoardArea, notes: Note[], t: Words): string[] {
  const lines = [`${heading} ${inline(area.title)}`, '']
  if (notes.length === 0) return [...lines, `_${t.empty}_`, '']
  // Loose notes first, then each cluster under its label, in the order the clusters first appear.
  const clusters = new Map<string, Note[]>()
  for (const note of notes) {
    if (note.group === null) lines.push(noteLine(note, t, ''))
    else clusters.set(note.group, [...(clusters.get(note.group) ?? []), note])
  }
  for (const [label, members] of clusters) {
    const dots = members.reduce((sum, note) => sum + votesOn(note), 0)
    lines.push(`- **${inline(label)}**${dots > 0 ? ` ${dotsOf(dots)}` : ''}`)
    for (const note of members) lines.push(noteLine(note, t, '  '))
  }
  return [...lines, '']
}

function noteLine(note: Note, t: Words, indent: string): string {
  const votes = votesOn(note)
  const dots = votes > 0 ? ` ${dotsOf(votes)}` : ''
  if (note.source) {
    const kind = note.source.kind === 'review' ? t.review : t.response
    return `${indent}- > ${inline(note.text)} — _${kind}, ${inline(note.source.date)}_${dots}`
  }
  const who = note.author && !note.anonymous ? ` — ${inline(note.author.name)}` : ''
  return `${indent}- ${inline(note.text)}${who}${dots}`
}

function actionLine(action: Action, t: Words): string {
  const details = [
    ...(action.owner ? [`${t.owner}: ${inline(action.owner.name)}`] : []),
    ...(action.due ? [`${t.due} ${action.due}`] : []),
  ]
  return `- [${action.status === 'done' ? 'x' : ' '}] ${inline(action.text)}${
    details.length ? ` (${details.join(', ')})` : ''
  }`
}

const votesOn = (note: Note) => Object.values(note.votes).reduce((sum, n) => sum + n, 0)

/** "●●● 3": a dot each (at most ten drawn), then the count. */
const dotsOf = (count: number) => `${'●'.repeat(Math.min(count, 10))} ${count}`

/**
 * Board text on one line with Markdown's active characters escaped (CommonMark lets any ASCII
 * punctuation be escaped with a backslash), so notes render as the words people wrote.
 */
export function inline(text: string): string {
  return (
    text
      .replace(/\s*[\r\n]+\s*/g, ' ')
      .replace(/[\\`*_[\]<>|~&#!]/g, '\\$&')
      .trim()
      // At the start of a list item, "- x", "+ x" or "1. x" would open another list.
      .replace(/^[-+=]/, '\\$&')
      .replace(/^(\d+)([.)])/, '$1\\$2')
  )
}
