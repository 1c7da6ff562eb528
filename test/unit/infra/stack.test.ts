import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { App, Stack } from 'aws-cdk-lib'
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCommentReader } from '../../../functions/src/domain/comment-reading'
import { createEnglishReader, type WinkModules } from '../../../functions/src/ingest/english-scorer'
import { tableDefinition } from '../../../functions/src/store/table'
import { pageSecurityHeaders } from '../../../functions/src/api/security-headers'
import { lazyModules } from '../../../infra/lib/node-bundling'
import { TouchpointStack } from '../../../infra/lib/touchpoint-stack'
import { spaRewriteCode, WebHosting } from '../../../infra/lib/web-hosting'
import { polarityLexicons, themes } from '../../../workshops'

// The same feature flags `cdk synth` uses, so the template under test is the one that deploys.
const cdkJson = JSON.parse(
  readFileSync(new URL('../../../infra/cdk.json', import.meta.url), 'utf8'),
) as { context: Record<string, unknown> }

// CloudFront's managed policies, by their fixed ids.
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad'

function onlyLogicalId(template: Template, type: string, props: object = {}): string {
  const ids = Object.keys(template.findResources(type, props))
  expect(ids).toHaveLength(1)
  return ids[0] ?? ''
}

/** Where a Lambda's bundle was written: its asset folder in the cloud assembly. */
function assetDirOf(template: Template, outdir: string, logicalId: string): string {
  const resource = template.toJSON().Resources[logicalId] as {
    Metadata?: Record<string, string>
    Properties: { Code: { S3Key: string } }
  }
  const path =
    resource.Metadata?.['aws:asset:path'] ??
    `asset.${resource.Properties.Code.S3Key.replace(/\.zip$/, '')}`
  return join(outdir, path)
}

const bootScriptHash = "'sha256-bm90IGEgcmVhbCBoYXNoIGJ1dCBzaGFwZWQgbGlrZSBvbmU='"

/** A stand-in for `web/build`, so the test does not depend on whether the web app was built. */
function fakeWebBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-web-build-'))
  mkdirSync(join(dir, '_app', 'immutable'), { recursive: true })
  // As kit's `csp.mode: 'hash'` writes it: the boot script allowed by its hash.
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><meta http-equiv="content-security-policy" content="script-src 'self' ${bootScriptHash}"><title>Touchpoint</title>`,
  )
  writeFileSync(join(dir, '_app', 'immutable', 'start.js'), 'export {}')
  return dir
}

describe('TouchpointStack', () => {
  let outdir: string
  let webBuildDir: string
  let stack: TouchpointStack
  let template: Template
  let tableId: string
  let handlerId: string
  let socketHandlerId: string
  let webSocketApiId: string
  let distributionId: string

  beforeAll(() => {
    webBuildDir = fakeWebBuild()
    outdir = mkdtempSync(join(tmpdir(), 'touchpoint-cdk-out-'))
    const app = new App({ context: cdkJson.context, outdir })
    stack = new TouchpointStack(app, 'Touchpoint', {
      mailFrom: 'Front desk <desk@clinic.example>',
      webBuildDir,
    })
    // Bundles the HTTP handler with esbuild: a handler that does not compile fails here.
    template = Template.fromStack(stack)
    tableId = onlyLogicalId(template, 'AWS::DynamoDB::GlobalTable')
    handlerId = onlyLogicalId(template, 'AWS::Lambda::Function', {
      Properties: { Environment: { Variables: { MAIL_MODE: 'ses' } } },
    })
    distributionId = onlyLogicalId(template, 'AWS::CloudFront::Distribution')
    webSocketApiId = onlyLogicalId(template, 'AWS::ApiGatewayV2::Api', {
      Properties: { ProtocolType: 'WEBSOCKET' },
    })
    socketHandlerId = onlyLogicalId(template, 'AWS::Lambda::Function', {
      Properties: {
        Environment: {
          Variables: { BOARD_SOCKET_URL: Match.anyValue(), MAIL_MODE: Match.absent() },
        },
      },
    })
  }, 120_000)

  afterAll(() => {
    for (const dir of [webBuildDir, outdir]) rmSync(dir, { recursive: true, force: true })
  })

  it('synthesizes without errors', () => {
    Annotations.fromStack(stack).hasNoError('*', Match.anyValue())
  })

  describe('table', () => {
    it('has the keys, TTL and index of tableDefinition', () => {
      const [index] = tableDefinition.indexes
      template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
        KeySchema: [
          { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
          { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
        ],
        AttributeDefinitions: Match.arrayWith([
          { AttributeName: tableDefinition.partitionKey, AttributeType: 'S' },
          { AttributeName: tableDefinition.sortKey, AttributeType: 'S' },
          { AttributeName: index?.partitionKey, AttributeType: 'S' },
          { AttributeName: index?.sortKey, AttributeType: 'S' },
        ]),
        TimeToLiveSpecification: { AttributeName: tableDefinition.ttlAttribute, Enabled: true },
        GlobalSecondaryIndexes: tableDefinition.indexes.map((gsi) => ({
          IndexName: gsi.name,
          KeySchema: [
            { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
            { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
        BillingMode: 'PAY_PER_REQUEST',
      })
    })

    it('is protected: PITR, deletion protection, KMS encryption, retained on delete', () => {
      template.hasResource('AWS::DynamoDB::GlobalTable', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: Match.objectLike({
          SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
          Replicas: [
            Match.objectLike({
              PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
              DeletionProtectionEnabled: true,
            }),
          ],
        }),
      })
    })
  })

  describe('API', () => {
    it('runs the handler on Node.js 22 / arm64 with the table and site wired in', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: 1024,
        Timeout: 29,
        Environment: {
          Variables: Match.objectLike({
            TABLE_NAME: { Ref: tableId },
            MAIL_MODE: 'ses',
            MAIL_FROM: 'Front desk <desk@clinic.example>',
            PUBLIC_URL: {
              'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]],
            },
          }),
        },
      })
    })

    it('builds exports in a private, encrypted, TLS-only bucket that forgets them after a day', () => {
      const bucketId = onlyLogicalId(template, 'AWS::S3::Bucket', {
        Properties: { LifecycleConfiguration: Match.anyValue() },
      })
      template.hasResource('AWS::S3::Bucket', {
        Properties: {
          BucketEncryption: {
            ServerSideEncryptionConfiguration: [
              { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
            ],
          },
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            BlockPublicPolicy: true,
            IgnorePublicAcls: true,
            RestrictPublicBuckets: true,
          },
          LifecycleConfiguration: {
            Rules: [
              Match.objectLike({
                ExpirationInDays: 1,
                AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
                Status: 'Enabled',
              }),
            ],
          },
        },
      })
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: bucketId },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 's3:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      })
      template.hasResourceProperties('AWS::Lambda::Function', {
        Handler: 'index.handler',
        Environment: {
          Variables: Match.objectLike({ EXPORT_BUCKET: { Ref: bucketId } }),
        },
      })
    })

    it('keeps the handler logs for a month', () => {
      template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 })
    })

    it('lets the handler use the table and send mail only from MAIL_FROM', () => {
      template.hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Action: Match.arrayWith(['dynamodb:PutItem', 'dynamodb:Query']),
              Resource: Match.arrayWith([{ 'Fn::GetAtt': [tableId, 'Arn'] }]),
            }),
            Match.objectLike({
              Action: 'ses:SendEmail',
              Condition: { StringEquals: { 'ses:FromAddress': 'desk@clinic.example' } },
            }),
          ]),
        },
      })
    })

    it('routes every request of the HTTP API to the handler', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' })
      template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: { 'Fn::GetAtt': [handlerId, 'Arn'] },
      })
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default' })
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [handlerId, 'Arn'] },
        Principal: 'apigateway.amazonaws.com',
      })
    })

    describe('bundle', () => {
      let assetDir: string
      beforeAll(() => {
        assetDir = assetDirOf(template, outdir, handlerId)
      })

      // 1.05 MB with the customer-experience moments (2026-12): zod is 454 KB of it, 264 KB its
      // locales, which `z` keeps because @hono/zod-openapi extends the whole namespace and the CDK's
      // esbuild CLI cannot stub a module; dropping them needs a bundling step of our own.
      it('keeps its main file under 1.1 MB, the English model left out (every cold start parses it)', () => {
        const main = join(assetDir, 'index.mjs')
        expect(statSync(main).size).toBeLessThan(1_100_000)
        const code = readFileSync(main, 'utf8')
        for (const name of lazyModules) expect(code).toContain(`import("${name}")`)
      })

      it('ships the English model beside it, so the first English comment reads in Lambda', async () => {
        // Resolved from the asset as Node resolves it in /var/task: never the workspace's copy.
        const fromAsset = createRequire(join(assetDir, 'index.mjs'))
        const load = async (name: string) => {
          const file = fromAsset.resolve(name)
          expect(file.startsWith(assetDir + sep)).toBe(true)
          return ((await import(pathToFileURL(file).href)) as { default: unknown }).default
        }
        const shipped = async (): Promise<WinkModules> => ({
          winkNLP: (await load('wink-nlp')) as WinkModules['winkNLP'],
          model: (await load('wink-eng-lite-web-model')) as WinkModules['model'],
        })
        const reader = createCommentReader({
          lexicons: polarityLexicons,
          themes,
          readEnglish: createEnglishReader(shipped),
        })
        expect(
          await reader.analyze('The doctor did not listen and I waited an hour.', 'en'),
        ).toEqual({
          sentiment: { label: 'negative', score: expect.any(Number) },
          themes: ['wait-time', 'clinician-communication'],
        })
      })
    })
  })

  describe('web hosting', () => {
    it('keeps the bucket private, encrypted and TLS-only', () => {
      template.hasResourceProperties('AWS::S3::Bucket', {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: { ServerSideEncryptionConfiguration: [Match.anyValue()] },
      })
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      })
    })

    it('serves the bucket through Origin Access Control', () => {
      template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
        OriginAccessControlConfig: Match.objectLike({
          OriginAccessControlOriginType: 's3',
          SigningBehavior: 'always',
        }),
      })
      template.hasResourceProperties('AWS::CloudFront::Distribution', {
        DistributionConfig: Match.objectLike({
          Origins: Match.arrayWith([
            Match.objectLike({
              S3OriginConfig: Match.anyValue(),
              OriginAccessControlId: Match.anyValue(),
            }),
          ]),
        }),
      })
    })

    it('sends /api/* to the HTTP API uncached, with every method, cookie and query string', () => {
      const distribution = template.findResources('AWS::CloudFront::Distribution')[distributionId]
      const config = distribution?.Properties.DistributionConfig
      const apiBehavior = config.CacheBehaviors.find(
        (behavior: { PathPattern: string }) => behavior.PathPattern === '/api/*',
      )
      expect(apiBehavior).toMatchObject({
        AllowedMethods: expect.arrayContaining(['POST', 'PUT', 'PATCH', 'DELETE']),
        CachePolicyId: CACHING_DISABLED,
      })
      const policyId = apiBehavior.OriginRequestPolicyId.Ref as string
      const policy = template.findResources('AWS::CloudFront::OriginRequestPolicy')[policyId]
      const policyConfig = policy?.Properties.OriginRequestPolicyConfig
      expect(policyConfig.CookiesConfig.CookieBehavior).toBe('all')
      expect(policyConfig.QueryStringsConfig.QueryStringBehavior).toBe('all')
      expect(policyConfig.HeadersConfig.HeaderBehavior).toBe('whitelist')
      const headers = policyConfig.HeadersConfig.Headers.map((h: string) => h.toLowerCase())
      expect(headers).toEqual(
        expect.arrayContaining(['x-csrf-token', 'content-type', 'cloudfront-viewer-address']),
      )
      // API Gateway routes by its own Host header: forwarding the viewer's would break every call.
      expect(headers).not.toContain('host')
      const apiOrigin = config.Origins.find(
        (origin: { Id: string }) => origin.Id === apiBehavior.TargetOriginId,
      )
      expect(apiOrigin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only')
      expect(JSON.stringify(apiOrigin.DomainName)).toContain('ApiEndpoint')
    })

    it('proves API requests came through CloudFront with a generated secret both sides share', () => {
      const secretId = onlyLogicalId(template, 'AWS::SecretsManager::Secret')
      const distribution = template.findResources('AWS::CloudFront::Distribution')[distributionId]
      const apiOrigin = distribution?.Properties.DistributionConfig.Origins.find(
        (origin: { CustomOriginConfig?: unknown }) => origin.CustomOriginConfig,
      )
      const header = apiOrigin.OriginCustomHeaders.find(
        (h: { HeaderName: string }) => h.HeaderName === 'x-origin-verify',
      )
      expect(JSON.stringify(header.HeaderValue)).toContain(secretId)
      const handler = template.findResources('AWS::Lambda::Function')[handlerId]
      // The API reads the (rotated) values at run time: its environment holds the secret's ARN.
      expect(handler?.Properties.Environment.Variables.ORIGIN_VERIFY_SECRET_ARN).toEqual({
        Ref: secretId,
      })
      expect(handler?.Properties.Environment.Variables.ORIGIN_VERIFY_SECRET).toBeUndefined()
    })

    it('leaves API errors alone: no distribution-wide error pages', () => {
      const distribution = template.findResources('AWS::CloudFront::Distribution')[distributionId]
      expect(distribution?.Properties.DistributionConfig.CustomErrorResponses).toBeUndefined()
    })

    it('rewrites app routes, and only app routes, to index.html', () => {
      template.hasResourceProperties('AWS::CloudFront::Distribution', {
        DistributionConfig: Match.objectLike({
          DefaultCacheBehavior: Match.objectLike({
            FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
          }),
        }),
      })
      // The same source the CloudFront Function runs, evaluated here.
      const handler = new Function(`${spaRewriteCode}; return handler`)() as (event: {
        request: { uri: string }
      }) => { uri: string }
      const rewrite = (uri: string) => handler({ request: { uri } }).uri
      expect(rewrite('/')).toBe('/index.html')
      expect(rewrite('/dashboard')).toBe('/index.html')
      expect(rewrite('/s/01HZX3J8ZP4')).toBe('/index.html')
      expect(rewrite('/_app/immutable/entry/start.BxY1.js')).toBe(
        '/_app/immutable/entry/start.BxY1.js',
      )
      expect(rewrite('/favicon.png')).toBe('/favicon.png')
    })

    it('runs the scheduled jobs hourly from one Lambda that may read and write the table', () => {
      const rules = template.findResources('AWS::Events::Rule')
      // The hourly jobs, and the review-site sync on a schedule of its own.
      expect(Object.values(rules).map((rule) => rule.Properties.ScheduleExpression)).toEqual([
        'rate(1 hour)',
        'rate(30 minutes)',
      ])
      const target = Object.values(rules)[0]?.Properties.Targets[0]
      const jobsId = target.Arn['Fn::GetAtt'][0] as string
      expect(jobsId).not.toBe(handlerId)
      expect(template.findResources('AWS::Lambda::Function')[jobsId]?.Properties).toMatchObject({
        Handler: 'index.handler',
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Environment: { Variables: { TABLE_NAME: { Ref: tableId } } },
      })
    })

    it('adds the security headers to pages and API responses', () => {
      template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
        ResponseHeadersPolicyConfig: Match.objectLike({
          SecurityHeadersConfig: Match.objectLike({
            ContentSecurityPolicy: { ContentSecurityPolicy: Match.anyValue(), Override: true },
            ContentTypeOptions: { Override: true },
            FrameOptions: { FrameOption: 'DENY', Override: true },
            ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
            StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 31_536_000 }),
          }),
        }),
      })
      // The local server sends the same values, from the same definition.
      expect(pageSecurityHeaders).toEqual({
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'strict-origin-when-cross-origin',
        'x-frame-options': 'DENY',
      })
      const policyId = onlyLogicalId(template, 'AWS::CloudFront::ResponseHeadersPolicy')
      const config = template.findResources('AWS::CloudFront::Distribution')[distributionId]
        ?.Properties.DistributionConfig
      expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId })
      expect(config.CacheBehaviors[0].ResponseHeadersPolicyId).toEqual({ Ref: policyId })
    })

    it('sends one page policy: no inline allowance, the build’s boot script by hash, connections to itself and the board socket only', () => {
      const policy = Object.values(
        template.findResources('AWS::CloudFront::ResponseHeadersPolicy'),
      )[0]?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy
        .ContentSecurityPolicy as string | { 'Fn::Join': [string, unknown[]] }
      // The socket's origin is a deploy-time token: render CloudFormation's join with its refs named.
      const rendered =
        typeof policy === 'string'
          ? policy
          : policy['Fn::Join'][1]
              .map((part) =>
                typeof part === 'string'
                  ? part
                  : `{${(part as { Ref?: string }).Ref ?? JSON.stringify(part)}}`,
              )
              .join(policy['Fn::Join'][0])
      const directives = Object.fromEntries(
        rendered.split('; ').map((directive) => {
          const [name, ...sources] = directive.split(' ')
          return [name, sources]
        }),
      )
      expect(rendered).not.toContain('unsafe-inline')
      expect(directives['script-src']).toEqual(["'self'", bootScriptHash])
      expect(directives['style-src']).toEqual(["'self'"])
      expect(directives['default-src']).toEqual(["'self'"])
      expect(directives['frame-ancestors']).toEqual(["'none'"])
      expect(directives['connect-src']).toHaveLength(2)
      expect(directives['connect-src']?.[0]).toBe("'self'")
      // Exactly API Gateway's socket, never any wss: host.
      expect(directives['connect-src']?.[1]).toMatch(
        /^wss:\/\/\{BoardSocketApi\w+\}\.execute-api\.\{AWS::Region\}\.\{AWS::URLSuffix\}$/,
      )
    })

    it('uploads the web build: hashed assets first, then pages with an invalidation', () => {
      template.resourceCountIs('Custom::CDKBucketDeployment', 2)
      template.hasResourceProperties('Custom::CDKBucketDeployment', {
        Include: ['_app/immutable/*'],
        Prune: false,
      })
      template.hasResourceProperties('Custom::CDKBucketDeployment', {
        Exclude: ['_app/immutable/*'],
        DistributionId: { Ref: distributionId },
        DistributionPaths: ['/*'],
      })
    })
  })

  describe('board socket', () => {
    /** `wss://<api id>.execute-api.<region>.<suffix>/live` as CloudFormation builds it. */
    const socketUrl = () => ({
      'Fn::Join': [
        '',
        [
          'wss://',
          { Ref: webSocketApiId },
          '.execute-api.',
          { Ref: 'AWS::Region' },
          '.',
          { Ref: 'AWS::URLSuffix' },
          '/live',
        ],
      ],
    })

    const roleOf = (functionId: string) =>
      template.findResources('AWS::Lambda::Function')[functionId]?.Properties.Role['Fn::GetAtt'][0]

    it('has a WebSocket API whose $connect, $disconnect and $default go to one Lambda', () => {
      const integrations = template.findResources('AWS::ApiGatewayV2::Integration', {
        Properties: { ApiId: { Ref: webSocketApiId } },
      })
      const [integrationId, integration] = Object.entries(integrations)[0] ?? []
      expect(Object.keys(integrations)).toHaveLength(1)
      expect(integration?.Properties).toMatchObject({ IntegrationType: 'AWS_PROXY' })
      expect(JSON.stringify(integration?.Properties.IntegrationUri)).toContain(socketHandlerId)

      const routes = template.findResources('AWS::ApiGatewayV2::Route', {
        Properties: { ApiId: { Ref: webSocketApiId } },
      })
      const routeKeys = Object.values(routes).map((route) => route.Properties.RouteKey)
      expect(routeKeys.sort()).toEqual(['$connect', '$default', '$disconnect'])
      for (const route of Object.values(routes)) {
        expect(route.Properties.Target).toEqual({
          'Fn::Join': ['', ['integrations/', { Ref: integrationId }]],
        })
      }
      for (const routeKey of ['$connect', '$disconnect', '$default']) {
        template.hasResourceProperties('AWS::Lambda::Permission', {
          Action: 'lambda:InvokeFunction',
          FunctionName: { 'Fn::GetAtt': [socketHandlerId, 'Arn'] },
          Principal: 'apigateway.amazonaws.com',
          SourceArn: Match.objectLike({
            'Fn::Join': ['', Match.arrayWith([`/*${routeKey}`])],
          }),
        })
      }
    })

    it('deploys every change to the stage `live`, throttled', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        ApiId: { Ref: webSocketApiId },
        StageName: 'live',
        AutoDeploy: true,
        DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: Match.anyValue() }),
      })
    })

    it('runs the socket Lambda on Node.js 22 / arm64 with the table and its own address', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        Environment: {
          Variables: Match.objectLike({
            TABLE_NAME: { Ref: tableId },
            BOARD_SOCKET_URL: socketUrl(),
          }),
        },
      })
      const socketFunction = template.findResources('AWS::Lambda::Function')[socketHandlerId]
      expect(socketFunction?.Properties.Environment.Variables.BOARD_SOCKET_URL).toEqual(socketUrl())
    })

    it('gives the HTTP API the socket address for tickets', () => {
      const http = template.findResources('AWS::Lambda::Function')[handlerId]
      expect(http?.Properties.Environment.Variables.BOARD_SOCKET_URL).toEqual(socketUrl())
    })

    it('lets both Lambdas manage the stage connections, and only those', () => {
      const manageConnections = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
        (policy) =>
          (policy.Properties.PolicyDocument.Statement as { Action: unknown; Resource: unknown }[])
            .filter((statement) => statement.Action === 'execute-api:ManageConnections')
            .map((statement) => ({ roles: policy.Properties.Roles, resource: statement.Resource })),
      )
      expect(manageConnections.map((grant) => grant.roles).sort()).toEqual(
        [[{ Ref: roleOf(handlerId) }], [{ Ref: roleOf(socketHandlerId) }]].sort(),
      )
      for (const { resource } of manageConnections) {
        const arn = JSON.stringify(resource)
        expect(arn).toContain(webSocketApiId)
        expect(arn).toContain('/live/*/@connections/*')
      }
    })

    it('lets the socket Lambda read and write the table', () => {
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [{ Ref: roleOf(socketHandlerId) }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              // In the order CDK writes them.
              Action: Match.arrayWith([
                'dynamodb:DeleteItem',
                'dynamodb:PutItem',
                'dynamodb:Query',
                'dynamodb:UpdateItem',
              ]),
              Resource: Match.arrayWith([{ 'Fn::GetAtt': [tableId, 'Arn'] }]),
            }),
          ]),
        },
      })
    })
  })

  it('outputs the site URL, the API URL and the table name', () => {
    template.hasOutput('SiteUrl', {
      Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] },
    })
    template.hasOutput('ApiUrl', { Value: Match.objectLike({ 'Fn::GetAtt': Match.anyValue() }) })
    template.hasOutput('TableName', { Value: { Ref: tableId } })
  })

  it('outputs the board socket URL', () => {
    template.hasOutput('BoardSocketUrl', {
      Value: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith(['wss://', '/live'])] }),
    })
  })
})

// WebHosting alone: the stack's bundling is not needed to check what happens without a build.
describe('WebHosting without a web build', () => {
  it('uploads nothing and warns to run npm run build', () => {
    const emptyDir = mkdtempSync(join(tmpdir(), 'touchpoint-no-web-build-'))
    const outdir = mkdtempSync(join(tmpdir(), 'touchpoint-cdk-out-'))
    try {
      const stack = new Stack(new App({ context: cdkJson.context, outdir }), 'Web')
      new WebHosting(stack, 'Web', {
        apiDomainName: 'api.example.com',
        originVerify: 'test-origin-secret-value',
        webBuildDir: emptyDir,
      })
      Template.fromStack(stack).resourceCountIs('Custom::CDKBucketDeployment', 0)
      Annotations.fromStack(stack).hasWarning('/Web/Web', Match.stringLikeRegexp('npm run build'))
    } finally {
      for (const dir of [emptyDir, outdir]) rmSync(dir, { recursive: true, force: true })
    }
  })
})
