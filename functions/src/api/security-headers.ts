/**
 * The security headers of every page, defined once: the local server sends them itself and
 * CloudFront sends them in AWS (infra/lib/security-headers.ts builds its policy from these), so the
 * two can no longer drift apart.
 *
 * The patient's page must load nothing from third parties (no scripts, trackers or fonts), so the
 * policy allows only this origin. 'unsafe-inline' is there because SvelteKit's static build boots
 * from an inline script and Svelte sets inline styles. `wss:` is for the real-time boards, whose
 * socket is another origin in AWS (API Gateway); locally the board's socket is this origin, which
 * 'self' covers for ws: as well.
 *
 * @example
 * // infra/lib/security-headers.ts
 * import { contentSecurityPolicy } from '../../functions/src/api/security-headers'
 * new cloudfront.ResponseHeadersPolicy(scope, id, {
 *   securityHeadersBehavior: { contentSecurityPolicy: { contentSecurityPolicy, override: true } },
 * })
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self' 'unsafe-inline'",
  "connect-src 'self' wss:",
  "frame-ancestors 'none'",
  // Neither falls back to default-src: without them an injected <base> or <form> could send
  // answers elsewhere.
  "base-uri 'self'",
  "form-action 'self'",
].join('; ')

/**
 * Every header a page is sent with, by lower-case name. Strict-Transport-Security is not here: it
 * belongs to HTTPS, which CloudFront adds (infra/lib/security-headers.ts) and `npm start` has not.
 *
 * @example
 * for (const [name, value] of Object.entries(pageSecurityHeaders)) c.header(name, value)
 */
export const pageSecurityHeaders = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
} as const
