import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { googleScenario, startFakeGoogle, type GoogleReviewJson } from './google'

/** What a browser test may change in the e2e server's fake Google, through its control address. */
export interface FakeGoogleChange {
  /** Reviews per Google location name (`accounts/…/locations/…`), added beside the others. */
  reviews?: Record<string, GoogleReviewJson[]>
  /** The token endpoint answers `invalid_grant` (Google's revoked refresh token). */
  revoked?: boolean
  /** A refresh token of the test's own, so a retried test starts from an unrevoked one. */
  refreshToken?: string
  /** Every access token handed out stops working: the next call must refresh. */
  expireTokens?: boolean
}

/** What the control address answers on GET: the credentials to type in and the replies put. */
export interface FakeGoogleState {
  clientId: string
  clientSecret: string
  refreshToken: string
  /** The reply comments Google received through `updateReply`, by review name. */
  replies: Record<string, { comment: string; updateTime: string }>
}

/**
 * A fake Google for the browser tests: the e2e server is pointed at it, and the tests (in other
 * processes) drive it over a second, plain HTTP address: `GET /` reads its state, `POST /` with a
 * {@link FakeGoogleChange} changes it. Each test seeds locations of an account of its own, so tests
 * running side by side never see each other's reviews.
 *
 * @example
 * const { site, controlUrl } = await startE2eFakeGoogle()
 * process.env.GOOGLE_BUSINESS_API_URL = site.url
 */
export async function startE2eFakeGoogle() {
  const site = await startFakeGoogle(googleScenario())
  const control = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      if (req.method === 'POST') {
        const change = JSON.parse(
          Buffer.concat(chunks).toString('utf8') || '{}',
        ) as FakeGoogleChange
        Object.assign(site.scenario.reviews, change.reviews)
        if (change.revoked !== undefined) site.scenario.revoked = change.revoked
        if (change.refreshToken) site.scenario.refreshToken = change.refreshToken
        if (change.expireTokens) site.expireTokens()
      }
      const state: FakeGoogleState = {
        clientId: site.scenario.clientId,
        clientSecret: site.scenario.clientSecret,
        refreshToken: site.scenario.refreshToken,
        replies: Object.fromEntries(site.replies),
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(state))
    })
  })
  await new Promise<void>((done) => control.listen(0, '127.0.0.1', done))
  const { port } = control.address() as AddressInfo
  return { site, controlUrl: `http://127.0.0.1:${port}` }
}
