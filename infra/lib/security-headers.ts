import { Duration } from 'aws-cdk-lib'
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront'
import type { Construct } from 'constructs'

/**
 * The patient's page must load nothing from third parties (no scripts, trackers or fonts), so the
 * policy allows only this origin. 'unsafe-inline' is there because SvelteKit's static build boots
 * from an inline script and Svelte sets inline styles; `wss:` is for the real-time boards.
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

export function createSecurityHeadersPolicy(
  scope: Construct,
  id: string,
): cloudfront.ResponseHeadersPolicy {
  return new cloudfront.ResponseHeadersPolicy(scope, id, {
    comment: 'Touchpoint security headers',
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy, override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
      referrerPolicy: {
        referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
        override: true,
      },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.days(365),
        includeSubdomains: true,
        override: true,
      },
    },
  })
}
