import { z } from 'zod'
import { plainString } from '../plain-text'
import { Id } from '../practice'
import { Slug } from '../surveys'

/**
 * Systemic fixes, graded by the action hierarchy of RCA² (National Patient Safety Foundation,
 * 2015, after the VA's): stronger actions change the system so the failure cannot easily recur;
 * weaker ones rely on people remembering. A case with only weaker fixes is flagged.
 */
export const actionHierarchy = {
  stronger: [
    'architectural-change',
    'forcing-function',
    'standardisation',
    'simplified-process',
    'leadership-action',
  ],
  intermediate: [
    'checklist',
    'software-change',
    'staffing',
    'standardised-communication',
    'simulation-training',
  ],
  weaker: ['training', 'new-policy', 'warning', 'double-check'],
} as const

export const Strength = z.enum(['stronger', 'intermediate', 'weaker'])
export type Strength = z.infer<typeof Strength>

export const actionTypes = Object.values(actionHierarchy).flat()
export const ActionType = z.enum(actionTypes)
export type ActionType = z.infer<typeof ActionType>

/** The strength RCA² gives an action type. */
export const strengthOf = (type: ActionType): Strength =>
  (Object.keys(actionHierarchy) as Strength[]).find((strength) =>
    (actionHierarchy[strength] as readonly string[]).includes(type),
  )!

const Text = (max: number) =>
  plainString().trim().min(1, 'Required').max(max, `Use at most ${max} characters`)

export const NewFix = z
  .object({
    title: Text(140),
    description: Text(2000).optional(),
    touchpointId: Slug,
    /** The day the fix takes effect: the outcome compares the weeks before it with those after. */
    effectiveOn: z.iso.date(),
    strength: Strength,
    actionType: ActionType,
  })
  .superRefine((fix, ctx) => {
    if (strengthOf(fix.actionType) !== fix.strength) {
      ctx.addIssue({
        code: 'custom',
        path: ['strength'],
        message: `RCA² rates ${fix.actionType} as ${strengthOf(fix.actionType)}`,
      })
    }
  })
export type NewFix = z.infer<typeof NewFix>

/**
 * `PATCH /api/fixes/{id}`: any of a fix's own fields. `description: null` clears it. A new action
 * type or strength is checked against the other (the fix's own where only one is sent) by
 * `checkFixStrength`, since only the route knows the fix being changed.
 */
export const FixChanges = z
  .object({
    title: Text(140).optional(),
    description: Text(2000).nullable().optional(),
    touchpointId: Slug.optional(),
    effectiveOn: z.iso.date().optional(),
    strength: Strength.optional(),
    actionType: ActionType.optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, 'Change at least one field')
export type FixChanges = z.infer<typeof FixChanges>

/**
 * Why a fix's strength and action type disagree after a change, or undefined when RCA² agrees.
 *
 * @example
 * checkFixStrength({ strength: 'weaker', actionType: 'training' }, { actionType: 'forcing-function' })
 * // 'RCA² rates forcing-function as stronger'
 */
export function checkFixStrength(
  fix: Pick<Fix, 'strength' | 'actionType'>,
  changes: Pick<FixChanges, 'strength' | 'actionType'>,
): string | undefined {
  const actionType = changes.actionType ?? fix.actionType
  const strength = changes.strength ?? fix.strength
  return strengthOf(actionType) === strength
    ? undefined
    : `RCA² rates ${actionType} as ${strengthOf(actionType)}`
}

export const Fix = z.object({
  id: Id,
  caseId: Id,
  version: z.literal(1).default(1),
  title: z.string(),
  description: z.string().optional(),
  touchpointId: Slug,
  effectiveOn: z.iso.date(),
  strength: Strength,
  actionType: ActionType,
  createdBy: Id,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
export type Fix = z.infer<typeof Fix>

/** The case has fixes, and every one is weaker: the committee is nudged to add a stronger one. */
export const onlyWeakerFixes = (fixes: readonly Pick<Fix, 'strength'>[]) =>
  fixes.length > 0 && fixes.every((fix) => fix.strength === 'weaker')
