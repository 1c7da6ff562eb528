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

export const sentimentLabels = ['positive', 'neutral', 'negative'] as const
export const SentimentLabel = z.enum(sentimentLabels)
export type SentimentLabel = z.infer<typeof SentimentLabel>

/** How a response's free text reads: computed once, when the response is accepted. */
export const Sentiment = z.object({
  label: SentimentLabel,
  /** -1 (very negative) to 1 (very positive). */
  score: z.number().min(-1).max(1),
})
export type Sentiment = z.infer<typeof Sentiment>

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
  /** `import` for past results imported from another tool; absent for answers given here. */
  source: z.literal('import').optional(),
  /** Present when the response has free text (responses from before analytics have none). */
  sentiment: Sentiment.optional(),
  /** Theme ids of the free text (`wait-time`, `billing-cost`…), from `workshops/themes.json`. */
  themes: z.array(Slug).optional(),
})
export type SurveyResponse = z.infer<typeof SurveyResponse>
