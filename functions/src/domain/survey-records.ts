import { z } from 'zod'
import { Id, Language } from './practice'
import { Slug, SurveyDefinition } from './surveys'

export const SurveyStatus = z.enum(['draft', 'published', 'archived'])

/** A practice's survey: the draft being edited, and which published version patients answer. */
export const Survey = z.object({
  id: Id,
  /** The template it started from, if any. */
  templateId: Slug.nullable(),
  status: SurveyStatus,
  draft: SurveyDefinition,
  /** The live version patients answer (null until first published). */
  publishedVersion: z.number().int().positive().nullable(),
  /** True when the draft differs from the live version. */
  unpublishedChanges: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
export type Survey = z.infer<typeof Survey>

/** A published version: never changes once written; responses name the version they answered. */
export const SurveyVersion = z.object({
  surveyId: Id,
  version: z.number().int().positive(),
  definition: SurveyDefinition,
  publishedAt: z.iso.datetime(),
})
export type SurveyVersion = z.infer<typeof SurveyVersion>

export const AnswerValue = z.union([z.number(), z.boolean(), z.string(), z.array(z.string())])

/** One patient's answers to one version, with where the link said they were seen. */
export const SurveyResponse = z.object({
  id: Id,
  surveyId: Id,
  version: z.number().int().positive(),
  language: Language,
  answers: z.record(z.string(), AnswerValue),
  location: Id.optional(),
  provider: Id.optional(),
  submittedAt: z.iso.datetime(),
})
export type SurveyResponse = z.infer<typeof SurveyResponse>
