import { DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import { rebuild, type CounterDifference } from '../../../functions/src/store/counter-rebuild'
import type { Db } from '../../../functions/src/store/db'
import { Caller, freshPractice, testApp } from '../../support/api'
import { testDb } from '../../support/db'
import { newKey, publishedSurvey, pulseAnswers } from '../../support/surveys'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db, { PUBLIC_SUBMIT_RATE_LIMIT: '0' })
})

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))

type Item = Record<string, unknown> & { pk: string; sk: string }

/** Every item under a partition key, read straight from the table. */
async function partition(table: Db, pk: string): Promise<Item[]> {
  const items: Item[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const page = await table.client.send(
      new QueryCommand({
        TableName: table.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ExclusiveStartKey,
      }),
    )
    items.push(...((page.Items ?? []) as Item[]))
    ExclusiveStartKey = page.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return items
}

/** A practice with one survey, a location and a provider, and a few responses among them. */
async function practiceWithResponses(on: App) {
  const { owner, practiceId } = await freshPractice(on)
  const { id: surveyId } = await publishedSurvey(owner)
  const location = (await owner.post('/api/locations', { name: 'North' })).body.id as string
  const provider = (await owner.post('/api/providers', { name: 'Dr. Ames' })).body.id as string
  const sent = [
    { answers: pulseAnswers(10), location, provider },
    { answers: pulseAnswers(9, { improve: 'We waited over an hour and nobody told us why' }) },
    { answers: pulseAnswers(4, { visit: 2 }), location },
    { answers: pulseAnswers(7, { booking: 1 }), provider },
  ]
  for (const body of sent) {
    const res = await new Caller(on).post(`/api/public/surveys/${surveyId}/responses`, {
      idempotencyKey: newKey(),
      language: 'en',
      ...body,
    })
    if (res.status !== 201) throw new Error(`could not submit: ${JSON.stringify(res.body)}`)
  }
  return { owner, practiceId, surveyId, location, provider, responses: sent.length }
}

const countersPk = (practiceId: string, surveyId: string) => `P#${practiceId}#C#${surveyId}`

/** Every counter item of the practice (its survey and all surveys), keyed `pk sk`. */
async function allCounters(table: Db, practiceId: string, surveyId: string) {
  const items = [
    ...(await partition(table, countersPk(practiceId, surveyId))),
    ...(await partition(table, countersPk(practiceId, '*'))),
  ]
  return new Map(items.map((item) => [`${item.pk} ${item.sk}`, item]))
}

const numbersOf = (item: Item) =>
  Object.entries(item).filter((entry): entry is [string, number] => typeof entry[1] === 'number')

const byCounterAndName = (a: CounterDifference, b: CounterDifference) =>
  `${a.surveyId} ${a.counter} ${a.name}`.localeCompare(`${b.surveyId} ${b.counter} ${b.name}`)

/** Adds a bogus increment to the all-surveys counter of this week, as a doubled ADD would. */
async function addBogus(table: Db, practiceId: string): Promise<CounterDifference[]> {
  const weekAll = (await partition(table, countersPk(practiceId, '*'))).find((item) =>
    item.sk.startsWith('W#all#'),
  )!
  expect(weekAll['nps.v.0']).toBeUndefined()
  await table.client.send(
    new UpdateCommand({
      TableName: table.table,
      Key: { pk: weekAll.pk, sk: weekAll.sk },
      UpdateExpression: 'ADD #responses :two, #zero :three',
      ExpressionAttributeNames: { '#responses': 'responses', '#zero': 'nps.v.0' },
      ExpressionAttributeValues: { ':two': 2, ':three': 3 },
    }),
  )
  return [
    {
      counter: weekAll.sk,
      surveyId: '*',
      name: 'responses',
      expected: weekAll.responses as number,
      actual: (weekAll.responses as number) + 2,
    },
    { counter: weekAll.sk, surveyId: '*', name: 'nps.v.0', expected: 0, actual: 3 },
  ]
}

/** Deletes the survey's counter of this month at the location, as lost ADDs would. */
async function deleteOne(
  table: Db,
  practiceId: string,
  surveyId: string,
  location: string,
): Promise<CounterDifference[]> {
  const monthAtLocation = (await partition(table, countersPk(practiceId, surveyId))).find((item) =>
    item.sk.startsWith(`M#L#${location}#`),
  )!
  await table.client.send(
    new DeleteCommand({
      TableName: table.table,
      Key: { pk: monthAtLocation.pk, sk: monthAtLocation.sk },
    }),
  )
  return numbersOf(monthAtLocation).map(([name, value]) => ({
    counter: monthAtLocation.sk,
    surveyId,
    name,
    expected: value,
    actual: 0,
  }))
}

async function corrupt(table: Db, practiceId: string, surveyId: string, location: string) {
  const differences = [
    ...(await addBogus(table, practiceId)),
    ...(await deleteOne(table, practiceId, surveyId, location)),
  ]
  return differences.sort(byCounterAndName)
}

describe('rebuild', () => {
  it('lists exactly the corrupted counters, rewrites them, and then finds nothing', async () => {
    const { owner, practiceId, surveyId, location, responses } = await practiceWithResponses(app)
    const counters = await allCounters(db, practiceId, surveyId)
    const summary = (await owner.get('/api/analytics/summary')).body
    expect((await rebuild(db, practiceId, { write: false })).differences).toEqual([])

    const corrupted = await corrupt(db, practiceId, surveyId, location)
    expect((await owner.get('/api/analytics/summary')).body.responses).toBe(responses + 2)

    const check = await rebuild(db, practiceId, { write: false })
    expect(check.responses).toBe(responses)
    expect(check.rewritten).toBe(false)
    expect([...check.differences].sort(byCounterAndName)).toEqual(corrupted)
    // A check writes nothing: the corruption is still there.
    expect((await owner.get('/api/analytics/summary')).body.responses).toBe(responses + 2)

    const fix = await rebuild(db, practiceId, { write: true })
    expect(fix.rewritten).toBe(true)
    expect([...fix.differences].sort(byCounterAndName)).toEqual(corrupted)
    expect(fix.counters).toBe(counters.size)

    const after = await rebuild(db, practiceId, { write: false })
    expect(after).toEqual({ ...fix, differences: [], rewritten: false })
    expect(await allCounters(db, practiceId, surveyId)).toEqual(counters)
    expect((await owner.get('/api/analytics/summary')).body).toEqual(summary)
  })

  it('removes a counter item no response accounts for', async () => {
    const { practiceId, surveyId, responses } = await practiceWithResponses(app)
    const counters = await allCounters(db, practiceId, surveyId)
    const stray = { pk: countersPk(practiceId, '*'), sk: 'W#all#2001-01-01' }
    await db.client.send(
      new UpdateCommand({
        TableName: db.table,
        Key: stray,
        UpdateExpression: 'ADD #responses :one',
        ExpressionAttributeNames: { '#responses': 'responses' },
        ExpressionAttributeValues: { ':one': 1 },
      }),
    )
    const fix = await rebuild(db, practiceId, { write: true })
    expect(fix.responses).toBe(responses)
    expect(fix.differences).toEqual([
      { counter: stray.sk, surveyId: '*', name: 'responses', expected: 0, actual: 1 },
    ])
    expect(await allCounters(db, practiceId, surveyId)).toEqual(counters)
  })

  it('leaves another practice’s counters alone', async () => {
    const mine = await practiceWithResponses(app)
    const theirs = await practiceWithResponses(app)
    const theirCounters = await allCounters(db, theirs.practiceId, theirs.surveyId)
    await corrupt(db, theirs.practiceId, theirs.surveyId, theirs.location)
    const corrupted = await allCounters(db, theirs.practiceId, theirs.surveyId)
    expect(corrupted).not.toEqual(theirCounters)

    const fix = await rebuild(db, mine.practiceId, { write: true })
    expect(fix.differences).toEqual([])
    expect(await allCounters(db, theirs.practiceId, theirs.surveyId)).toEqual(corrupted)
  })
})

describe('npm run counters:rebuild', () => {
  it('reports a difference with exit 1 under --check, rewrites without it, then checks clean', async () => {
    // A table of its own: the command goes through every practice in the table.
    const own = await testDb()
    const ownApp = testApp(own, { PUBLIC_SUBMIT_RATE_LIMIT: '0' })
    const { practiceId, surveyId, responses } = await practiceWithResponses(ownApp)
    const counters = await allCounters(own, practiceId, surveyId)
    const corrupted = await addBogus(own, practiceId)

    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['scripts/counters-rebuild.mjs', ...args], {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
          TABLE_NAME: own.table,
          AWS_REGION: 'us-east-1',
          AWS_ACCESS_KEY_ID: 'local',
          AWS_SECRET_ACCESS_KEY: 'local',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
      })
    const lineOf = (stdout: string) =>
      stdout.split('\n').find((line) => line.includes(`(${practiceId}): `))

    const checked = run('--check')
    expect(checked.stderr).toBe('')
    expect(checked.status, checked.stdout).toBe(1)
    expect(lineOf(checked.stdout)).toBe(
      `Sunrise Dermatology (${practiceId}): ${responses} responses, ${counters.size} counters, ` +
        `${corrupted.length} differences:`,
    )
    for (const d of corrupted) {
      expect(checked.stdout).toContain(
        `  all surveys, ${d.counter}, ${d.name}: counted ${d.actual}, responses say ${d.expected}\n`,
      )
    }
    // --check writes nothing.
    expect(await allCounters(own, practiceId, surveyId)).not.toEqual(counters)

    const rewrote = run()
    expect(rewrote.status, rewrote.stderr).toBe(0)
    expect(rewrote.stdout).toContain('Rewrote the counters from the responses.')
    expect(await allCounters(own, practiceId, surveyId)).toEqual(counters)

    const clean = run('--check')
    expect(clean.status, clean.stderr).toBe(0)
    expect(lineOf(clean.stdout)).toBe(
      `Sunrise Dermatology (${practiceId}): ${responses} responses, ${counters.size} counters, no difference.`,
    )
  }, 180_000)
})
