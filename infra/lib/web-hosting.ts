import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Annotations, RemovalPolicy } from 'aws-cdk-lib'
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront'
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins'
import * as s3 from 'aws-cdk-lib/aws-s3'
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment'
import { Construct } from 'constructs'
import { createSecurityHeadersPolicy } from './security-headers'

export interface WebHostingProps {
  /** The HTTP API's host name; CloudFront sends `/api/*` there. */
  apiDomainName: string
  /** Sent to the API in `x-origin-verify`, so it can tell CloudFront's requests from any other. */
  originVerify: string
  /** The SvelteKit static build (adapter-static), uploaded only if it has an index.html. */
  webBuildDir: string
  /** The board socket's origin (API Gateway), which pages may connect to besides their own. */
  socketOrigin?: string
}

/**
 * Rewrites app routes (paths whose last segment has no file extension) to the SPA shell. Doing it
 * here rather than with distribution-wide error responses keeps the API's 403s and 404s intact.
 */
export const spaRewriteCode = `function handler(event) {
  var request = event.request
  var lastSegment = request.uri.substring(request.uri.lastIndexOf('/') + 1)
  if (lastSegment.indexOf('.') === -1) {
    request.uri = '/index.html'
  }
  return request
}`

/** S3 + CloudFront serving the web app, with the API on the same origin under `/api`. */
export class WebHosting extends Construct {
  readonly distribution: cloudfront.Distribution
  readonly url: string

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id)

    // Holds only build output, so it goes with the stack.
    const bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    })

    const securityHeaders = createSecurityHeadersPolicy(this, 'SecurityHeaders', {
      webBuildDir: props.webBuildDir,
      socketOrigin: props.socketOrigin,
    })
    const spaRewrite = new cloudfront.Function(this, 'SpaRewrite', {
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(spaRewriteCode),
      comment: 'Serves index.html for app routes',
    })

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Touchpoint',
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // Practices and their patients are in North America and Europe; the cheapest class covers them.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [
          { function: spaRewrite, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
        ],
      },
      additionalBehaviors: {
        // Same origin as the app, so the SameSite session cookie is sent and no CORS is needed.
        '/api/*': {
          origin: new origins.HttpOrigin(props.apiDomainName, {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
            customHeaders: { 'x-origin-verify': props.originVerify },
          }),
          // A redirect would turn a plain-http POST into a GET; refuse it instead.
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: new cloudfront.OriginRequestPolicy(this, 'ApiRequests', {
            comment:
              'What the Touchpoint API reads: cookies, query, its headers, the viewer address',
            cookieBehavior: cloudfront.OriginRequestCookieBehavior.all(),
            queryStringBehavior: cloudfront.OriginRequestQueryStringBehavior.all(),
            // Not Host: API Gateway routes by its own. CloudFront-Viewer-Address is the caller's
            // real address (sign-in throttling counts it); API Gateway only sees CloudFront's.
            headerBehavior: cloudfront.OriginRequestHeaderBehavior.allowList(
              'accept',
              'accept-language',
              'content-type',
              'origin',
              'referer',
              'user-agent',
              'x-csrf-token',
              'CloudFront-Viewer-Address',
            ),
          }),
          responseHeadersPolicy: securityHeaders,
        },
      },
    })
    this.url = `https://${this.distribution.distributionDomainName}`

    if (existsSync(join(props.webBuildDir, 'index.html'))) {
      this.deploy(bucket, props.webBuildDir)
    } else {
      Annotations.of(this).addWarningV2(
        '@touchpoint/infra:webBuildMissing',
        `No web build at ${props.webBuildDir}, so the site will be empty: run \`npm run build\` ` +
          'at the repository root first (`npm run deploy` does it for you).',
      )
    }
  }

  /**
   * Hashed assets under _app/immutable never change, so browsers may keep them for a year; every
   * other file (index.html above all) is revalidated so a new release shows up on the next load.
   * Assets go first so a new index.html never points at files that are not there yet.
   */
  private deploy(bucket: s3.IBucket, webBuildDir: string): void {
    const source = s3deploy.Source.asset(webBuildDir)
    const immutableAssets = new s3deploy.BucketDeployment(this, 'DeployImmutableAssets', {
      sources: [source],
      destinationBucket: bucket,
      exclude: ['*'],
      include: ['_app/immutable/*'],
      cacheControl: [s3deploy.CacheControl.fromString('public, max-age=31536000, immutable')],
      // Keep earlier releases' assets: open tabs still load their chunks after a deploy.
      prune: false,
    })
    const pages = new s3deploy.BucketDeployment(this, 'DeployPages', {
      sources: [source],
      destinationBucket: bucket,
      exclude: ['_app/immutable/*'],
      cacheControl: [s3deploy.CacheControl.fromString('public, max-age=0, must-revalidate')],
      distribution: this.distribution,
      distributionPaths: ['/*'],
    })
    pages.node.addDependency(immutableAssets)
  }
}
