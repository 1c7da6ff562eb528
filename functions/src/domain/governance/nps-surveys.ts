import type { SurveyDefinition } from '../surveys'

/**
 * The surveys whose NPS an outcome reads for a touch point: those that rate the touch point and
 * ask how likely the patient is to recommend. The counters keep NPS by survey, not by touch point,
 * so "the same for NPS where the touch point's survey asks it" means these surveys' NPS, not the
 * practice's across every survey.
 *
 * @example
 * npsSurveysOf('check-in', [{ surveyId: 'S1', definition: pulse }, { surveyId: 'S2', definition: billingOnly }])
 * // ['S1'] when the pulse rates check-in and asks NPS
 */
export function npsSurveysOf(
  touchpointId: string,
  versions: readonly { surveyId: string; definition: Pick<SurveyDefinition, 'questions'> }[],
): string[] {
  return versions
    .filter(({ definition: { questions } }) => {
      const asksNps = questions.some((question) => question.type === 'nps')
      const rates = questions.some(
        (question) => question.type === 'rating' && question.touchpoint === touchpointId,
      )
      return asksNps && rates
    })
    .map((version) => version.surveyId)
}
