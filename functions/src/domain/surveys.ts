import { z } from 'zod'
import { Language, languages } from './practice'

/**
 * What a survey asks, as data: the same shape for templates in `workshops/`, drafts in the editor
 * and published versions. Every string a patient sees is given in each of the survey's languages.
 */

/** Ids of questions, options and touch points: short, URL- and key-safe. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Use lower-case letters, digits and dashes (at most 40)')
export type Slug = z.infer<typeof Slug>

/** A patient-facing string in one or more languages: `{ en: 'Thank you', es: 'Gracias' }`. */
export const Localized = z.partialRecord(Language, z.string().trim().min(1, 'Required').max(600))
export type Localized = z.infer<typeof Localized>

export const compositeIds = [
  'access',
  'provider-communication',
  'care-coordination',
  'office-staff',
] as const
export const Composite = z.enum(compositeIds)
export type Composite = z.infer<typeof Composite>

// Strict objects: a misspelt field ("lowlabel") is an error, not silently dropped.
const QuestionBase = z.strictObject({
  id: Slug,
  prompt: Localized,
  /** A line under the prompt, e.g. "Think of your most recent visit". */
  help: Localized.optional(),
  required: z.boolean().default(false),
  /** The touch point of the journey this question measures. */
  touchpoint: Slug.optional(),
})

const ScaleLabels = {
  lowLabel: Localized.optional(),
  highLabel: Localized.optional(),
}

export const Option = z.strictObject({ value: Slug, label: Localized })
export type Option = z.infer<typeof Option>

export const NpsQuestion = QuestionBase.extend({ type: z.literal('nps'), ...ScaleLabels })

export const RatingQuestion = QuestionBase.extend({
  type: z.literal('rating'),
  min: z.number().int().min(0).max(1).default(1),
  max: z.number().int().min(2).max(10).default(5),
  /** For CAHPS-style composites: the provider rating (0-10) belongs to no composite but is reported. */
  composite: Composite.optional(),
  /** Marks the overall provider rating (CAHPS: 0-10, top box 9-10), so reports need not guess. */
  measure: z.literal('provider-rating').optional(),
  ...ScaleLabels,
})

export const SingleQuestion = QuestionBase.extend({
  type: z.literal('single'),
  options: z.array(Option).min(2).max(12),
  /** Which options count as the best answer ("Always", "Yes, definitely") for top-box scores. */
  topBox: z.array(Slug).default([]),
  composite: Composite.optional(),
})

export const MultiQuestion = QuestionBase.extend({
  type: z.literal('multi'),
  options: z.array(Option).min(2).max(12),
  maxChoices: z.number().int().min(1).max(12).optional(),
})

export const YesNoQuestion = QuestionBase.extend({
  type: z.literal('yesno'),
  /** Skip logic: when the answer equals `when`, go straight to question `to` (or the end). */
  skip: z.strictObject({ when: z.boolean(), to: z.union([Slug, z.literal('end')]) }).optional(),
  /** Which answer is the good one, when the question counts toward a composite. */
  topBox: z.array(z.boolean()).default([]),
  composite: Composite.optional(),
})

export const textMaxLength = 2000
export const TextQuestion = QuestionBase.extend({
  type: z.literal('text'),
  maxLength: z.number().int().min(1).max(textMaxLength).default(1000),
})

/**
 * "Who did you see today?": its choices are the practice's providers when the survey is served,
 * so a survey need not change when the team does. The answer is a provider's id; it gives the
 * response its provider when the link named none (see `providerOf`).
 */
export const ProviderQuestion = QuestionBase.extend({ type: z.literal('provider') })

export const Question = z.discriminatedUnion('type', [
  NpsQuestion,
  RatingQuestion,
  SingleQuestion,
  MultiQuestion,
  YesNoQuestion,
  TextQuestion,
  ProviderQuestion,
])
export type Question = z.infer<typeof Question>
export type QuestionInput = z.input<typeof Question>
export const questionTypes = [
  'nps',
  'rating',
  'single',
  'multi',
  'yesno',
  'text',
  'provider',
] as const
export type QuestionType = (typeof questionTypes)[number]

const SurveyContent = z.strictObject({
  title: Localized,
  /** Shown above the first question. */
  intro: Localized.optional(),
  /** Shown on the thank-you page, to every respondent alike. */
  thankYou: Localized.optional(),
  languages: z.array(Language).min(1).max(languages.length),
  questions: z.array(Question).min(1, 'Add at least one question').max(60),
})

/** A survey's content, checked for the rules no single field can see. */
export const SurveyDefinition = SurveyContent.superRefine((survey, ctx) => {
  for (const issue of definitionProblems(survey)) ctx.addIssue({ code: 'custom', ...issue })
})
export type SurveyDefinition = z.infer<typeof SurveyDefinition>
export type SurveyDefinitionInput = z.input<typeof SurveyDefinition>

/** A template in `workshops/surveys/`: a definition with a catalogue id and description. */
export const SurveyTemplate = SurveyContent.extend({
  id: Slug,
  description: Localized,
  /** Minutes a patient needs, shown in the catalogue. */
  minutes: z.number().int().min(1).max(30),
  /**
   * The template promises one rating per touch point: a survey made from it also asks about every
   * touch point of the practice's journey it lacks (see `withJourneyTouchpoints`).
   */
  everyTouchpoint: z.boolean().default(false),
}).superRefine((template, ctx) => {
  for (const issue of definitionProblems(template)) ctx.addIssue({ code: 'custom', ...issue })
  for (const language of template.languages) {
    if (!template.description[language]) {
      ctx.addIssue({
        code: 'custom',
        path: ['description', language],
        message: `Missing the ${language} text`,
      })
    }
  }
})
export type SurveyTemplate = z.infer<typeof SurveyTemplate>

type Content = z.infer<typeof SurveyContent>

/** Unique ids, every string in every language, skip targets that exist and lie ahead. */
export function definitionProblems(
  survey: Content,
): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = []
  const seen = new Map<string, number>()
  survey.questions.forEach((question, index) => {
    if (seen.has(question.id)) {
      problems.push({
        path: ['questions', index, 'id'],
        message: `Question id "${question.id}" is used twice`,
      })
    }
    seen.set(question.id, index)
  })
  const needAll = (text: Localized | undefined, path: (string | number)[]) => {
    if (!text) return
    for (const language of survey.languages) {
      if (!text[language])
        problems.push({ path: [...path, language], message: `Missing the ${language} text` })
    }
  }
  needAll(survey.title, ['title'])
  needAll(survey.intro, ['intro'])
  needAll(survey.thankYou, ['thankYou'])
  survey.questions.forEach((question, index) => {
    const at = ['questions', index]
    needAll(question.prompt, [...at, 'prompt'])
    needAll(question.help, [...at, 'help'])
    if (question.type === 'nps' || question.type === 'rating') {
      needAll(question.lowLabel, [...at, 'lowLabel'])
      needAll(question.highLabel, [...at, 'highLabel'])
    }
    if (question.type === 'single' || question.type === 'multi') {
      const values = new Set<string>()
      question.options.forEach((option, optionIndex) => {
        needAll(option.label, [...at, 'options', optionIndex, 'label'])
        if (values.has(option.value)) {
          problems.push({
            path: [...at, 'options', optionIndex, 'value'],
            message: `Option "${option.value}" is used twice`,
          })
        }
        values.add(option.value)
      })
      if (question.type === 'single') {
        for (const value of question.topBox) {
          if (!values.has(value))
            problems.push({ path: [...at, 'topBox'], message: `No option "${value}"` })
        }
      }
    }
    if (question.type === 'yesno' && question.skip && question.skip.to !== 'end') {
      const target = seen.get(question.skip.to)
      if (target === undefined) {
        problems.push({
          path: [...at, 'skip', 'to'],
          message: `No question "${question.skip.to}" to skip to`,
        })
      } else if (target <= index) {
        problems.push({
          path: [...at, 'skip', 'to'],
          message: 'Skip only forward, to a later question',
        })
      }
    }
  })
  return problems
}

/** The text in the wanted language, else the first the survey has. */
export function localize(text: Localized | undefined, language: Language): string {
  if (!text) return ''
  return text[language] ?? Object.values(text)[0] ?? ''
}
