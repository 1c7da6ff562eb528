import { Invalid } from '../errors'
import type { Touchpoint } from '../journeys'
import type { Language } from '../practice'
import { Board, type BoardArea, type Participant } from './board'
import type { Canvas } from './canvas'

/** What the person starting a board chose. */
export interface NewBoardInput {
  title: string
  persona: string
  /** The touch point the workshop is about, if any; must be one of the practice's journey. */
  touchpointId: string | null
  language: Language
}

export interface NewBoard {
  id: string
  canvas: Canvas
  /** The practice's journey, in order: a journey canvas takes one column per touch point. */
  touchpoints: readonly Touchpoint[]
  input: NewBoardInput
  creator: Participant
  at: Date
}

/** Canvas text in the board's language; English is always there. */
const text = (localized: { en: string; es?: string | undefined }, language: Language) =>
  (language === 'es' ? localized.es : undefined) ?? localized.en

/**
 * A new board from its canvas, with every title, prompt and step resolved into the board's
 * language, so the board reads the same later even if the canvas file changes. A journey canvas
 * becomes one column per touch point and one row per canvas row; its cells are the areas
 * `<row>.<touch point>`, listed touch point by touch point so a phone stacks them in journey order.
 *
 * @example
 * const board = newBoard({ id: ulid(), canvas, touchpoints: journey.touchpoints, creator, at: new Date(),
 *   input: { title: 'Booking a skin check', persona: 'New patient', touchpointId: null, language: 'en' } })
 * board.areas.map((area) => area.id) // ['goal', 'see', 'say', …]
 */
export function newBoard({ id, canvas, touchpoints, input, creator, at }: NewBoard): Board {
  const { language } = input
  if (input.touchpointId !== null && !touchpoints.some((t) => t.id === input.touchpointId)) {
    throw new Invalid('The practice’s journey has no such touch point.', 'touchpointId')
  }
  const journey = canvas.kind === 'journey' ? touchpoints : []
  const areas: BoardArea[] =
    canvas.kind === 'journey'
      ? journey.flatMap((touchpoint, col) =>
          canvas.rows.map((row, index) => ({
            id: `${row.id}.${touchpoint.id}`,
            title: text(row.title, language),
            prompt: text(row.prompt, language),
            row: index + 1,
            col: col + 1,
            rowSpan: 1,
            colSpan: 1,
            tone: row.tone,
            touchpointId: touchpoint.id,
          })),
        )
      : canvas.areas.map((area) => ({
          id: area.id,
          title: text(area.title, language),
          prompt: text(area.prompt, language),
          row: area.row,
          col: area.col,
          rowSpan: area.rowSpan,
          colSpan: area.colSpan,
          tone: area.tone,
          touchpointId: null,
        }))
  return Board.parse({
    id,
    title: input.title,
    persona: input.persona,
    canvasId: canvas.id,
    kind: canvas.kind,
    touchpointId: input.touchpointId,
    language,
    columns: canvas.kind === 'journey' ? journey.length : canvas.columns,
    areas,
    journey: journey.map((touchpoint) => ({
      touchpointId: touchpoint.id,
      title: touchpoint.name[language] ?? touchpoint.name.en ?? touchpoint.id,
    })),
    steps: canvas.steps.map((step) => ({
      id: step.id,
      title: text(step.title, language),
      instructions: text(step.instructions, language),
      minutes: step.minutes,
      mode: step.mode,
    })),
    createdBy: creator,
    createdAt: at.toISOString(),
    facilitatorId: creator.id,
    seq: 0,
    step: { index: 0, startedAt: null, endsAt: null },
    hidden: false,
    locked: false,
    anonymousAllowed: true,
    votesHidden: false,
    voteLimit: canvas.voteLimit,
    emotions: {},
    archived: false,
  } satisfies Board)
}
