import type { Answers } from './answers'
import type { SurveyDefinition } from './surveys'

/**
 * What one accepted response adds to the aggregate counters. Counters keep, per question and per
 * touch point, how many answered and how many gave each value (a histogram), from which every
 * figure the dashboard shows (mean, top-box, NPS, composites) is derived without reading responses.
 *
 * Attribute names are flat (`q.<question>.n`, `q.<question>.v.<value>`, `tp.<touchpoint>.v.<value>`)
 * because DynamoDB's ADD works only on top-level attributes.
 */
export function counterIncrements(
  survey: SurveyDefinition,
  answers: Answers,
): Record<string, number> {
  const add: Record<string, number> = { responses: 1 }
  const bump = (name: string, by = 1) => (add[name] = (add[name] ?? 0) + by)
  for (const question of survey.questions) {
    const answer = answers[question.id]
    if (answer === undefined) continue
    const q = `q.${question.id}`
    bump(`${q}.n`)
    switch (question.type) {
      case 'nps':
      case 'rating':
        bump(`${q}.v.${answer as number}`)
        bump(`${q}.sum`, answer as number)
        if (question.touchpoint && question.type === 'rating') {
          // Touch-point scores are on a 1-5 scale; other scales stay per question only.
          if (question.min === 1 && question.max === 5) {
            bump(`tp.${question.touchpoint}.n`)
            bump(`tp.${question.touchpoint}.v.${answer as number}`)
          }
        }
        break
      case 'single':
        bump(`${q}.v.${answer as string}`)
        break
      case 'yesno':
        bump(`${q}.v.${answer ? 'yes' : 'no'}`)
        break
      case 'multi':
        for (const value of answer as string[]) bump(`${q}.v.${value}`)
        break
      case 'text':
        // Only that there was a comment; the words stay in the response.
        break
    }
  }
  return add
}
