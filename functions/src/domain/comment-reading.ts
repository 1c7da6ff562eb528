import type { Answers } from './answers'
import { commentText } from './comment-text'
import type { CommentReading } from './counters'
import type { Language } from './practice'
import {
  createSentimentScorer,
  type CommentAnalysis,
  type PolarityLexicons,
  type ReadEnglishWords,
} from './sentiment'
import type { SurveyDefinition } from './surveys'
import { matchThemes, type Theme } from './themes'

export interface CommentReaderOptions {
  /** Each language's polarity lexicon (`workshops/sentiment-<language>.json`). */
  lexicons: PolarityLexicons
  /** The themes a comment can touch (`workshops/themes.json`), in lexicon order. */
  themes: readonly Theme[]
  /** The English model's reading of a comment; awaited only for English text that is not blank. */
  readEnglish: ReadEnglishWords
}

export interface CommentReader {
  /**
   * Sentiment and themes of one comment. The same text always gets the same answer; blank text is
   * neutral with no themes.
   */
  analyze(text: string, language: Language): Promise<CommentAnalysis>
  /**
   * How a response's free text reads, once, as it is accepted: the sentiment and themes stored on
   * the response and added to its counters. Several text answers are read as one comment; a
   * response without text has no reading (and counts toward no sentiment).
   */
  read(
    survey: SurveyDefinition,
    answers: Answers,
    language: Language,
  ): Promise<CommentReading | undefined>
}

/**
 * A comment reader over the lexicons, themes and English model it is handed: domain knows how to
 * read, the composition root (ingest/comment-reader.ts) says with what.
 *
 * @example
 * const reader = createCommentReader({ lexicons: polarityLexicons, themes, readEnglish })
 * await reader.read(pulse, { recommend: 4, improve: 'Waited an hour and nobody said why' }, 'en')
 * // { sentiment: { label: 'negative', score: -0.6 }, themes: ['wait-time'] }
 */
export function createCommentReader({
  lexicons,
  themes,
  readEnglish,
}: CommentReaderOptions): CommentReader {
  const score = createSentimentScorer({ lexicons, readEnglish })
  const analyze = async (text: string, language: Language): Promise<CommentAnalysis> => {
    if (text.trim() === '') return { sentiment: { label: 'neutral', score: 0 }, themes: [] }
    return { sentiment: await score(text, language), themes: matchThemes(text, language, themes) }
  }
  return {
    analyze,
    async read(survey, answers, language) {
      // One answer per line, as the reader has always been given them.
      const text = commentText(survey.questions, answers, '\n')
      if (!text) return undefined
      const { sentiment, themes } = await analyze(text, language)
      return { sentiment, themes }
    },
  }
}
