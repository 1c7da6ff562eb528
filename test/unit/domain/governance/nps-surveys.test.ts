import { describe, expect, it } from 'vitest'
import { npsSurveysOf } from '../../../../functions/src/domain/governance/nps-surveys'

const nps = { id: 'recommend', type: 'nps', prompt: { en: 'Recommend?' } }
const rating = (touchpoint: string) => ({
  id: `r-${touchpoint}`,
  type: 'rating',
  touchpoint,
  prompt: { en: touchpoint },
})
const survey = (surveyId: string, questions: object[]) => ({
  surveyId,
  definition: { questions } as never,
})

describe('the surveys whose NPS an outcome reads', () => {
  it('are those that rate the touch point and ask NPS, and no other', () => {
    expect(
      npsSurveysOf('check-in', [
        survey('pulse', [nps, rating('check-in'), rating('visit')]),
        survey('no-nps', [rating('check-in')]),
        survey('other-touchpoint', [nps, rating('billing')]),
        survey('visit', [rating('visit'), nps, rating('check-in')]),
      ]),
    ).toEqual(['pulse', 'visit'])
    expect(npsSurveysOf('check-in', [])).toEqual([])
  })
})
