import { polarityLexicons, themes } from '../../../workshops'
import { createCommentReader } from '../domain/comment-reading'
import { createEnglishReader } from './english-scorer'

/**
 * The comment reader everyone uses: the submission, the demo generator, the bench and the tests.
 * Built from the workshop lexicons and themes and wink's English model, which loads on the first
 * English comment, so importing this costs the lexicons only.
 *
 * @example
 * const reading = await commentReader.read(survey, answers, 'en')
 * const { sentiment, themes } = await commentReader.analyze('Esperé dos horas.', 'es')
 */
export const commentReader = createCommentReader({
  lexicons: polarityLexicons,
  themes,
  readEnglish: createEnglishReader(),
})
