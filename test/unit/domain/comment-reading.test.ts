import { describe, expect, it } from 'vitest'
import { createCommentReader } from '../../../functions/src/domain/comment-reading'
import { commentParts, commentText } from '../../../functions/src/domain/comment-text'
import type { EnglishWord } from '../../../functions/src/domain/sentiment'
import type { SurveyDefinition } from '../../../functions/src/domain/surveys'
import { polarityLexicons, surveyTemplates, themes } from '../../../workshops'

const pulse = surveyTemplates.find((template) => template.id === 'visit-pulse') as SurveyDefinition
const textQuestions = pulse.questions.filter((question) => question.type === 'text')

/** A stand-in for wink that reads every word as neutral and counts how often it was asked. */
function fakeEnglish() {
  const calls: string[] = []
  const readEnglish = async (text: string): Promise<EnglishWord[]> => {
    calls.push(text)
    return text
      .split(/\s+/u)
      .map((word) => ({ text: word.toLowerCase(), negated: false, polarity: 0 }))
  }
  return { calls, readEnglish }
}

describe('createCommentReader', () => {
  it('never asks the English model about Spanish or blank comments', async () => {
    const english = fakeEnglish()
    const reader = createCommentReader({ lexicons: polarityLexicons, themes, ...english })
    expect((await reader.analyze('Esperé dos horas.', 'es')).sentiment.label).toBe('negative')
    expect(await reader.analyze('   ', 'en')).toEqual({
      sentiment: { label: 'neutral', score: 0 },
      themes: [],
    })
    expect(await reader.read(pulse, { recommend: 9 }, 'en')).toBeUndefined()
    expect(english.calls).toEqual([])
  })

  it('scores English with the lexicon over the words the model gives', async () => {
    const english = fakeEnglish()
    const reader = createCommentReader({ lexicons: polarityLexicons, themes, ...english })
    const { sentiment } = await reader.analyze('rushed', 'en')
    expect(sentiment.label).toBe('negative')
    expect(english.calls).toEqual(['rushed'])
  })
})

describe('commentText', () => {
  const first = textQuestions[0]!
  // A second free-text question, after the first: the pulse has one.
  const questions = [...pulse.questions, { ...first, id: 'anything-else' }]

  it('joins the free-text answers in question order, trimmed, leaving out blank ones', () => {
    const answers = { recommend: 3, 'anything-else': 'Kind nurse.', [first.id]: '  Long wait. ' }
    expect(commentText(questions, answers)).toBe('Long wait. · Kind nurse.')
    expect(commentText(questions, answers, '\n')).toBe('Long wait.\nKind nurse.')
    expect(commentText(questions, { ...answers, [first.id]: ' ' })).toBe('Kind nurse.')
    expect(commentText(questions, { recommend: 3 })).toBe('')
  })

  it('keeps the question of each part, for the touch point a quote belongs to', () => {
    const parts = commentParts(questions, { [first.id]: 'Parking.', recommend: 9 })
    expect(parts).toEqual([{ question: first, text: 'Parking.' }])
  })
})
