import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../functions/src/store/db'
import * as keys from '../../../functions/src/store/keys'
import { weeklyTopBox } from '../../../functions/src/store/touchpoint-weeks'
import { testDb } from '../../support/db'

let db: Db
beforeAll(async () => {
  db = await testDb()
})

/** The store's client, counting the Queries it sends. */
function counting(of: Db) {
  const sent: string[] = []
  const send = of.client.send.bind(of.client) as (command: unknown) => Promise<unknown>
  const client = Object.create(of.client) as Db['client']
  client.send = ((command: unknown) => {
    if (command instanceof QueryCommand) sent.push('Query')
    return send(command)
  }) as Db['client']['send']
  return { db: { ...of, client }, sent }
}

async function put(
  practiceId: string,
  surveyId: string,
  scope: keys.CounterScope,
  week: string,
  values: Record<string, number>,
) {
  await db.client.send(
    new PutCommand({
      TableName: db.table,
      Item: { ...keys.counter(practiceId, surveyId, 'W', scope, week), ...values },
    }),
  )
}

describe('weeklyTopBox', () => {
  it("answers every week of the range from all surveys' counters in one Query, empty weeks as n 0", async () => {
    const practiceId = ulid()
    await put(practiceId, '*', 'all', '2026-11-02', {
      responses: 5,
      'tp.check-in.n': 5,
      'tp.check-in.v.5': 2,
      'tp.check-in.v.4': 1,
      'tp.check-in.v.2': 2,
      // Another touch point and a stray value off the 1-5 scale count for nothing here.
      'tp.visit.v.5': 9,
      'tp.check-in.v.7': 3,
      // Every survey's NPS together: not the touch point's survey's, so not read.
      'nps.v.10': 7,
    })
    await put(practiceId, '*', 'all', '2026-11-16', { responses: 1, 'tp.check-in.v.4': 1 })
    // Other scopes, other surveys and weeks outside the range are not read into the answer.
    await put(practiceId, '*', `L#${ulid()}`, '2026-11-09', { 'tp.check-in.v.5': 40 })
    await put(practiceId, ulid(), 'all', '2026-11-09', { 'tp.check-in.v.5': 40 })
    await put(practiceId, '*', 'all', '2026-11-23', { 'tp.check-in.v.5': 40 })

    const { db: counted, sent } = counting(db)
    const weeks = await weeklyTopBox(counted, practiceId, 'check-in', '2026-11-04', '2026-11-22')
    expect(weeks).toEqual([
      { week: '2026-11-02', n: 5, k: 3 },
      { week: '2026-11-09', n: 0, k: 0 },
      { week: '2026-11-16', n: 1, k: 1 },
    ])
    expect(sent).toEqual(['Query'])
  })

  it('reads NPS from the surveys that rate the touch point and ask it, one Query each', async () => {
    const practiceId = ulid()
    const [pulse, visit, other] = [ulid(), ulid(), ulid()]
    await put(practiceId, '*', 'all', '2026-11-02', { 'tp.check-in.v.5': 1, 'nps.v.10': 99 })
    await put(practiceId, pulse, 'all', '2026-11-02', { 'nps.v.10': 2, 'nps.v.8': 1 })
    await put(practiceId, visit, 'all', '2026-11-02', { 'nps.v.9': 1, 'nps.v.3': 2, 'nps.v.11': 5 })
    await put(practiceId, visit, 'all', '2026-11-09', { 'nps.v.0': 1 })
    await put(practiceId, other, 'all', '2026-11-02', { 'nps.v.0': 50 })

    const { db: counted, sent } = counting(db)
    const weeks = await weeklyTopBox(counted, practiceId, 'check-in', '2026-11-02', '2026-11-09', {
      npsSurveys: [pulse, visit],
    })
    expect(weeks).toEqual([
      { week: '2026-11-02', n: 1, k: 1, nps: { promoters: 3, passives: 1, detractors: 2 } },
      { week: '2026-11-09', n: 0, k: 0, nps: { promoters: 0, passives: 0, detractors: 1 } },
    ])
    expect(sent).toEqual(['Query', 'Query', 'Query'])
  })

  it('reads the weeks of one location when given its scope', async () => {
    const practiceId = ulid()
    const location = `L#${ulid()}` as const
    await put(practiceId, '*', location, '2026-11-02', { 'tp.billing.v.1': 4 })
    expect(
      await weeklyTopBox(db, practiceId, 'billing', '2026-11-02', '2026-11-02', {
        scope: location,
      }),
    ).toEqual([{ week: '2026-11-02', n: 4, k: 0 }])
    expect(await weeklyTopBox(db, practiceId, 'billing', '2026-11-02', '2026-11-02')).toEqual([
      { week: '2026-11-02', n: 0, k: 0 },
    ])
  })
})
