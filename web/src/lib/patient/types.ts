/**
 * The shapes the patient page reads and sends, written out here rather than imported from the
 * staff client (`$lib/api`), so nothing of the signed-in app is pulled into patients' phones. They
 * mirror `PublicSurvey` and `Submission` in functions/src/api/routes/public-surveys.ts.
 */

export type Language = 'en' | 'es'
export const languages: readonly Language[] = ['en', 'es']

/** A patient-facing string in the survey's languages: `{ en: 'Thank you', es: 'Gracias' }`. */
export type Localized = Partial<Record<Language, string>>

interface QuestionBase {
  id: string
  prompt: Localized
  help?: Localized
  required: boolean
}

export interface NpsQuestion extends QuestionBase {
  type: 'nps'
  lowLabel?: Localized
  highLabel?: Localized
}

export interface RatingQuestion extends QuestionBase {
  type: 'rating'
  min: number
  max: number
  lowLabel?: Localized
  highLabel?: Localized
}

export interface Option {
  value: string
  label: Localized
}

export interface SingleQuestion extends QuestionBase {
  type: 'single'
  options: Option[]
}

export interface MultiQuestion extends QuestionBase {
  type: 'multi'
  options: Option[]
  maxChoices?: number
}

export interface YesNoQuestion extends QuestionBase {
  type: 'yesno'
  /** When the answer equals `when`, go straight to question `to` (or the end). */
  skip?: { when: boolean; to: string }
}

export interface TextQuestion extends QuestionBase {
  type: 'text'
  maxLength: number
}

export type Question =
  NpsQuestion | RatingQuestion | SingleQuestion | MultiQuestion | YesNoQuestion | TextQuestion

export type ReviewSite =
  'google' | 'yelp' | 'facebook' | 'healthgrades' | 'zocdoc' | 'vitals' | 'other'

export interface ReviewLink {
  site: ReviewSite
  url: string
}

/** `GET /api/public/surveys/{id}`; the staff preview builds the same shape from the draft. */
export interface PublicSurvey {
  id: string
  version: number
  languages: Language[]
  title: Localized
  intro?: Localized
  thankYou?: Localized
  practice: { name: string; reviewLinks: ReviewLink[] }
  questions: Question[]
}

export type Answer = number | boolean | string | string[]
export type Answers = Record<string, Answer>

/** Where the link said the patient was seen (`?location=…&provider=…`), sent with the answers. */
export interface Visit {
  location?: string
  provider?: string
}
