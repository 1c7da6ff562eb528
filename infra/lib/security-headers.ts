import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Duration } from 'aws-cdk-lib'
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront'
import type { Construct } from 'constructs'
import { contentSecurityPolicy, scriptHashesOf } from '../../functions/src/api/security-headers'

export interface SecurityHeadersOptions {
  /** The web build being uploaded: its index.html holds the hash of the boot script to allow. */
  webBuildDir: string
  /** The board socket's origin (`wss://<id>.execute-api.<region>.amazonaws.com`), for connect-src. */
  socketOrigin?: string | undefined
}

/**
 * The page policy CloudFront sends: the one definition (functions/src/api/security-headers.ts),
 * with the script hashes of the build it serves and the board socket's origin.
 *
 * @example
 * cloudFrontContentSecurityPolicy({ webBuildDir: 'web/build', socketOrigin: 'wss://abc.execute-api.eu-west-1.amazonaws.com' })
 */
export function cloudFrontContentSecurityPolicy(options: SecurityHeadersOptions): string {
  const shell = join(options.webBuildDir, 'index.html')
  // No build, no site (web-hosting.ts warns): nothing to allow.
  const scriptHashes = existsSync(shell) ? scriptHashesOf(readFileSync(shell, 'utf8')) : []
  return contentSecurityPolicy({ scriptHashes, socketOrigin: options.socketOrigin })
}

/**
 * CloudFront's copy of the local server's page headers: the CSP itself, and the same values of the
 * other headers (`pageSecurityHeaders`) in CloudFront's own terms (checked by the infra test).
 */
export function createSecurityHeadersPolicy(
  scope: Construct,
  id: string,
  options: SecurityHeadersOptions,
): cloudfront.ResponseHeadersPolicy {
  return new cloudfront.ResponseHeadersPolicy(scope, id, {
    comment: 'Touchpoint security headers',
    securityHeadersBehavior: {
      contentSecurityPolicy: {
        contentSecurityPolicy: cloudFrontContentSecurityPolicy(options),
        override: true,
      },
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
