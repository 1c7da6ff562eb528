import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { App, Stack, Validations } from 'aws-cdk-lib'
import { Template } from 'aws-cdk-lib/assertions'
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb'
import { AwsSolutionsChecks } from 'cdk-nag'
import { afterAll, describe, expect, it } from 'vitest'
import { GovernanceRemindersSchedule } from '../../../infra/lib/governance-reminders-schedule'
import { TouchpointStack } from '../../../infra/lib/touchpoint-stack'

const cdkJson = JSON.parse(
  readFileSync(new URL('../../../infra/cdk.json', import.meta.url), 'utf8'),
) as { context: Record<string, unknown> }

const outdirs: string[] = []
afterAll(() => outdirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

describe('the governance reminders schedule', () => {
  // Bundles handlers/governance-reminders.ts with esbuild: a handler that does not compile fails here.
  const outdir = mkdtempSync(join(tmpdir(), 'touchpoint-cdk-reminders-'))
  outdirs.push(outdir)
  const app = new App({ outdir })
  const stack = new Stack(app, 'Probe', { env: { account: '123456789012', region: 'us-east-1' } })
  const table = new dynamodb.TableV2(stack, 'Table', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
  })
  new GovernanceRemindersSchedule(stack, 'GovernanceReminders', {
    table,
    publicUrl: 'https://d111111abcdef8.cloudfront.net',
    mailFrom: 'Alder Clinic <desk@clinic.example>',
  })
  const template = Template.fromStack(stack)

  it('runs the reminders Lambda once a day, with links on the site and e-mail through SES', () => {
    const rules = Object.values(template.findResources('AWS::Events::Rule'))
    expect(rules.map((rule) => rule.Properties.ScheduleExpression)).toEqual(['cron(0 13 * * ? *)'])
    const functionId = rules[0]!.Properties.Targets[0].Arn['Fn::GetAtt'][0] as string
    expect(template.findResources('AWS::Lambda::Function')[functionId]?.Properties).toMatchObject({
      Handler: 'index.handler',
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Environment: {
        Variables: {
          MAIL_MODE: 'ses',
          MAIL_FROM: 'Alder Clinic <desk@clinic.example>',
          PUBLIC_URL: 'https://d111111abcdef8.cloudfront.net',
        },
      },
    })
  })

  it('may send e-mail from the practice address only, use the table, and nothing else', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (policy) => policy.Properties.PolicyDocument.Statement as any[],
    )
    const services = new Set(
      statements.flatMap((s) => [s.Action].flat().map((a: string) => a.split(':')[0])),
    )
    expect([...services].sort()).toEqual(['dynamodb', 'ses'])
    const ses = statements.filter((s) =>
      [s.Action].flat().some((a: string) => a.startsWith('ses:')),
    )
    expect(ses).toEqual([
      expect.objectContaining({
        Action: 'ses:SendEmail',
        Condition: { StringEquals: { 'ses:FromAddress': 'desk@clinic.example' } },
      }),
    ])
  })
})

describe('the governance reminders in the whole stack', () => {
  it('is in the stack and leaves cdk-nag (AwsSolutions) nothing unexplained about it', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'touchpoint-nag-reminders-'))
    outdirs.push(outdir)
    const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] }, outdir })
    const stack = new TouchpointStack(app, 'Touchpoint', {
      mailFrom: 'desk@clinic.example',
      webBuildDir: join(outdir, 'no-web-build'),
    })
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app))
    try {
      app.synth()
    } catch {
      /* other parts of the stack have findings of their own; the report says what was found */
    }
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: {
        violations: { ruleName: string; violatingConstructs: { constructPath: string }[] }[]
      }[]
    }
    const violations = report.pluginReports.flatMap((r) => r.violations)
    expect(violations.length).toBeGreaterThan(0) // the pack ran
    const ours = violations.filter((v) =>
      v.violatingConstructs.some((c) => c.constructPath.includes('/GovernanceReminders/')),
    )
    expect(ours).toEqual([])
    const resources = JSON.parse(
      readFileSync(join(outdir, `${stack.artifactId}.template.json`), 'utf8'),
    ).Resources as Record<string, { Type: string; Properties: any }>
    const reminders = Object.entries(resources).filter(
      ([id, r]) => r.Type === 'AWS::Lambda::Function' && id.startsWith('GovernanceReminders'),
    )
    expect(reminders).toHaveLength(1)
    expect(reminders[0]![1].Properties.Environment.Variables.PUBLIC_URL).toBeDefined()
  }, 180_000)
})
