import { z } from 'zod'
import { Slug } from '../surveys'

/** Text in each language the product speaks; English is required, Spanish optional. */
const Localized = z.strictObject({ en: z.string().min(1), es: z.string().min(1).optional() })

/**
 * One area of a canvas: where notes go. `row`/`col` (1-based) and spans place it on the canvas's
 * grid, so a phone can stack areas in order and a projector can lay them out as drawn.
 */
export const CanvasArea = z.strictObject({
  id: Slug,
  title: Localized,
  /** The question the area asks, shown on the empty area and to screen readers. */
  prompt: Localized,
  row: z.number().int().min(1),
  col: z.number().int().min(1),
  rowSpan: z.number().int().min(1).default(1),
  colSpan: z.number().int().min(1).default(1),
  /** A tint from the board palette, so areas are told apart by more than position. */
  tone: z.enum(['neutral', 'pain', 'gain', 'goal']).default('neutral'),
})
export type CanvasArea = z.infer<typeof CanvasArea>

/** A step of the facilitated workshop: what people do and for how long. */
export const WorkshopStep = z.strictObject({
  id: Slug,
  title: Localized,
  instructions: Localized,
  minutes: z.number().int().min(1).max(120),
  /** What the board invites in this step: writing notes, dot voting, talking, deciding actions. */
  mode: z.enum(['write', 'vote', 'discuss', 'act']),
})
export type WorkshopStep = z.infer<typeof WorkshopStep>

/**
 * A canvas template. `grid` canvases list their areas; a `journey` canvas lists its rows and takes
 * its columns from the practice's journey (its touch points) when a board is created.
 */
export const Canvas = z.strictObject({
  id: Slug,
  title: Localized,
  description: Localized,
  /** Where the method comes from, shown in the canvas picker. */
  credit: z.string().min(1),
  kind: z.enum(['grid', 'journey']),
  columns: z.number().int().min(1).max(12),
  areas: z.array(CanvasArea).default([]),
  /** Journey canvases: one row of notes per entry, across every touch point. */
  rows: z
    .array(CanvasArea.omit({ row: true, col: true, rowSpan: true, colSpan: true }))
    .default([]),
  steps: z.array(WorkshopStep).min(1),
  /** Dots each person may place when voting, unless the facilitator changes it. */
  voteLimit: z.number().int().min(1).max(20),
})
export type Canvas = z.infer<typeof Canvas>
