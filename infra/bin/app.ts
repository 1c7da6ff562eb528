import { App } from 'aws-cdk-lib'
import { TouchpointStack } from '../lib/touchpoint-stack'

const app = new App()

const mailFrom: unknown = app.node.tryGetContext('mailFrom')

new TouchpointStack(app, 'Touchpoint', {
  description: 'Touchpoint: patient-experience app for a medical practice',
  // Unset when there are no credentials (offline synth): the stack is then environment-agnostic.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  mailFrom: typeof mailFrom === 'string' && mailFrom.trim() !== '' ? mailFrom.trim() : undefined,
})
