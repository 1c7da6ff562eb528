/**
 * The typed client for surveys: the template catalogue, a practice's surveys (draft, publish,
 * archive, QR codes), its patient journey, and the review links shown on every thank-you page.
 * Built on the request helpers of `api.ts`, so it shares the session cookie, CSRF token and
 * problem+json handling.
 *
 * @example
 * import * as surveysApi from '$lib/api-surveys'
 * const { items } = await surveysApi.surveys.list()
 * const { version } = await surveysApi.surveys.publish(items[0].id)
 */
import { get, id, patch, post, put, type Language, type Practice } from './api'
import type { ReviewLink, RequestOptions } from './api'

/** A patient-facing string in each of the languages it has been written in. */
export type Localized = Partial<Record<Language, string>>

export type QuestionType = 'nps' | 'rating' | 'single' | 'multi' | 'yesno' | 'text'
export type Composite = 'access' | 'provider-communication' | 'care-coordination' | 'office-staff'

interface QuestionBase {
  /** Lower-case letters, digits and dashes; answers and reports key on it. */
  id: string
  prompt: Localized
  help?: Localized
  required: boolean
  /** The id of the journey touch point the question measures. */
  touchpoint?: string
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
  composite?: Composite
  measure?: 'provider-rating'
}

export interface Option {
  value: string
  label: Localized
}

export interface SingleQuestion extends QuestionBase {
  type: 'single'
  options: Option[]
  topBox: string[]
  composite?: Composite
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
  topBox: boolean[]
  composite?: Composite
}

export interface TextQuestion extends QuestionBase {
  type: 'text'
  maxLength: number
}

export type Question =
  NpsQuestion | RatingQuestion | SingleQuestion | MultiQuestion | YesNoQuestion | TextQuestion

/** What a survey asks: the same shape for templates, drafts and published versions. */
export interface SurveyDefinition {
  title: Localized
  intro?: Localized
  thankYou?: Localized
  languages: Language[]
  questions: Question[]
}

export type SurveyStatus = 'draft' | 'published' | 'archived'

export interface Survey {
  id: string
  templateId: string | null
  status: SurveyStatus
  draft: SurveyDefinition
  /** The live version patients answer; null until first published. */
  publishedVersion: number | null
  /** True when the draft differs from the live version (or was saved since it was published). */
  unpublishedChanges: boolean
  createdAt: string
  updatedAt: string
  /** The link patients open (the server's public address); add `whereSearch(…)` for a place. */
  publicUrl: string
}

export interface SurveyVersion {
  surveyId: string
  version: number
  definition: SurveyDefinition
  publishedAt: string
}

export interface TemplateSummary {
  id: string
  title: Localized
  description: Localized
  minutes: number
  languages: Language[]
  questionCount: number
}

export interface SurveyTemplate extends SurveyDefinition {
  id: string
  description: Localized
  minutes: number
}

export interface Touchpoint {
  id: string
  name: Localized
  description: Localized
}

export interface Journey {
  specialty: string
  touchpoints: Touchpoint[]
}

/** Where a survey link or QR code says the patient was seen. */
export interface Where {
  location?: string | undefined
  provider?: string | undefined
}

/** `?location=…&provider=…` for a link to a page of the app, or '' when neither is set. */
export function whereSearch(where: Where): string {
  const query = whereQuery(where).toString()
  return query ? `?${query}` : ''
}

function whereQuery(where: Where): URLSearchParams {
  const query = new URLSearchParams()
  if (where.location) query.set('location', where.location)
  if (where.provider) query.set('provider', where.provider)
  return query
}

export const templates = {
  list: (options?: RequestOptions) => get<TemplateSummary[]>('/api/survey-templates', options),
  get: (templateId: string, options?: RequestOptions) =>
    get<SurveyTemplate>(`/api/survey-templates/${id(templateId)}`, options),
}

export const surveys = {
  list: (options?: RequestOptions) => get<{ items: Survey[] }>('/api/surveys', options),
  get: (surveyId: string, options?: RequestOptions) =>
    get<Survey>(`/api/surveys/${id(surveyId)}`, options),
  /** Starts a draft from a template. */
  create: (templateId: string) => post<Survey>('/api/surveys', { templateId }),
  /** Replaces the draft; a 400 names fields such as `questions.3.prompt.es`. */
  saveDraft: (surveyId: string, draft: SurveyDefinition) =>
    put<Survey>(`/api/surveys/${id(surveyId)}/draft`, draft),
  /** Publishes the saved draft as the next version. */
  publish: (surveyId: string) =>
    post<{ version: number; publicUrl: string }>(`/api/surveys/${id(surveyId)}/publish`, {}),
  archive: (surveyId: string) => post<Survey>(`/api/surveys/${id(surveyId)}/archive`, {}),
  /** Undoes an archive: a survey that was live takes answers again at its last version. */
  restore: (surveyId: string) => post<Survey>(`/api/surveys/${id(surveyId)}/restore`, {}),
  /** A new draft survey with this one's draft, titled "… (copy)". */
  copy: (surveyId: string) => post<Survey>(`/api/surveys/${id(surveyId)}/copy`, {}),
  version: (surveyId: string, version: number, options?: RequestOptions) =>
    get<SurveyVersion>(`/api/surveys/${id(surveyId)}/versions/${version}`, options),
  /** The address of the QR code image (for `<img src>` and download links). */
  qrUrl: (surveyId: string, format: 'svg' | 'png', where: Where = {}): string => {
    const query = whereQuery(where)
    query.set('format', format)
    return `/api/surveys/${id(surveyId)}/qr?${query.toString()}`
  },
  /** The survey's patient link (as the server gives it) for a location and provider. */
  publicUrl: (survey: Pick<Survey, 'publicUrl'>, where: Where = {}): string => {
    const url = new URL(survey.publicUrl)
    url.search = whereQuery(where).toString()
    return url.toString()
  },
}

export const journey = {
  get: (options?: RequestOptions) => get<Journey>('/api/journey', options),
  save: (body: Journey) => put<Journey>('/api/journey', body),
}

export const reviewLinks = {
  /** Saves the practice's review links (the whole list); answers with the practice. */
  save: (links: ReviewLink[]) => patch<Practice>('/api/practice', { reviewLinks: links }),
}
