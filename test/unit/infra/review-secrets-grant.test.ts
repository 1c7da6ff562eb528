import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { App, Validations } from 'aws-cdk-lib'
import { AwsSolutionsChecks } from 'cdk-nag'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TouchpointStack } from '../../../infra/lib/touchpoint-stack'

const cdkJson = JSON.parse(
  readFileSync(new URL('../../../infra/cdk.json', import.meta.url), 'utf8'),
) as { context: Record<string, unknown> }

interface Violation {
  ruleName: string
  violatingConstructs: { constructPath: string }[]
}

let outdir: string
let resources: Record<string, { Type: string; Properties: any }>
let violations: Violation[]

/** The stack with cdk-nag's AwsSolutions pack, bundling skipped (the rules read the template). */
beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'touchpoint-nag-'))
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
    pluginReports: { violations: Violation[] }[]
  }
  violations = report.pluginReports.flatMap((r) => r.violations)
  resources = JSON.parse(
    readFileSync(join(outdir, `${stack.artifactId}.template.json`), 'utf8'),
  ).Resources
}, 180_000)
afterAll(() => rmSync(outdir, { recursive: true, force: true }))

const secretActions = [
  'secretsmanager:CreateSecret',
  'secretsmanager:DeleteSecret',
  'secretsmanager:DescribeSecret',
  'secretsmanager:GetSecretValue',
  'secretsmanager:PutSecretValue',
  'secretsmanager:RestoreSecret',
]

function apiStatements() {
  return Object.values(resources)
    .filter(
      (r) =>
        r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles).includes('ApiHandler'),
    )
    .flatMap((p) => p.Properties.PolicyDocument.Statement as any[])
}

describe("the API's grant on review-site secrets", () => {
  it('lets the API make, replace, read, delete and restore secrets under touchpoint/ only', () => {
    const statement = apiStatements().find((s) =>
      [s.Action].flat().includes('secretsmanager:CreateSecret'),
    )
    expect([statement.Action].flat().sort()).toEqual(secretActions)
    expect(statement.Effect).toBe('Allow')
    expect(statement.Resource).toEqual({
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':secretsmanager:',
          { Ref: 'AWS::Region' },
          ':',
          { Ref: 'AWS::AccountId' },
          ':secret:touchpoint/*',
        ],
      ],
    })
  })

  it('gives no other statement of the API a secret-writing action', () => {
    const writers = apiStatements().filter((s) =>
      [s.Action].flat().some((a: string) => /^secretsmanager:(Create|Delete|Restore|Put)/.test(a)),
    )
    expect(writers).toHaveLength(1)
  })

  it('leaves cdk-nag (AwsSolutions) no finding about the touchpoint/* secrets', () => {
    expect(violations.length).toBeGreaterThan(0) // the pack ran
    const ours = violations.filter((v) => v.ruleName.includes('secret:touchpoint/'))
    expect(ours).toEqual([])
  })
})
