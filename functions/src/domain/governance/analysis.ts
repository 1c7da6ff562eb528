import { z } from 'zod'
import { plainString } from '../plain-text'
import { Id } from '../practice'

/**
 * A case's root-cause analysis, drawn as a fishbone (Ishikawa) diagram: categories are its bones,
 * and each cause on a bone has its own chain of whys, so the analysis does not stop at the first
 * cause (the weakness of a single five-whys chain). The committee marks root causes by asking of
 * each: if this were corrected, would the failure recur?
 */

/** The bones a new analysis starts with (the committee may rename, drop or add). */
export const defaultCategories = [
  'People',
  'Process',
  'Policy',
  'Place',
  'Technology and equipment',
  'Communication',
  'Patient factors',
] as const

const Text = (max: number) =>
  plainString().trim().min(1, 'Required').max(max, `Use at most ${max} characters`)

export const evidenceKinds = ['response', 'review', 'board-note'] as const
export const EvidenceKind = z.enum(evidenceKinds)
export type EvidenceKind = z.infer<typeof EvidenceKind>

/** A cause cites evidence already linked to the case, by its kind and id. */
export const CitedEvidence = z.object({ kind: EvidenceKind, id: z.string().min(1).max(80) })

export const Cause = z.object({
  /** Kept across saves; the server gives one to a new cause. */
  id: Id.optional(),
  /** One of the analysis's categories. */
  category: Text(60),
  text: Text(300),
  /** Why did that happen? Each answer asks the next why (at most 7: five is the habit). */
  whys: z.array(Text(300)).max(7).default([]),
  evidence: z.array(CitedEvidence).max(20).default([]),
  /** "If this were corrected, would it recur?" No: a root cause. */
  root: z.boolean().default(false),
})
export type Cause = z.infer<typeof Cause>

export const AnalysisBody = z
  .object({
    categories: z
      .array(Text(60))
      .min(1, 'Keep at least one category')
      .max(12, 'Use at most 12 categories'),
    causes: z.array(Cause).max(60, 'Use at most 60 causes'),
  })
  .superRefine((analysis, ctx) => {
    const seen = new Set<string>()
    analysis.categories.forEach((category, i) => {
      const key = category.toLocaleLowerCase()
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: ['categories', i], message: 'Already a category' })
      seen.add(key)
    })
    analysis.causes.forEach((cause, i) => {
      if (!seen.has(cause.category.toLocaleLowerCase())) {
        ctx.addIssue({
          code: 'custom',
          path: ['causes', i, 'category'],
          message: 'Not one of the categories',
        })
      }
    })
  })
export type AnalysisBody = z.infer<typeof AnalysisBody>

export const Analysis = z.object({
  version: z.literal(1).default(1),
  categories: z.array(z.string()),
  causes: z.array(Cause.required({ id: true })),
  updatedAt: z.iso.datetime().optional(),
  updatedBy: Id.optional(),
})
export type Analysis = z.infer<typeof Analysis>

/** A case with no analysis yet: the default bones and no causes. */
export const emptyAnalysis = (): Analysis => ({
  version: 1,
  categories: [...defaultCategories],
  causes: [],
})
