import { App, Stack } from 'aws-cdk-lib'
import { Match, Template } from 'aws-cdk-lib/assertions'
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ReviewsSyncSchedule } from '../../../infra/lib/reviews-sync-schedule'

describe('the reviews sync schedule', () => {
  // Bundles handlers/reviews-sync.ts with esbuild: a handler that does not compile fails here.
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'touchpoint-cdk-reviews-')) })
  const stack = new Stack(app, 'Probe', { env: { account: '123456789012', region: 'us-east-1' } })
  const table = new dynamodb.TableV2(stack, 'Table', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
  })
  new ReviewsSyncSchedule(stack, 'ReviewsSync', { table })
  const template = Template.fromStack(stack)

  it('runs the sync Lambda every 30 minutes', () => {
    const rules = Object.values(template.findResources('AWS::Events::Rule'))
    expect(rules.map((rule) => rule.Properties.ScheduleExpression)).toEqual(['rate(30 minutes)'])
    const functionId = rules[0]!.Properties.Targets[0].Arn['Fn::GetAtt'][0] as string
    expect(template.findResources('AWS::Lambda::Function')[functionId]?.Properties).toMatchObject({
      Handler: 'index.handler',
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
    })
  })

  it('may read only the touchpoint/* secrets, and read and write the table', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy'))
    const statements = policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement)
    const secretStatements = statements.filter((statement) =>
      [statement.Action].flat().some((action: string) => action.startsWith('secretsmanager:')),
    )
    expect(secretStatements).toEqual([
      {
        Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        Effect: 'Allow',
        Resource: {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':secretsmanager:us-east-1:123456789012:secret:touchpoint/*',
            ],
          ],
        },
      },
    ])
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: Match.arrayWith(['dynamodb:PutItem']), Effect: 'Allow' }),
        ]),
      },
    })
  })
})
