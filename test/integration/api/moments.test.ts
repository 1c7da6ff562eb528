import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import { praiseOfWeek } from '../../../functions/src/api/moments/week-praise'
import { isoWeekOf } from '../../../functions/src/domain/moments/iso-week'
import { roster } from '../../../functions/src/store/roster'
import type { Db } from '../../../functions/src/store/db'
import { addMember, Caller, freshPractice, testApp } from '../../support/api'
import { testDb } from '../../support/db'
import { incomingReview, seedReviews } from '../../support/reviews'
import { newKey, publishedSurvey, pulseAnswers } from '../../support/surveys'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db, { PUBLIC_SUBMIT_RATE_LIMIT: '0', LOG_LEVEL: 'error' })
})

/** A practice with a provider known as "Dr. O", a staffer, and this week's comments and a review. */
async function practiceWithStories() {
  const practice = await freshPractice(app, 'Alder Family Medicine')
  const { owner } = practice
  const okafor = (await owner.post('/api/providers', { name: 'Dr. Helen Okafor', title: 'MD' }))
    .body
  await owner.patch(`/api/providers/${okafor.id}`, { aliases: ['Dr. O'] })
  await owner.post('/api/providers', { name: 'Dr. Raj Kapoor', title: 'MD' })
  const staff = await addMember(app, owner, 'staff') // named "Sam staff"
  const { id: surveyId } = await publishedSurvey(owner)
  const comment = (improve: string, recommend = 10) =>
    new Caller(app).post(`/api/public/surveys/${surveyId}/responses`, {
      idempotencyKey: newKey(),
      language: 'en',
      answers: pulseAnswers(recommend, { improve, provider: okafor.id }),
    })
  for (const text of [
    'The wait was long but Dr. O kept us informed and explained everything. Call me at 555-010-0199.',
    'Sam was rude at the desk.',
    'Parking was fine.',
  ]) {
    const res = await comment(text)
    if (res.status !== 201) throw new Error(JSON.stringify(res.body))
  }
  await seedReviews(db, practice.practiceId, [
    incomingReview({
      text: 'Dr. Okafor listened to every worry my mother had.',
      stars: 5,
      daysAgo: 0,
    }),
  ])
  return { ...practice, okaforId: okafor.id as string, staff, surveyId }
}

// Each test makes a practice with a published survey and comments: slow on a busy machine.
describe('customer-experience moments', { timeout: 90_000 }, () => {
  it("ranks this week's praise and recoveries, leaves complaints out, and de-identifies quotes", async () => {
    const { owner, okaforId } = await practiceWithStories()
    const res = await owner.get('/api/moments/candidates')
    expect(res.status).toBe(200)
    expect(res.body.week).toMatch(/^\d{4}-W\d{2}$/)
    const quotes = res.body.items.map((c: { quote: string }) => c.quote)
    expect(quotes).toHaveLength(2)
    expect(quotes.join(' ')).not.toContain('rude')
    expect(quotes.join(' ')).not.toContain('555-010-0199')
    const [first] = res.body.items
    expect(first).toMatchObject({
      origin: { kind: 'response' },
      rank: 1,
      recovery: true,
      staff: [{ kind: 'provider', id: okaforId, name: 'Dr. Helen Okafor' }],
    })
    expect(first.reason).toContain('Tells of a failure put right')
    expect(res.body.items[1].origin.kind).toBe('review')
  })

  it("takes any staffer's story, keeps candidates for managers, and makes each story one moment", async () => {
    const { owner, staff, okaforId } = await practiceWithStories()
    expect((await staff.member.get('/api/moments/candidates')).status).toBe(403)
    const submitted = await staff.member.post('/api/moments/submissions', {
      story: 'Dr. Kapoor stayed after hours to call a worried family back.',
      staff: [{ kind: 'provider', id: okaforId }],
    })
    expect(submitted.status).toBe(201)
    const bad = await staff.member.post('/api/moments/submissions', {
      story: '',
      staff: [{ kind: 'user', id: '01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B' }],
    })
    expect(bad.status).toBe(400)
    expect(bad.headers.get('content-type')).toBe('application/problem+json')

    const { items } = (await owner.get('/api/moments/candidates')).body
    expect(items.map((c: { origin: { kind: string } }) => c.origin.kind)).toContain('staff')
    const [best] = items
    const body = {
      week: isoWeekOf(new Date(), 'America/Chicago'),
      origin: best.origin,
      quote: best.quote,
      staff: best.staff.map(({ kind, id }: { kind: string; id: string }) => ({ kind, id })),
      whatTheyDid: 'Came out to the waiting room every fifteen minutes with an update.',
    }
    const missingGain = await owner.post('/api/moments', body)
    expect(missingGain.status).toBe(400)
    expect(JSON.stringify(missingGain.body)).toContain('patientGain')
    const created = await owner.post('/api/moments', {
      ...body,
      patientGain: 'She knew where she stood, and stopped worrying she had been forgotten.',
    })
    expect(created.status).toBe(201)
    const again = await owner.post('/api/moments', { ...body, patientGain: 'Twice' })
    expect(again.status).toBe(409)
    expect(again.body.detail).toContain(created.body.id)

    const listed = (await staff.member.get('/api/moments')).body
    expect(listed.items.map((m: { id: string }) => m.id)).toEqual([created.body.id])
    expect(listed.weeksWithMoment).toBe(1)
    expect(listed.weeks).toBe(13)
    expect((await staff.member.get(`/api/moments/${created.body.id}`)).body.staffNames).toEqual([
      { kind: 'provider', id: okaforId, name: 'Dr. Helen Okafor' },
    ])
    const marked = (await owner.get('/api/moments/candidates')).body.items[0]
    expect(marked.momentId).toBe(created.body.id)
  })

  it('de-identifies a quote the manager typed, and keeps it through an edit', async () => {
    const { owner, okaforId } = await practiceWithStories()
    const created = await owner.post('/api/moments', {
      week: '2026-W48',
      quote: 'My son Leo (born 3/14/2019) was calm because Dr. O sang to him on March 3.',
      staff: [{ kind: 'provider', id: okaforId }],
      whatTheyDid: 'Sang during the shot',
      patientGain: 'A calm first vaccination',
    })
    expect(created.body.quote).toBe(
      'My son [removed name] (born [date removed]) was calm because Dr. O sang to him on [date removed].',
    )
    const changed = await owner.patch(`/api/moments/${created.body.id}`, {
      whatTheyDid: 'Sang a song during the shot',
    })
    expect(changed.status).toBe(200)
    expect(changed.body.whatTheyDid).toBe('Sang a song during the shot')
    expect(changed.body.quote).toBe(created.body.quote)
  })

  it("tells the recognised staffer with a link, never the patient's words", async () => {
    const { owner, staff, okaforId, email } = await practiceWithStories()
    const created = await owner.post('/api/moments', {
      week: '2026-W48',
      quote: 'Sam calmed my father down when he got lost in the parking lot.',
      staff: [
        { kind: 'user', id: staff.userId },
        { kind: 'provider', id: okaforId },
      ],
      whatTheyDid: 'Walked him to the car',
      patientGain: 'He got home safe and unafraid',
    })
    const res = await owner.post(`/api/moments/${created.body.id}/recognise`)
    expect(res.status).toBe(200)
    expect(res.body.notified).toEqual([{ kind: 'user', id: staff.userId }])
    expect(res.body.notNotified).toEqual([
      expect.objectContaining({ kind: 'provider', id: okaforId }),
    ])
    const mail = (await owner.get('/api/outbox')).body.items.filter(
      (m: { to: string }) => m.to === staff.email,
    )
    expect(mail).toHaveLength(2) // the invitation, then the recognition
    const recognition = mail.find((m: { subject: string }) => m.subject.includes('recognised'))
    expect(recognition.link).toMatch(new RegExp(`/moments/${created.body.id}$`))
    for (const words of ['father', 'parking', 'lost', 'Walked', 'safe'])
      expect(JSON.stringify(recognition)).not.toContain(words)
    expect(email).not.toBe(staff.email)
    const opened = await staff.member.get(
      new URL(recognition.link).pathname.replace('/moments', '/api/moments'),
    )
    expect(opened.body.recognised).toEqual([{ kind: 'user', id: staff.userId }])
  })

  it('respects "don\'t feature me" everywhere, and only the person or the owner sets it', async () => {
    const { owner, staff, okaforId, ownerId } = await practiceWithStories()
    const manager = await addMember(app, owner, 'manager')
    expect(
      (await staff.member.patch(`/api/team/${staff.userId}`, { role: 'manager' })).status,
    ).toBe(403)
    expect((await staff.member.patch(`/api/team/${ownerId}`, { aliases: ['Boss'] })).status).toBe(
      403,
    )
    expect(
      (await manager.member.patch(`/api/team/${staff.userId}`, { featureOptOut: true })).status,
    ).toBe(403)
    const aliased = await manager.member.patch(`/api/team/${staff.userId}`, { aliases: ['Sammy'] })
    expect(aliased.body).toMatchObject({ aliases: ['Sammy'], featureOptOut: false })

    const moment = await owner.post('/api/moments', {
      week: '2026-W48',
      quote: 'Sammy found my lost wallet.',
      staff: [{ kind: 'user', id: staff.userId }],
      whatTheyDid: 'Searched the waiting room',
      patientGain: 'Went home with her cards and her calm',
    })
    expect(moment.status).toBe(201)
    await staff.member.post('/api/moments/submissions', {
      story: 'Sammy and Dr. Okafor got a scared boy through his stitches.',
      staff: [{ kind: 'user', id: staff.userId }],
    })
    const optOut = await staff.member.patch(`/api/team/${staff.userId}`, { featureOptOut: true })
    expect(optOut.body.featureOptOut).toBe(true)

    const candidates = (await owner.get('/api/moments/candidates')).body.items
    expect(JSON.stringify(candidates)).not.toContain('Sammy')
    expect((await owner.get('/api/moments')).body.items).toEqual([])
    expect((await owner.get(`/api/moments/${moment.body.id}`)).status).toBe(404)
    const refused = await owner.post('/api/moments', {
      week: '2026-W48',
      quote: 'Sammy was kind.',
      staff: [{ kind: 'user', id: staff.userId }],
      whatTheyDid: 'Was kind',
      patientGain: 'Felt welcome',
    })
    expect(refused.status).toBe(400)
    expect(refused.body.field).toBe('staff.0.id')
    const wall = (await owner.get('/api/recognition')).body.items
    expect(wall.map((row: { staff: { id: string } }) => row.staff.id)).not.toContain(staff.userId)
    expect(wall.find((row: { staff: { id: string } }) => row.staff.id === okaforId)).toMatchObject({
      mentions: 2,
    })
  })

  it("keeps a finished week's praise for the wall, and reads it again for a changed roster", async () => {
    const { practiceId, owner, okaforId, surveyId } = await practiceWithStories()
    const practice = { id: practiceId, timeZone: 'America/Chicago', languages: ['en' as const] }
    const week = isoWeekOf(new Date(), practice.timeZone)
    const nextWeek = new Date(Date.now() + 8 * 86400_000) // the week is over by then
    const people = await roster(db, practiceId)
    const first = await praiseOfWeek(db, practice, week, people, nextWeek)
    expect(first[`provider:${okaforId}`]?.mentions).toBe(2)

    await new Caller(app).post(`/api/public/surveys/${surveyId}/responses`, {
      idempotencyKey: newKey(),
      language: 'en',
      answers: pulseAnswers(10, { improve: 'Dr. Okafor explained my results so clearly.' }),
    })
    // Kept: the same roster reads the tally, not the comments.
    expect(await praiseOfWeek(db, practice, week, await roster(db, practiceId), nextWeek)).toEqual(
      first,
    )
    await owner.patch(`/api/providers/${okaforId}`, { aliases: ['Dr. O', 'Helen'] })
    const reread = await praiseOfWeek(db, practice, week, await roster(db, practiceId), nextWeek)
    expect(reread[`provider:${okaforId}`]?.mentions).toBe(3)
  })
})
