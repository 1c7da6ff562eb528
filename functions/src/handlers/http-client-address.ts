import type { Context } from 'hono'

interface LambdaBindings {
  event?: { requestContext?: { http?: { sourceIp?: string }; identity?: { sourceIp?: string } } }
}

/**
 * The caller's address for throttling. Behind CloudFront (proven by the origin secret) API Gateway
 * sees only CloudFront's address, so the viewer address CloudFront adds is used instead; headers
 * sent by anyone else are never trusted.
 */
export function clientAddress(c: Context, behindCloudFront: boolean): string | undefined {
  return (
    (behindCloudFront && viewerAddress(c.req.header('cloudfront-viewer-address'))) ||
    sourceIp(c.env)
  )
}

/**
 * Whether every request the API serves is proven to have come through CloudFront: origin
 * verification is on, with a fixed value or the rotated secret.
 */
export function behindCloudFront(config: {
  ORIGIN_VERIFY_SECRET?: string | undefined
  ORIGIN_VERIFY_SECRET_ARN?: string | undefined
}): boolean {
  return Boolean(config.ORIGIN_VERIFY_SECRET || config.ORIGIN_VERIFY_SECRET_ARN)
}

/** `CloudFront-Viewer-Address` is `ip:port` (IPv6 too: `2001:db8::1:443`); keep the address. */
export function viewerAddress(header: string | undefined): string | undefined {
  const cut = header?.lastIndexOf(':') ?? -1
  return header && cut > 0 ? header.slice(0, cut) : undefined
}

/** API Gateway's own view of the caller (HTTP API v2, or REST API v1). */
function sourceIp(env: unknown): string | undefined {
  const context = (env as LambdaBindings | undefined)?.event?.requestContext
  return context?.http?.sourceIp ?? context?.identity?.sourceIp
}
