/**
 * The API's contract for the web app: the type of every request body, query and response the
 * web sends or reads, inferred from the zod schemas the routes validate with. Types only: the web
 * imports this file with `import type` (through the `$contract` alias in `web/svelte.config.js`),
 * so no server code reaches a browser, and a schema change here fails `npm run check` there.
 *
 * Request bodies and queries are `z.input` (what a client may send, before defaults); answers are
 * `z.infer` (what the server sends, after them).
 *
 * @example
 * // web/src/lib/api.ts
 * import type { Me, Practice } from '$contract'
 * export const me = () => get<Me>('/api/me')
 */
import type { z } from 'zod'
import type * as analytics from './analytics/schemas'
import type * as reviewAnalytics from './analytics/review-schemas'
import type * as boards from './routes/boards-schemas'
import type { BoardActions as BoardActionsSchema } from './routes/board-actions'
import type { AgendaView } from './routes/agendas'
import type * as imports from './routes/import-schemas'
import type * as fixOutcome from './routes/fix-outcome-schemas'
import type * as momentsApi from './routes/moments-schemas'
import type * as committee from './routes/governance-committee-schemas'
import type * as governance from './routes/cases-schemas'
import type { ClientConfig } from './routes/config-schemas'
import type * as passwordCheck from './routes/password-check-schemas'
import type * as practices from './routes/practices-schemas'
import type * as patients from './routes/public-surveys-schemas'
import type * as responses from './routes/responses-schemas'
import type * as reviewsApi from './routes/reviews-schemas'
import type * as sessionSchemas from './routes/session-schemas'
import type * as surveys from './routes/surveys-schemas'
import type * as team from './routes/team-schemas'
import type * as templates from './routes/templates-schemas'
import type { Problem as ProblemSchema } from './problem'
import type { Me as MeSchema, TeamMember } from './schemas'
import type * as domain from '../domain/practice'
import type { Ability as DomainAbility } from '../domain/roles'
import type * as records from '../domain/survey-records'
import type * as definitions from '../domain/surveys'
import type * as journeys from '../domain/journeys'
import type { OutboxMessage as OutboxMessageSchema } from '../store/outbox'
import type * as protocol from '../realtime/protocol'
import type * as reviewSources from './routes/review-sources-schemas'
import type * as reviewConnections from '../domain/reviews/sources'
import type * as reviewSyncState from '../store/review-sources'

// ---- Errors ----

/** Every error answer: RFC 9457 problem details (`application/problem+json`). */
export type Problem = z.infer<typeof ProblemSchema>
/** One invalid field of a 400, e.g. `{ field: 'questions.3.prompt.es', message: 'Required' }`. */
export type FieldError = NonNullable<Problem['errors']>[number]

// ---- The practice, its people and places ----

export type Role = domain.Role
export type InvitableRole = domain.InvitableRole
export type Ability = DomainAbility
export type Language = domain.Language
export type Specialty = domain.Specialty
export type ReviewLink = domain.ReviewLink
export type ReviewSite = ReviewLink['site']
export type Practice = z.infer<typeof domain.Practice>
/** `GET /api/config`. */
export type Config = z.infer<typeof ClientConfig>
export type MailMode = Config['mailMode']
/** `GET /api/me` and every sign-in route. */
export type Me = z.infer<typeof MeSchema>
export type SignIn = z.input<typeof sessionSchemas.SignIn>
export type ChangePassword = z.input<typeof sessionSchemas.ChangePassword>
export type PasswordResetRequest = z.input<typeof sessionSchemas.PasswordResetRequest>
export type PasswordResetRequested = z.infer<typeof sessionSchemas.PasswordResetRequested>
export type PasswordResetConfirm = z.input<typeof sessionSchemas.PasswordResetConfirm>
/** `POST /api/password-check`: advice while a new password is typed. */
export type PasswordCheckBody = z.input<typeof passwordCheck.PasswordCheckBody>
export type PasswordCheck = z.infer<typeof passwordCheck.PasswordCheck>
export type NewPractice = z.input<typeof practices.NewPractice>
export type PracticeChanges = z.input<typeof practices.PracticeChanges>
export type Location = domain.Location
export type NewLocation = z.input<typeof domain.NewLocation>
export type LocationChanges = Partial<Omit<z.input<typeof domain.Location>, 'id'>>
export type Provider = domain.Provider
export type NewProvider = z.input<typeof domain.NewProvider>
export type ProviderChanges = Partial<Omit<z.input<typeof domain.Provider>, 'id'>>
/** `{ items }` of a practice's collection (`GET /api/locations`, `/api/providers`). */
export interface Items<T> {
  items: T[]
}
export type Member = z.infer<typeof TeamMember>
export type Invitation = domain.Invitation
export type Team = z.infer<typeof team.Team>
export type NewInvitation = z.input<typeof team.NewInvitation>
export type MemberChanges = z.input<typeof team.MemberChanges>
export type CreatedInvitation = z.infer<typeof team.CreatedInvitation>
export type JoinPreviewBody = z.input<typeof team.JoinPreviewBody>
export type JoinPreview = z.infer<typeof team.JoinPreview>
export type JoinBody = z.input<typeof team.JoinBody>
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>

// ---- Surveys, templates and the journey ----

export type Localized = definitions.Localized
export type Composite = definitions.Composite
export type QuestionType = definitions.QuestionType
export type Question = definitions.Question
export type NpsQuestion = Extract<Question, { type: 'nps' }>
export type RatingQuestion = Extract<Question, { type: 'rating' }>
export type SingleQuestion = Extract<Question, { type: 'single' }>
export type MultiQuestion = Extract<Question, { type: 'multi' }>
export type YesNoQuestion = Extract<Question, { type: 'yesno' }>
export type TextQuestion = Extract<Question, { type: 'text' }>
export type Option = definitions.Option
export type SurveyDefinition = definitions.SurveyDefinition
/** The body of `PUT /api/surveys/{id}/draft` (fields with defaults may be left out). */
export type SurveyDefinitionInput = definitions.SurveyDefinitionInput
export type SurveyTemplate = definitions.SurveyTemplate
export type Survey = z.infer<typeof surveys.SurveyView>
/** A survey in `GET /api/surveys`, with its response count. */
export type SurveyListItem = z.infer<typeof surveys.SurveyListItem>
export type SurveyStatus = Survey['status']
export type SurveyVersion = records.SurveyVersion
export type NewSurvey = z.input<typeof surveys.NewSurvey>
export type Published = z.infer<typeof surveys.Published>
export type QrQuery = z.input<typeof surveys.QrQuery>
export type TemplateSummary = z.infer<typeof templates.TemplateSummary>
export type Touchpoint = journeys.Touchpoint
export type Journey = journeys.Journey

// ---- Patients ----

/** `GET /api/public/surveys/{id}`. */
export type PublicSurvey = z.infer<typeof patients.PublicSurvey>
export type AnswerValue = z.infer<typeof records.AnswerValue>
/** `POST /api/public/surveys/{id}/responses`. */
export type Submission = z.input<typeof patients.Submission>
export type Receipt = z.infer<typeof patients.Receipt>

// ---- Responses and analytics ----

export type SentimentLabel = records.SentimentLabel
export type Sentiment = records.Sentiment
/** A theme a comment can touch (`GET /api/themes`). */
export type Theme = z.infer<typeof templates.ThemeSummary>
export type SurveyResponse = z.infer<typeof responses.ResponseItem>
export type ResponseFilters = z.infer<typeof responses.ResponseFilters>
export type ResponsePage = z.infer<typeof responses.ResponsePage>
export type AnalyticsFilters = z.infer<typeof analytics.AnalyticsFilters>
export type PeriodRange = z.infer<typeof analytics.PeriodRange>
export type Interval = PeriodRange['interval']
export type Direction = z.infer<typeof analytics.Direction>
export type NpsFigure = z.infer<typeof analytics.NpsFigure>
export type Change = NpsFigure['change']
export type Figure = Pick<NpsFigure, 'n' | 'enough'>
export type TouchpointFigure = z.infer<typeof analytics.TouchpointFigure>
export type CompositeFigure = z.infer<typeof analytics.CompositeFigure>
export type Summary = z.infer<typeof analytics.Summary>
export type Proportion = Summary['providerRating']
/** `GET /api/analytics/trend` (metric and interval have server defaults, but say them). */
export type TrendQuery = z.infer<typeof analytics.TrendQuery>
export type TrendMetric = TrendQuery['metric']
export type TrendPoint = z.infer<typeof analytics.TrendPoint>
export type Trend = z.infer<typeof analytics.Trend>
export type HeatmapQuery = z.infer<typeof analytics.HeatmapQuery>
export type Heatmap = z.infer<typeof analytics.Heatmap>
export type HeatmapCell = Heatmap['touchpoints'][number]['cells'][number]
export type Themes = z.infer<typeof analytics.ThemeQuotes>
export type ThemeQuote = Themes['themes'][number]['quotes'][number]
/** `GET /api/analytics/reviews`: review-site figures from the review counters. */
export type ReviewAnalyticsQuery = z.input<typeof reviewAnalytics.ReviewAnalyticsQuery>
export type ReviewAnalytics = z.infer<typeof reviewAnalytics.ReviewAnalytics>

// ---- Boards ----

export type {
  Action,
  Board,
  BoardArea,
  BoardStep,
  BoardSummary,
  Note,
  NoteColour,
  NoteSource,
  Participant,
  PublicBoardState,
} from '../domain/boards/board'
export type { OperationInput } from '../domain/boards/operations'
export type CanvasSummary = z.infer<typeof boards.CanvasSummary>
export type CanvasAreaSummary = z.infer<typeof boards.CanvasAreaSummary>
export type NewBoard = z.input<typeof boards.NewBoard>
export type BoardMe = z.infer<typeof boards.BoardMe>
export type Ticket = z.infer<typeof boards.Ticket>
export type GuestLinkBody = z.input<typeof boards.GuestLinkBody>
export type GuestLink = z.infer<typeof boards.GuestLink>
export type GuestLinkSummary = z.infer<typeof boards.GuestLinkSummary>
export type GuestJoinBody = z.input<typeof boards.GuestJoinBody>
export type GuestJoin = z.infer<typeof boards.GuestJoin>
export type EvidenceQuery = z.input<typeof boards.EvidenceQuery>
export type EvidenceQuote = z.infer<typeof boards.EvidenceQuote>
/** A page of `GET /api/boards/{id}/history`; `next` is the `after` of the next page (null: done). */
export type HistoryPage = z.infer<typeof boards.HistoryPage>
/** `GET /api/board-actions`: follow-up actions across the active boards, each with its board. */
export type BoardActions = z.infer<typeof BoardActionsSchema>
/** `GET /api/agendas`: a meeting agenda in one language, as meeting mode walks through it. */
export type Agenda = z.infer<typeof AgendaView>

// The board's socket protocol and its history entries, all through the one `protocol` import.
export type ClientMessage = protocol.ClientMessage
export type ServerMessage = protocol.ServerMessage
export type Entry = protocol.Entry
export type PresenceEntry = protocol.PresenceEntry
export type PublicChanges = protocol.PublicChanges

// ---- Review sites (Settings → Review sites) ----
/** One site as `GET /api/review-sources` lists it: settings and sync state, never a secret. */
export type ReviewSourceStatus = z.infer<typeof reviewSources.ReviewSourceView>
export type ConnectedReviewSource = ReviewSourceStatus['source']
export type ReviewSourcePlace = ReviewSourceStatus['locations'][number]
export type ReviewSourcePlaces = z.input<typeof reviewSources.ReviewSourceLocations>
export type GoogleConnection = z.input<typeof reviewConnections.GoogleConnection>
export type YelpConnection = z.input<typeof reviewConnections.YelpConnection>
export type FacebookConnection = z.input<typeof reviewConnections.FacebookConnection>
/** What `POST /api/review-sources/{source}/sync` answers: the run's figures. */
export type ReviewSyncResult = z.infer<typeof reviewSyncState.SyncFigures>
// ---- Reviews and replies ----
export type ReviewListQuery = z.input<typeof reviewsApi.ReviewListQuery>
export type ReviewItem = z.infer<typeof reviewsApi.ReviewItem>
export type ReviewPage = z.infer<typeof reviewsApi.ReviewPage>
export type ReplyWarning = z.infer<typeof reviewsApi.ReplyWarning>
export type ReplySaved = z.infer<typeof reviewsApi.ReplySaved>
export type SavedReviewReply = z.infer<typeof reviewsApi.SavedReplyShown>
// CSV imports of reviews and of past survey results.
export type RejectedRow = z.infer<typeof imports.RejectedRow>
export type ReviewImportResult = z.infer<typeof imports.ReviewImportResult>
export type ResponseImportResult = z.infer<typeof imports.ResponseImportResult>
// ---- Customer-experience moments ----
export type MomentCandidate = z.infer<typeof momentsApi.Candidate>
export type MomentCandidates = z.infer<typeof momentsApi.Candidates>
export type NewMomentSubmission = z.input<typeof momentsApi.SubmissionBody>
export type MomentSubmission = z.infer<typeof momentsApi.Submission>
export type NewMoment = z.input<typeof momentsApi.NewMoment>
export type MomentChanges = z.input<typeof momentsApi.MomentChanges>
export type Moment = z.infer<typeof momentsApi.MomentView>
export type MomentList = z.infer<typeof momentsApi.Moments>
export type MomentsQuery = z.input<typeof momentsApi.MomentsQuery>
export type Recognised = z.infer<typeof momentsApi.Recognised>
export type Recognition = z.infer<typeof momentsApi.Recognition>
export type StaffRef = z.infer<typeof momentsApi.StaffRef>
export type PraiseThemes = z.infer<typeof momentsApi.PraiseThemes>
export type PraiseThemeSummary = PraiseThemes['items'][number]
// ---- Governance: did a fix work? (GET /api/fixes/{id}/outcome) ----
export type FixOutcome = z.infer<typeof fixOutcome.FixOutcome>
export type FixOutcomeQuery = z.input<typeof fixOutcome.OutcomeQuery>
// ---- The governance committee: charter, meetings, its audit trail ----
export type Charter = z.input<typeof committee.CharterBody>
export type CharterView = z.infer<typeof committee.CharterView>
export type CommitteeMember = z.infer<typeof committee.CommitteeMember>
export type NewMeeting = z.input<typeof committee.NewMeeting>
export type MeetingChanges = z.input<typeof committee.MeetingChanges>
export type Meeting = z.infer<typeof committee.MeetingView>
export type Meetings = z.infer<typeof committee.Meetings>
export type CommitteeHistory = z.infer<typeof committee.CommitteeHistory>
// ---- Governance: cases, evidence, root causes, fixes, actions ----
/** A case with its 72-hour review clock (`clock`). */
export type Case = z.infer<typeof governance.CaseView>
/** `GET /api/cases/{id}`: the case, its analysis, evidence, fixes, actions and support. */
export type CaseDetail = z.infer<typeof governance.CaseDetail>
export type CaseList = z.infer<typeof governance.CaseList>
export type CaseListItem = z.infer<typeof governance.CaseListItem>
export type CasesQuery = z.input<typeof governance.CasesQuery>
export type CaseSupport = z.infer<typeof governance.Support>
export type NewCase = z.input<typeof governance.NewCase>
export type CaseChanges = z.input<typeof governance.CaseChanges>
export type NewEvidence = z.input<typeof governance.NewEvidence>
export type Evidence = z.infer<typeof governance.Evidence>
export type Analysis = z.infer<typeof governance.Analysis>
export type AnalysisBody = z.input<typeof governance.AnalysisBody>
export type Fix = z.infer<typeof governance.Fix>
export type NewFix = z.input<typeof governance.NewFix>
export type FixChanges = z.input<typeof governance.FixChanges>
export type CaseAction = z.infer<typeof governance.CaseActionView>
export type NewCaseAction = z.input<typeof governance.NewCaseAction>
export type ActionChanges = z.input<typeof governance.ActionChanges>
export type MyActionsQuery = z.input<typeof governance.MyActionsQuery>
export type MyActions = z.infer<typeof governance.MyActions>
export type MyAction = MyActions['items'][number]
export type CaseHistory = z.infer<typeof governance.CaseHistory>
