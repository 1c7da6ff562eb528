import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import pino from 'pino'
import { beforeAll, describe, expect, it } from 'vitest'
import { runJobs } from '../../../functions/src/jobs/registry'
import { startJobTimer } from '../../../functions/src/local/job-timer'
import type { Db } from '../../../functions/src/store/db'
import * as keys from '../../../functions/src/store/keys'
import { Caller, freshPractice, testApp } from '../../support/api'
import { testDb } from '../../support/db'
import { newKey, publishedSurvey, pulseAnswers } from '../../support/surveys'

let db: Db
beforeAll(async () => {
  db = await testDb() // its own table: the job sees only this file's practice
})

async function weekCounterOfAllSurveys(practiceId: string) {
  const { Items } = await db.client.send(
    new QueryCommand({
      TableName: db.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :week)',
      ExpressionAttributeValues: { ':pk': keys.countersOf(practiceId, '*'), ':week': 'W#all#' },
      ConsistentRead: true,
    }),
  )
  return Items![0] as { pk: string; sk: string; responses: number }
}

describe('the scheduled jobs under npm start', () => {
  it('reports a corrupted counter on the next tick of the timer without rewriting it, logging no patient data', async () => {
    const app = testApp(db, { PUBLIC_SUBMIT_RATE_LIMIT: '0' })
    const { owner, practiceId } = await freshPractice(app)
    const { id: surveyId } = await publishedSurvey(owner)
    for (const score of [10, 3]) {
      const res = await new Caller(app).post(`/api/public/surveys/${surveyId}/responses`, {
        idempotencyKey: newKey(),
        language: 'en',
        answers: pulseAnswers(score, { improve: 'Nobody told us why we waited' }),
      })
      expect(res.status).toBe(201)
    }
    const counted = await weekCounterOfAllSurveys(practiceId)
    expect(counted.responses).toBe(2)
    await db.client.send(
      new UpdateCommand({
        TableName: db.table,
        Key: { pk: counted.pk, sk: counted.sk },
        UpdateExpression: 'ADD #responses :five',
        ExpressionAttributeNames: { '#responses': 'responses' },
        ExpressionAttributeValues: { ':five': 5 },
      }),
    )
    expect((await weekCounterOfAllSurveys(practiceId)).responses).toBe(7)

    const lines: string[] = []
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) })
    const errors: string[] = []
    const timer = startJobTimer({
      intervalSeconds: 1,
      run: () => runJobs({ db, logger }),
      onError: (name) => errors.push(name),
    })
    try {
      const deadline = Date.now() + 30_000
      while (!lines.some((line) => JSON.parse(line).msg === 'job done')) {
        if (Date.now() > deadline) throw new Error('the timer never ran the check')
        await new Promise((done) => setTimeout(done, 250))
      }
    } finally {
      await timer.stop()
    }
    expect(errors).toEqual([])
    const done = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'job done')
    expect(done).toMatchObject({ job: 'counters.check', differences: 1, drifted: 1 })
    // Only the CLI, with the server stopped, rewrites counters.
    expect((await weekCounterOfAllSurveys(practiceId)).responses).toBe(7)
    expect(lines.join('\n')).not.toContain('Nobody told us')
  }, 60_000)
})
