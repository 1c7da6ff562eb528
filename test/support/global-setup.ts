import type { TestProject } from 'vitest/node'
import { startDynamoDbLocal } from '../../functions/src/local/dynamodb-local'

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string
  }
}

/** Starts one in-memory DynamoDB Local for the run and hands its endpoint to every test file. */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoDbLocal()
  project.provide('dynamoEndpoint', dynamo.endpoint)
  return () => dynamo.stop()
}
