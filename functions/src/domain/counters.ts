import type { Answers } from './answers'
import type { Sentiment } from './survey-records'
import type { SurveyDefinition } from './surveys'

/** What the free text of a response said, as counted (see `analyzeComment`). */
export interface CommentReading {
  sentiment: Sentiment
  themes: readonly string[]
}

/**
 * What one accepted response adds to the aggregate counters. Counters keep, per question and per
 * touch point, how many answered and how many gave each value (a histogram), from which every
 * figure the dashboard shows (mean, top-box, NPS, composites) is derived without reading responses.
 *
 * Attribute names are flat (`q.<question>.n`, `q.<question>.v.<value>`, `tp.<touchpoint>.v.<value>`)
 * because DynamoDB's ADD works only on top-level attributes.
 *
 * Besides the per-question histograms, a few names do not depend on question ids, so that the
 * counters of all surveys together (`*`) add up the same measure whichever survey asked it:
 * - `nps.v.<0-10>`: the survey's likelihood-to-recommend (its first `nps` question);
 * - `pr.v.<0-10>`: the overall provider rating (`measure: 'provider-rating'`);
 * - `cmp.<composite>.<question>.n` / `.top`: answers to a CAHPS composite item, and how many were
 *   top-box as this version defines it (so a later change of `topBox` never rewrites the past);
 * - `text.n`, `sent.<label>`, `th.<theme>.n`, `th.<theme>.neg`: comments, their sentiment, themes.
 */
export function counterIncrements(
  survey: SurveyDefinition,
  answers: Answers,
  comment?: CommentReading,
): Record<string, number> {
  const add: Record<string, number> = { responses: 1 }
  const bump = (name: string, by = 1) => (add[name] = (add[name] ?? 0) + by)
  const recommend = survey.questions.find((question) => question.type === 'nps')
  for (const question of survey.questions) {
    const answer = answers[question.id]
    if (answer === undefined) continue
    const q = `q.${question.id}`
    bump(`${q}.n`)
    if (question === recommend) bump(`nps.v.${answer as number}`)
    if (question.type === 'rating' && question.measure === 'provider-rating') {
      bump(`pr.v.${answer as number}`)
    }
    // An item without a top box cannot be scored; counting it would drag its composite to 0.
    const scored =
      question.type === 'rating' || ('topBox' in question && question.topBox.length > 0)
    if ('composite' in question && question.composite && scored) {
      const item = `cmp.${question.composite}.${question.id}`
      bump(`${item}.n`)
      const top =
        question.type === 'single'
          ? question.topBox.includes(answer as string)
          : question.type === 'yesno'
            ? question.topBox.includes(answer as boolean)
            : question.type === 'rating'
              ? (answer as number) >= question.max - 1
              : false
      if (top) bump(`${item}.top`)
    }
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
  if (comment) {
    bump('text.n')
    bump(`sent.${comment.sentiment.label}`)
    for (const theme of comment.themes) {
      bump(`th.${theme}.n`)
      if (comment.sentiment.label === 'negative') bump(`th.${theme}.neg`)
    }
  }
  return add
}
