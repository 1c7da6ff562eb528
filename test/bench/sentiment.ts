/**
 * How well the comment reader (`commentReader.analyze`) agrees with a practice manager's reading of patient comments:
 * accuracy overall and per language, precision and recall per sentiment class, and theme
 * precision and recall, over test/fixtures/comments-labelled.json. Pure computation, no servers.
 */
import { z } from 'zod'
import { Language } from '../../functions/src/domain/practice'
import { sentimentLabels, type SentimentLabel } from '../../functions/src/domain/sentiment'
import { commentReader } from '../../functions/src/ingest/comment-reader'
import fixture from '../fixtures/comments-labelled.json' with { type: 'json' }

export const LabelledComment = z.strictObject({
  text: z.string(),
  language: Language,
  label: z.enum(sentimentLabels),
  themes: z.array(z.string()),
})
export type LabelledComment = z.infer<typeof LabelledComment>

/** The fixture, checked: a mislabelled row should fail here, not skew the figures. */
export const labelledComments: readonly LabelledComment[] = z.array(LabelledComment).parse(fixture)

export interface ClassFigures {
  /** Of the comments given this label, the share that carry it; 0 when none were given it. */
  precision: number
  /** Of the comments that carry this label, the share given it. */
  recall: number
  /** Comments that carry this label. */
  n: number
}

export interface SentimentFigures {
  n: number
  accuracy: number
  byLanguage: Record<Language, { n: number; accuracy: number }>
  classes: Record<SentimentLabel, ClassFigures>
  /** Micro-averaged over (comment, theme) pairs. */
  themes: { precision: number; recall: number }
}

export interface Miss {
  text: string
  language: Language
  label: SentimentLabel
  got: SentimentLabel
  score: number
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole)

async function analyzeAll(comments: readonly LabelledComment[]) {
  return Promise.all(
    comments.map(async (comment) => ({
      comment,
      got: await commentReader.analyze(comment.text, comment.language),
    })),
  )
}

/**
 * @example
 * const { accuracy, classes } = await measureSentiment()
 * console.log(accuracy, classes.neutral.recall)
 */
export async function measureSentiment(
  comments: readonly LabelledComment[] = labelledComments,
): Promise<SentimentFigures> {
  const results = await analyzeAll(comments)
  const right = (rows: typeof results) =>
    rows.filter(({ comment, got }) => got.sentiment.label === comment.label).length

  const byLanguage = Object.fromEntries(
    Language.options.map((language) => {
      const rows = results.filter(({ comment }) => comment.language === language)
      return [language, { n: rows.length, accuracy: share(right(rows), rows.length) }]
    }),
  ) as SentimentFigures['byLanguage']

  const classes = Object.fromEntries(
    sentimentLabels.map((label) => {
      const given = results.filter(({ got }) => got.sentiment.label === label)
      const carried = results.filter(({ comment }) => comment.label === label)
      return [
        label,
        {
          precision: share(right(given), given.length),
          recall: share(right(carried), carried.length),
          n: carried.length,
        },
      ]
    }),
  ) as SentimentFigures['classes']

  let found = 0
  let foundRight = 0
  let expected = 0
  for (const { comment, got } of results) {
    found += got.themes.length
    expected += comment.themes.length
    foundRight += got.themes.filter((theme) => comment.themes.includes(theme)).length
  }

  return {
    n: results.length,
    accuracy: share(right(results), results.length),
    byLanguage,
    classes,
    themes: { precision: share(foundRight, found), recall: share(foundRight, expected) },
  }
}

/**
 * The comments given the wrong label, for reading when the lexicons change (not for the report).
 *
 * @example
 * for (const miss of await sentimentMisses()) console.log(miss.label, miss.got, miss.text)
 */
export async function sentimentMisses(
  comments: readonly LabelledComment[] = labelledComments,
): Promise<Miss[]> {
  return (await analyzeAll(comments))
    .filter(({ comment, got }) => got.sentiment.label !== comment.label)
    .map(({ comment, got }) => ({
      text: comment.text,
      language: comment.language,
      label: comment.label,
      got: got.sentiment.label,
      score: got.sentiment.score,
    }))
}
