import '../domain/zod-messages'
import { OpenAPIHono } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import { secureHeaders } from 'hono/secure-headers'
import type { AppDeps, AppEnv } from './env'
import { createLogger } from './logger'
import { acceptedOriginSecrets, originVerify } from './middleware/origin-verify'
import { requestContext } from './middleware/request-context'
import { csrfHeader } from './middleware/session'
import { errorHandler } from './error-handler'
import { problem, validationProblem } from './problem'
import { unmatchedRoute } from './unmatched-route'
import { configApi } from './routes/config'
import { healthApi } from './routes/health'
import { joinApi } from './routes/join'
import { outboxApi } from './routes/outbox'
import { locationsApi, providersApi } from './routes/places'
import { practicesApi } from './routes/practices'
import { passwordResetApi } from './routes/password-reset'
import { passwordCheckApi } from './routes/password-check'
import { sessionApi } from './routes/session'
import { teamApi } from './routes/team'
import { templatesApi } from './routes/templates'
import { surveysApi } from './routes/surveys'
import { journeyApi } from './routes/journey'
import { publicSurveysApi } from './routes/public-surveys'
import { responsesApi } from './routes/responses'
import { responsesExportApi } from './routes/responses-export'
import { demoApi } from './routes/demo'
import { analyticsApi } from './analytics/routes'
import { reviewAnalyticsApi } from './analytics/reviews'
import { boardsApi } from './routes/boards'
import { guestCookie } from './routes/boards-access'
import { boardEvidenceApi } from './routes/boards-evidence'
import { boardActionsApi } from './routes/board-actions'
import { agendasApi } from './routes/agendas'
import { guestJoinApi } from './routes/guest-join'
import { reviewSyncApi } from './routes/review-sync'
import { reviewSourcesApi } from './routes/review-sources'
import { reviewsApi } from './routes/reviews'
import { reviewRepliesApi } from './routes/review-replies'
import { momentCandidatesApi } from './routes/moments-candidates'
import { momentsApi } from './routes/moments'
import { momentRecognitionApi } from './routes/moments-recognition'
import { maxImportBodyBytes, takesImportBody } from './routes/import-limits'
import { responsesImportApi } from './routes/responses-import'
import { reviewsImportApi } from './routes/reviews-import'

/** Request bodies larger than this are refused with 413 before they are parsed. */
export const maxBodyBytes = 64 * 1024

/**
 * The whole HTTP API as one Hono app. The Lambda handler and the local server both serve this; they
 * differ only in the dependencies they pass.
 *
 * @example
 * const app = createApp({ config, db, mailer: outboxMessenger(db) })
 * const res = await app.request('/api/health')
 */
export function createApp(deps: AppDeps) {
  const logger = deps.logger ?? createLogger(deps.config.LOG_LEVEL)
  const app = new OpenAPIHono<AppEnv>({
    // A failed zod parse of any part of a request becomes one problem+json naming the fields.
    defaultHook: (result, c) => {
      if (!result.success) return validationProblem(c, result.error, result.target)
    },
  })

  app.use('*', async (c, next) => {
    c.set('deps', { ...deps, logger })
    await next()
  })
  app.use('/api/*', requestContext())
  app.use('/api/*', originVerify(acceptedOriginSecrets(deps.config)))
  app.use('/api/*', secureHeaders({ crossOriginResourcePolicy: 'same-origin' }))
  const limitTo = (maxSize: number, size: string) =>
    bodyLimit({
      maxSize,
      onError: (c) =>
        problem(c, {
          status: 413,
          code: 'too-large',
          detail: `Request bodies are limited to ${size}.`,
        }),
    })
  const smallBodies = limitTo(maxBodyBytes, `${maxBodyBytes / 1024} KB`)
  // CSV imports carry files; every other route keeps the small limit.
  const importBodies = limitTo(maxImportBodyBytes, `${maxImportBodyBytes / 1024 / 1024} MB`)
  app.use('/api/*', (c, next) =>
    (takesImportBody(c.req.path) ? importBodies : smallBodies)(c, next),
  )

  app
    .route('/api', healthApi)
    .route('/api', configApi)
    .route('/api', practicesApi)
    .route('/api', sessionApi)
    .route('/api', passwordResetApi)
    .route('/api', passwordCheckApi)
    .route('/api', joinApi)
    .route('/api', teamApi)
    .route('/api', locationsApi)
    .route('/api', providersApi)
    .route('/api', outboxApi)
    .route('/api', templatesApi)
    .route('/api', surveysApi)
    .route('/api', journeyApi)
    .route('/api', publicSurveysApi)
    .route('/api', responsesApi)
    .route('/api', responsesExportApi)
    .route('/api', responsesImportApi)
    .route('/api', reviewsImportApi)
    .route('/api', demoApi)
    .route('/api', analyticsApi)
    .route('/api', reviewAnalyticsApi)
    .route('/api', boardsApi)
    .route('/api', boardEvidenceApi)
    .route('/api', boardActionsApi)
    .route('/api', agendasApi)
    .route('/api', guestJoinApi)
    .route('/api', reviewSyncApi)
    .route('/api', reviewSourcesApi)
    .route('/api', reviewsApi)
    .route('/api', reviewRepliesApi)
    .route('/api', momentCandidatesApi)
    .route('/api', momentsApi)
    .route('/api', momentRecognitionApi)

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'tp_session',
    description: `Session cookie set by sign-in. Writes also need the ${csrfHeader} header from GET /api/me.`,
  })
  app.openAPIRegistry.registerComponent('securitySchemes', 'guest', {
    type: 'apiKey',
    in: 'cookie',
    name: guestCookie,
    description: `A guest's session on one board, set by POST /api/guest/join. Writes also need the ${csrfHeader} header from GET /api/boards/{id}/me.`,
  })
  app.doc('/api/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: 'Touchpoint API',
      version: '1.0.0',
      description: 'Patient-experience studio for small medical practices.',
    },
  })

  app.notFound(unmatchedRoute(() => app.routes))
  app.onError(errorHandler(logger))

  return app
}

export type App = ReturnType<typeof createApp>
