import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import type { Db } from '../../../functions/src/store/db'
import { freshPractice, testApp } from '../../support/api'
import { testDb } from '../../support/db'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db)
})

/** The practice's name claims and markers, as a practice from before claims would lack them. */
async function forgetNameClaims(practiceId: string) {
  const { Items } = await db.client.send(
    new QueryCommand({
      TableName: db.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `P#${practiceId}`, ':prefix': 'NAME#' },
    }),
  )
  expect(Items?.length).toBeGreaterThan(0)
  for (const { pk, sk } of Items ?? []) {
    await db.client.send(new DeleteCommand({ TableName: db.table, Key: { pk, sk } }))
  }
}

describe.each(['locations', 'providers'])('%s names are unique, atomically', (collection) => {
  it('lets exactly one of ten concurrent creates with one name through', async () => {
    const { owner } = await freshPractice(app)
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        owner.post(`/api/${collection}`, { name: i % 2 ? 'North Clinic' : ' north  clinic' }),
      ),
    )
    const statuses = answers.map((answer) => answer.status).sort()
    expect(statuses).toEqual([201, ...Array(9).fill(409)])
    for (const refused of answers.filter((answer) => answer.status === 409)) {
      expect(refused.headers.get('content-type')).toContain('application/problem+json')
      expect(refused.body.field).toBe('name')
    }
    expect((await owner.get(`/api/${collection}`)).body.items).toHaveLength(1)
  })

  it('refuses a rename into a taken name, and a rename frees the old one', async () => {
    const { owner } = await freshPractice(app)
    const north = (await owner.post(`/api/${collection}`, { name: 'North' })).body.id
    const south = (await owner.post(`/api/${collection}`, { name: 'South' })).body.id
    expect((await owner.patch(`/api/${collection}/${south}`, { name: 'NORTH' })).status).toBe(409)
    expect((await owner.patch(`/api/${collection}/${north}`, { name: 'East' })).status).toBe(200)
    // North is free again, and East is now taken.
    expect((await owner.post(`/api/${collection}`, { name: 'North' })).status).toBe(201)
    expect((await owner.post(`/api/${collection}`, { name: 'east' })).status).toBe(409)
    const names = (await owner.get(`/api/${collection}`)).body.items.map(
      (item: { name: string }) => item.name,
    )
    expect(names).toEqual(['East', 'North', 'South'])
  })

  it('frees a name when its item is removed', async () => {
    const { owner } = await freshPractice(app)
    const north = (await owner.post(`/api/${collection}`, { name: 'North' })).body.id
    expect((await owner.delete(`/api/${collection}/${north}`)).status).toBe(204)
    expect((await owner.post(`/api/${collection}`, { name: 'North' })).status).toBe(201)
  })

  it('claims the names of items stored before claims on the first write', async () => {
    const { owner, practiceId } = await freshPractice(app)
    await owner.post(`/api/${collection}`, { name: 'North' })
    const south = (await owner.post(`/api/${collection}`, { name: 'South' })).body.id
    await forgetNameClaims(practiceId)
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => owner.post(`/api/${collection}`, { name: 'north' })),
    )
    expect(answers.map((answer) => answer.status)).toEqual([409, 409, 409, 409])
    // A rename of an old item moves its (backfilled) claim.
    expect((await owner.patch(`/api/${collection}/${south}`, { name: 'West' })).status).toBe(200)
    expect((await owner.post(`/api/${collection}`, { name: 'South' })).status).toBe(201)
    expect((await owner.post(`/api/${collection}`, { name: 'West' })).status).toBe(409)
  })
})
