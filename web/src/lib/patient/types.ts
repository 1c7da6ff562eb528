/**
 * The shapes the patient page reads and sends: the API's own (`PublicSurvey`, `Submission` of
 * functions/src/api/routes/public-surveys-schemas.ts), imported as types only, so nothing of the
 * server or of the staff client (`$lib/api`) reaches patients' phones.
 */
import type { Language, Submission } from '$contract'

export type {
  AnswerValue as Answer,
  Language,
  Localized,
  MultiQuestion,
  NpsQuestion,
  Option,
  PublicSurvey,
  Question,
  RatingQuestion,
  ReviewLink,
  ReviewSite,
  SingleQuestion,
  TextQuestion,
  YesNoQuestion,
} from '$contract'

export const languages: readonly Language[] = ['en', 'es']

/** The answers of one submission, by question id. */
export type Answers = Submission['answers']

/** Where the link said the patient was seen (`?location=…&provider=…`), sent with the answers. */
export type Visit = Pick<Submission, 'location' | 'provider'>
