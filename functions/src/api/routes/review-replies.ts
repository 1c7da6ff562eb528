import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { ulid } from 'ulid'
import { z } from 'zod'
import { NotFound } from '../../domain/errors'
import { Id } from '../../domain/practice'
import { checkReply, type ReplyWarning } from '../../domain/reviews/reply-check'
import type { Review } from '../../domain/reviews/review'
import { ConnectorError } from '../../ingest/reviews/connector'
import { connectorContextFor } from '../../ingest/reviews/connector-context'
import { connectorFor } from '../../ingest/reviews/connectors'
import * as audit from '../../store/audit'
import * as reviewReplies from '../../store/review-replies'
import * as reviews from '../../store/reviews'
import { staffNames } from '../../store/staff-names'
import type { AppEnv } from '../env'
import { requireAbility, requireSession } from '../middleware/session'
import { problem, problemResponses } from '../problem'
import { jsonBody, jsonResponse, sessionSecurity } from '../schemas'
import {
  ReplyBody,
  ReplyCheckAnswer,
  ReplyHistory,
  ReplySaved,
  ReplyText,
  SavedReplyShown,
} from './reviews-schemas'

// A reply speaks for the practice in public: managers and owners write it.
const write = [requireSession(), requireAbility('practice:manage')]
const read = [requireSession(), requireAbility('practice:read')]
const params = z.object({ id: Id })

const checkRoute = createRoute({
  method: 'post',
  path: '/reviews/{id}/reply/check',
  tags: ['Reviews'],
  summary: 'What in a draft reply could confirm the writer is a patient or disclose their health',
  security: sessionSecurity,
  middleware: write,
  request: { params, ...jsonBody(ReplyText) },
  responses: {
    200: jsonResponse(ReplyCheckAnswer, 'The warnings, each with its reason and a safe wording'),
    ...problemResponses(400, 401, 403, 404),
  },
})

const saveRoute = createRoute({
  method: 'put',
  path: '/reviews/{id}/reply',
  tags: ['Reviews'],
  summary: 'Save a reply (and post it where the site takes replies); warnings must be acknowledged',
  security: sessionSecurity,
  middleware: write,
  request: { params, ...jsonBody(ReplyBody) },
  responses: {
    200: jsonResponse(ReplySaved, 'The reply as kept, with its state on the site'),
    422: {
      description: 'The check found something; nothing was saved. `warnings` lists it.',
      content: { 'application/problem+json': { schema: ReplyCheckAnswer } },
    },
    ...problemResponses(400, 401, 403, 404),
  },
})

const historyRoute = createRoute({
  method: 'get',
  path: '/reviews/{id}/replies',
  tags: ['Reviews'],
  summary: 'Every reply saved for a review, oldest first, with who wrote it and when',
  security: sessionSecurity,
  middleware: read,
  request: { params },
  responses: {
    200: jsonResponse(ReplyHistory, 'The replies'),
    ...problemResponses(400, 401, 403, 404),
  },
})

async function reviewOf(c: Context<AppEnv>, id: string): Promise<Review> {
  const review = await reviews.get(c.var.db, c.var.auth.practice.id, id)
  if (!review) throw new NotFound('review', id)
  return review
}

async function warningsFor(c: Context<AppEnv>, review: Review, text: string) {
  return checkReply(text, {
    authorName: review.authorName,
    staffNames: await staffNames(c.var.db, c.var.auth.practice.id),
  })
}

/** Where the reply stands on its site: posted through the site's API, or why not. */
async function postToSite(
  c: Context<AppEnv>,
  review: Review,
  text: string,
): Promise<Pick<reviewReplies.SavedReply, 'state' | 'stateDetail'>> {
  if (review.source !== 'google') return { state: 'copy' }
  const connector = connectorFor('google')
  const secrets = await c.var.deps.secrets?.get(c.var.auth.practice.id, 'google')
  if (!connector?.postReply)
    return {
      state: 'pending',
      stateDetail: 'Posting to Google is not set up yet: saved here only.',
    }
  if (!secrets)
    return { state: 'pending', stateDetail: 'Google is not connected: saved here only.' }
  try {
    const posted = await connector.postReply(
      secrets,
      { externalId: review.externalId },
      text,
      connectorContextFor(c.var.deps.config),
    )
    return posted.state === 'failed' ? { state: 'failed' } : { state: 'posted' }
  } catch (err) {
    if (!(err instanceof ConnectorError)) throw err
    // Limits and outages pass; a refusal needs the manager (reconnect, a removed review).
    const passing =
      err.code === 'quota' || err.code === 'rate-limited' || err.code === 'unavailable'
    return { state: passing ? 'pending' : 'failed', stateDetail: err.message }
  }
}

const shown = ({
  reviewId: _r,
  authorId: _a,
  ...reply
}: reviewReplies.SavedReply): z.infer<typeof SavedReplyShown> => reply

function unacknowledged(c: Context<AppEnv>, warnings: ReplyWarning[]) {
  return problem(c, {
    status: 422,
    code: 'reply-warnings',
    detail: `The check found ${warnings.length} thing${warnings.length === 1 ? '' : 's'} that could breach the writer's privacy. Read the warnings, then save with acknowledgeWarnings, or change the reply.`,
    field: 'text',
    errors: warnings.map((w) => ({ field: 'text', message: `${w.message} (“${w.excerpt}”)` })),
    extensions: { warnings },
  })
}

export const reviewRepliesApi = new OpenAPIHono<AppEnv>()
  .openapi(checkRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { text } = c.req.valid('json')
    const review = await reviewOf(c, id)
    return c.json({ warnings: await warningsFor(c, review, text) }, 200)
  })
  .openapi(saveRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { text, acknowledgeWarnings } = c.req.valid('json')
    const { practice, user } = c.var.auth
    const review = await reviewOf(c, id)
    const warnings = await warningsFor(c, review, text)
    // The 422 is a problem+json the typed responses cannot express beside the 200.
    if (warnings.length > 0 && !acknowledgeWarnings) return unacknowledged(c, warnings) as never
    const reply: reviewReplies.SavedReply = {
      id: ulid(),
      reviewId: review.id,
      text,
      authorId: user.id,
      authorName: user.name,
      at: new Date().toISOString(),
      ...(await postToSite(c, review, text)),
      warnings: [...new Set(warnings.map((w) => w.code))],
      acknowledged: warnings.length > 0,
    }
    await reviewReplies.save(c.var.db, practice.id, reply)
    // Ids and figures only: the reply's words are public, but the log never holds free text.
    await audit.record(c.var.db, practice.id, {
      actorId: user.id,
      action: 'reviews.reply',
      details: {
        reviewId: review.id,
        replyId: reply.id,
        state: reply.state,
        warnings: warnings.length,
      },
    })
    return c.json({ reply: shown(reply), warnings }, 200)
  })
  .openapi(historyRoute, async (c) => {
    const { id } = c.req.valid('param')
    const review = await reviewOf(c, id)
    const items = await reviewReplies.historyOf(c.var.db, c.var.auth.practice.id, review.id)
    return c.json({ items: items.map(shown) }, 200)
  })
