import type { Answers } from '../../../../functions/src/domain/answers'
import { counterIncrements } from '../../../../functions/src/domain/counters'
import {
  SurveyDefinition,
  type SurveyDefinitionInput,
} from '../../../../functions/src/domain/surveys'
import { mergeCounters, type Histogram } from '../../../../functions/src/domain/metrics'

/** A one-language survey with the given questions, defaults filled in as the API would. */
export function surveyOf(questions: SurveyDefinitionInput['questions']): SurveyDefinition {
  return SurveyDefinition.parse({ title: { en: 'Test' }, languages: ['en'], questions })
}

/**
 * The counters a run of accepted responses leaves, built the way ingest builds them (one
 * `counterIncrements` per response), so metrics are checked against the real counter shape.
 */
export function countersFrom(survey: SurveyDefinition, responses: Answers[]) {
  return mergeCounters(responses.map((answers) => counterIncrements(survey, answers)))
}

/** A histogram counted straight from raw answers, without the counter layer. */
export function histogramOf(answers: readonly (string | number)[]): Histogram {
  const histogram: Record<string, number> = {}
  for (const answer of answers) histogram[String(answer)] = (histogram[String(answer)] ?? 0) + 1
  return histogram
}

/** |actual − expected| within `tolerance`, relative to the expected size (absolute near 0). */
export function near(actual: number | null, expected: number, tolerance = 1e-9): boolean {
  return (
    actual !== null && Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected))
  )
}

export const frequency = ['never', 'sometimes', 'usually', 'always'] as const
export const frequencyOptions = frequency.map((value) => ({ value, label: { en: value } }))
