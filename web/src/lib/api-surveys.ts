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
import type {
  Items,
  Journey,
  Practice,
  Published,
  QrQuery,
  ReviewLink,
  Survey,
  SurveyDefinitionInput,
  SurveyListItem,
  SurveyTemplate,
  SurveyVersion,
  TemplateSummary,
} from '$contract'
import { get, id, patch, post, put, type RequestOptions } from './api'

// The API's own types, under the names the survey pages import them by.
export type {
  Composite,
  Journey,
  Localized,
  MultiQuestion,
  NpsQuestion,
  Option,
  Published,
  Question,
  QuestionType,
  RatingQuestion,
  SingleQuestion,
  Survey,
  SurveyDefinition,
  SurveyListItem,
  SurveyStatus,
  SurveyTemplate,
  SurveyVersion,
  TemplateSummary,
  TextQuestion,
  Touchpoint,
  YesNoQuestion,
} from '$contract'

/** Where a survey link or QR code says the patient was seen. */
export type Where = Pick<QrQuery, 'location' | 'provider'>

/**
 * `?location=…&provider=…&kiosk=1` for a link to a page of the app, or '' when nothing is set.
 *
 * @example
 * whereSearch({ location: '01H…' }) // '?location=01H…&kiosk=1'
 */
export function whereSearch(where: Where): string {
  const query = whereQuery(where).toString()
  return query ? `?${query}` : ''
}

/**
 * A link made for a location is opened on that location's shared device (a waiting-room tablet,
 * a poster's QR code), so it opens in kiosk mode: the patient page keeps no answers across
 * patients. A link with no location is one person's (e-mail, SMS) and may resume.
 */
function whereQuery(where: Where): URLSearchParams {
  const query = new URLSearchParams()
  if (where.location) query.set('location', where.location)
  if (where.provider) query.set('provider', where.provider)
  if (where.location) query.set('kiosk', '1')
  return query
}

export const templates = {
  list: (options?: RequestOptions) => get<TemplateSummary[]>('/api/survey-templates', options),
  get: (templateId: string, options?: RequestOptions) =>
    get<SurveyTemplate>(`/api/survey-templates/${id(templateId)}`, options),
}

export const surveys = {
  list: (options?: RequestOptions) => get<Items<SurveyListItem>>('/api/surveys', options),
  get: (surveyId: string, options?: RequestOptions) =>
    get<Survey>(`/api/surveys/${id(surveyId)}`, options),
  /** Starts a draft from a template. */
  create: (templateId: string) => post<Survey>('/api/surveys', { templateId }),
  /** Replaces the draft; a 400 names fields such as `questions.3.prompt.es`. */
  saveDraft: (surveyId: string, draft: SurveyDefinitionInput) =>
    put<Survey>(`/api/surveys/${id(surveyId)}/draft`, draft),
  /** Publishes the saved draft as the next version. */
  publish: (surveyId: string) => post<Published>(`/api/surveys/${id(surveyId)}/publish`, {}),
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
