import { randomBytes } from 'node:crypto'
import { bearerOf, startFakeSite, type FakeSite, type InjectedAnswer } from './server'

export type RecommendationJson = Record<string, unknown>

/** What the fake Graph knows: the page token, each page's recommendations, and its version rules. */
export interface FacebookScenario {
  pageAccessToken: string
  /** Per page id, its recommendations (newest first). */
  ratings: Record<string, RecommendationJson[]>
  pageSize: number
  /** Graph versions whose `/ratings` answer error 12 (v22.0 and later, as Meta documents). */
  deprecatedFrom: number
  /** Put the token into `paging.next`, as Graph does when it was sent as a query parameter. */
  tokenInNext: boolean
  inject: InjectedAnswer[]
}

export interface FakeFacebook extends FakeSite {
  scenario: FacebookScenario
}

export function facebookScenario(changes: Partial<FacebookScenario> = {}): FacebookScenario {
  return {
    pageAccessToken: `EAAG${randomBytes(16).toString('hex')}`,
    ratings: {},
    pageSize: 100,
    deprecatedFrom: 22,
    tokenInNext: false,
    inject: [],
    ...changes,
  }
}

/** A recommendation in Graph's shape: `created_time` with a `+0000` offset, the id on its story. */
export function recommendation(
  n: number,
  changes: Partial<RecommendationJson> = {},
): RecommendationJson {
  const at = new Date(Date.UTC(2026, 10, 1) + n * 3_600_000).toISOString().replace('.000Z', '+0000')
  return {
    created_time: at,
    recommendation_type: n % 4 === 0 ? 'negative' : 'positive',
    review_text:
      n % 4 === 0 ? 'Nobody called me back about my bill.' : 'Friendly staff, easy parking.',
    reviewer: { name: `Person ${n}`, id: `psid_${n}` },
    has_rating: false,
    has_review: true,
    open_graph_story: { id: `${1000000 + n}`, type: 'places.rates', start_time: at },
    ...changes,
  }
}

const expired = {
  error: {
    message:
      'Error validating access token: Session has expired on Thursday, 29-Jul-21 10:00:00 PDT. The current time is Friday, 30-Jul-21 06:41:07 PDT.',
    type: 'OAuthException',
    code: 190,
    error_subcode: 463,
    fbtrace_id: 'A_muLgNXB2rhzyBV_3YbJeo',
  },
}

/** Graph's answer from v22.0 on (or after v21.0 retires), to inject or to get by version. */
export const errorTwelve = {
  error: {
    message: '(#12) ratings is deprecated for versions v22.0 and higher',
    type: 'OAuthException',
    code: 12,
    fbtrace_id: 'Bdgw2PZxevX',
  },
}

/**
 * A fake Graph API: `GET /v{n}/{page}/ratings` with cursor paging (`paging.next` absent on the last
 * page), error 12 from `deprecatedFrom` on, error 190 for a wrong token. Errors are
 * `{error: {message, type, code, error_subcode, fbtrace_id}}` with HTTP 400, as Graph sends them.
 */
export async function startFakeFacebook(
  scenario: FacebookScenario = facebookScenario(),
): Promise<FakeFacebook> {
  let origin = ''
  const site = await startFakeSite(scenario.inject, (request, url) => {
    const match = /^\/v(\d+)\.0\/([^/]+)\/ratings$/.exec(url.pathname)
    const token = bearerOf(request) ?? url.searchParams.get('access_token')
    if (token !== scenario.pageAccessToken) return { status: 400, body: expired }
    if (!match)
      return {
        status: 400,
        body: { error: { message: 'Unknown path', type: 'GraphMethodException', code: 100 } },
      }
    if (Number(match[1]) >= scenario.deprecatedFrom) return { status: 400, body: errorTwelve }
    const all = scenario.ratings[match[2]!]
    if (!all) {
      return {
        status: 400,
        body: {
          error: {
            message: 'Unsupported get request. Object with ID does not exist',
            type: 'GraphMethodException',
            code: 100,
            error_subcode: 33,
          },
        },
      }
    }
    const after = url.searchParams.get('after')
    const offset = after ? Number(Buffer.from(after, 'base64').toString()) : 0
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 25) || 25, scenario.pageSize)
    const page = all.slice(offset, offset + limit)
    const nextCursor = Buffer.from(String(offset + limit)).toString('base64')
    const next = new URL(`${origin}${url.pathname}`)
    next.searchParams.set('fields', url.searchParams.get('fields') ?? '')
    next.searchParams.set('limit', String(limit))
    if (scenario.tokenInNext) next.searchParams.set('access_token', scenario.pageAccessToken)
    next.searchParams.set('after', nextCursor)
    return {
      status: 200,
      body: {
        data: page,
        paging: {
          cursors: { before: Buffer.from(String(offset)).toString('base64'), after: nextCursor },
          ...(offset + limit < all.length ? { next: next.href } : {}),
        },
      },
    }
  })
  // Graph's links name graph.facebook.com; the fake's name itself, under another host name, so
  // a test sees the connector re-base them on the configured address.
  origin = site.url.replace('127.0.0.1', 'localhost')
  return { ...site, scenario }
}
